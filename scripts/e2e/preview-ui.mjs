// UI test of the table preview, comparison and overview webviews in the real workbench (called by
// run.mjs after its own UI test): opens each sample with its preview beside it, hovers and clicks a
// highlighted cell, and writes the screenshots the README shows (docs/screenshots/preview-*.png…).
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

export async function previewUiTest(page, { log, waitFor, sleep, screenshots, url, failDir }) {
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
    await page.keyboard.press('Control+P');
    await input.waitFor({ timeout: 15000 });
    await input.fill(name);
    // Quick Open searches the folder; on a busy machine the first rows can be stale: wait for this file.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab[data-resource-name="${name}"]`).first().waitFor({ timeout: 30000 });
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
  return failures;
}
