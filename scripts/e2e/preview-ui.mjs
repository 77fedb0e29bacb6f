// UI test of the table preview, comparison and overview webviews in the real workbench (called by
// run.mjs after its own UI test): opens each sample with its preview beside it, hovers and clicks a
// highlighted cell, and writes the screenshots the README shows (docs/screenshots/preview-*.png…).
import fs from 'node:fs';
import path from 'node:path';

const SAMPLES = [
  'kunming-xishan-health-2022-pipe.txt',
  'lushan-health-2021-tab.txt',
  'xinjiang-health-2023-cell-per-line.txt',
  'xinxiang-health-2020-pipe.txt',
  'yuyao-health-2020-indented.txt',
];

/** The document inside the active webview (VS Code nests it: iframe.webview → #active-frame). */
const webview = (page) => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');

/** This year's report of the Kunming sample's agency: new figures, and 上年结转 that does not repeat last year's 结转. */
function nextYear(text) {
  const swap = (from, to) => { if (!text.includes(from)) throw new Error(`sample changed: no "${from}"`); text = text.split(from).join(to); };
  swap('2022年政府信息公开', '2023年政府信息公开');
  swap('一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '一、本年新收政府信息公开申请数量 | 14 | 2 | 0 | 0 | 0 | 0 | 16 |');
  swap('二、上年结转政府信息公开申请数量 | 0 | 0 |', '二、上年结转政府信息公开申请数量 | 0 | 1 |');
  swap('(一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '(一)予以公开 | 12 | 2 | 0 | 0 | 0 | 0 | 14 |');
  swap('(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '(七)总计 | 14 | 2 | 0 | 0 | 0 | 0 | 16 |');
  swap('行政许可 | 1321 |', '行政许可 | 2987 |');
  return text;
}

export async function previewUiTest(page, { log, waitFor, sleep, screenshots, url, failDir, ws }) {
  const PAIR = '昆明市西山区卫生健康局2023年政府信息公开工作年度报告.txt';
  fs.writeFileSync(path.join(ws, PAIR), nextYear(fs.readFileSync(path.join(ws, 'kunming-xishan-health-2022-pipe.txt'), 'utf8')));
  const failures = [];
  const check = async (name, fn) => {
    try { await fn(); log(`UI preview ok: ${name}`); } catch (e) {
      failures.push(`${name}: ${e.message}`);
      const shot = path.join(failDir, `ui-preview-failure-${name.replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      log(`UI preview FAILED: ${name}: ${e.message} (screenshot ${shot})`);
    }
  };
  const input = page.locator('.quick-input-widget input');
  const openFile = async (name) => {
    // An open editor is brought forward by its tab (Quick Open may answer from a stale list).
    const tab = page.locator(`.tab[data-resource-name="${name}"]`).first();
    if (await tab.count()) {
      await tab.scrollIntoViewIfNeeded().catch(() => {});
      await tab.click();
      await page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 30000 });
      return;
    }
    // Keys go to the workbench, not to a webview that may hold the focus.
    await page.locator('.monaco-editor .view-lines').first().click().catch(() => {});
    await page.keyboard.press('Control+P');
    await input.waitFor({ timeout: 15000 });
    await input.fill(name);
    // Quick Open searches the folder; on a busy machine the first rows can be stale: wait for this file.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 30000 });
  };
  const runCommand = async (titles) => {
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 15000 });
    for (const title of titles) {
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      if (await row.waitFor({ timeout: 4000 }).then(() => true, () => false)) { await page.keyboard.press('Enter'); return; }
    }
    await page.keyboard.press('Escape');
    throw new Error(`no command titled ${titles.join(' / ')} in the palette`);
  };

  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.statusbar').waitFor({ timeout: 60000 });
  await sleep(500);
  // Room for the tables: hide the side bar (Ctrl+B).
  await page.keyboard.press('Control+B');

  let opened = false;
  for (const sample of SAMPLES) {
    await check(`preview of ${sample}`, async () => {
      await openFile(sample);
      await page.locator('.monaco-editor .view-lines').first().click();
      if (!opened) { await runCommand(['打开表格预览', 'Open Table Preview']); opened = true; }
      const title = webview(page).locator('#doc-meta');
      await waitFor(async () => /v\d+/.test(await title.innerText({ timeout: 2000 }).catch(() => '')), 30000, async () => 'the preview shows no tables');
      // The preview follows the active editor: wait until it shows this sample's tables.
      const want = sample.includes('2020') ? 7 : 6;
      await waitFor(async () => (await webview(page).locator('section.table').count().catch(() => 0)) === want
        && (await webview(page).locator('#doc-title').innerText().catch(() => '')) !== '', 20000,
      async () => `the preview of ${sample} does not show ${want} tables`);
      await sleep(300);
      await page.screenshot({ path: path.join(screenshots, `preview-${sample.replace(/\.txt$/, '')}.png`) });
    });
  }

  await check('a highlighted finding: hover shows its message, a click reveals it in the source', async () => {
    await openFile('xinjiang-health-2023-cell-per-line.txt');
    const cell = webview(page).locator('th.rl.f-warning', { hasText: '危及安全一稳定' }).first();
    await cell.waitFor({ timeout: 20000 });
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const tip = webview(page).locator('#tip');
    await waitFor(async () => /table-label/.test(await tip.innerText().catch(() => '')), 10000, async () => `no tooltip with the finding: "${await tip.innerText().catch(() => '')}"`);
    await sleep(200);
    await page.screenshot({ path: path.join(screenshots, 'preview-finding.png') });
    await cell.click();
    const sel = page.locator('#status\\.editor\\.selection');
    await waitFor(async () => /\b209\b/.test(await sel.innerText().catch(() => '')), 10000, async () => `the click did not reveal line 209: "${await sel.innerText().catch(() => '')}"`);
  });
  await check('与上年报告比较: the comparison page beside the report', async () => {
    await openFile(PAIR);
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(['与上年报告比较', 'Compare with Last Year']);
    const carry = webview(page).locator('#carryover');
    await carry.waitFor({ timeout: 30000 });
    const text = await carry.innerText();
    if (!/≠/.test(text)) throw new Error(`the carry-over table shows no mismatch: ${text}`);
    await sleep(300);
    await page.screenshot({ path: path.join(screenshots, 'compare.png') });
  });

  await check('overview of the workspace: charts and sortable table', async () => {
    await runCommand(['工作区年度报告概览', 'Overview of the Reports']);
    const table = webview(page).locator('#reports');
    await table.waitFor({ timeout: 30000 });
    await waitFor(async () => (await webview(page).locator('#chart-outcomes svg').count()) > 0, 20000, async () => 'the chart was not drawn');
    const rows = await table.locator('tbody tr').count();
    if (rows < 5) throw new Error(`the overview lists ${rows} reports`);
    await sleep(300);
    await page.screenshot({ path: path.join(screenshots, 'summary.png') });
    // Sorting: 新收申请 twice (descending) puts the largest figure first.
    const heading = table.locator('th', { hasText: '新收申请' });
    await heading.click();
    await heading.click();
    const first = await table.locator('tbody tr').first().locator('td').nth(3).innerText();
    if (first !== '22') throw new Error(`sorted by 新收申请 descending, the first row has ${first}`);
  });
  return failures;
}
