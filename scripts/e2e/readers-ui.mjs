// UI test of a PDF report in the real workbench (called by run.mjs after the preview test): opens a real
// published PDF (洪泽区 2023, test/fixtures/real/sources/), runs 检查此文件 on it, and checks that the
// read-only extracted view carries the report's findings and the Problems panel lists them with their
// place in the PDF. Writes the README's screenshot docs/screenshots/pdf-findings.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PDF = 'hongze-gov-2023.pdf';
// What a reviewer found by hand in this report (truth.json): a broken row label and two wrong totals in 表四.
const EXPECTED = ['2.其他法律行政止公开', 'total-mismatch', 'table-label'];

export async function readersUiTest(page, { log, waitFor, sleep, screenshots, url, failDir, ws }) {
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/real/sources', PDF), path.join(ws, PDF));
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.statusbar').waitFor({ timeout: 60000 });
    await sleep(500);
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('Control+P');
    await input.waitFor({ timeout: 15000 });
    await input.fill(PDF);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PDF }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${PDF}"]`).first().waitFor({ timeout: 30000 });
    // 检查此文件 from the command palette, with the PDF as the active tab. The command's `when` (resourceExtname)
    // follows the focused editor: on a loaded machine the palette can open before the new tab's context is set
    // (seen once in CI: "No matching commands"), so focus the editor and ask again, up to three times.
    const command = page.locator('.quick-input-list .monaco-list-row', { hasText: '检查此文件' }).first();
    for (let attempt = 1; ; attempt++) {
      await page.locator('.editor-group-container .monaco-editor').first().click().catch(() => {});
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor({ timeout: 15000 });
      await input.fill('>检查此文件');
      try { await command.waitFor({ timeout: 15000 }); break; } catch (e) {
        if (attempt === 3) throw e;
        log(`UI readers: 检查此文件 not offered yet (attempt ${attempt}), retrying`);
        await page.keyboard.press('Escape');
        await sleep(2000);
      }
    }
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${PDF}.txt"]`).first().waitFor({ timeout: 60000 });
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    let texts = [];
    await waitFor(async () => {
      texts = await rows.allInnerTexts();
      const joined = texts.join('\n');
      return EXPECTED.every((e) => joined.includes(e));
    }, 60000, async () => `Problems panel lacks ${JSON.stringify(EXPECTED)}; rows:\n${texts.join('\n')}`);
    log(`UI readers: ${texts.length} problem rows: ${JSON.stringify(texts.map((t) => t.replace(/\s+/g, ' ')))}`);
    // Reveal the row-label finding in the editor (a click on its row in the Problems panel).
    await rows.filter({ hasText: '2.其他法律行政止公开' }).first().click();
    await sleep(800);
    const squiggles = await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count();
    if (!squiggles) throw new Error('no squiggle in the extracted view');
    await page.screenshot({ path: path.join(screenshots, 'pdf-findings.png') });
    log(`UI readers ok: ${squiggles} squiggles in the extracted view of ${PDF}; screenshot pdf-findings.png`);
    return [];
  } catch (e) {
    const shot = path.join(failDir, 'ui-readers-failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    log(`UI readers FAILED: ${e.message} (screenshot ${shot})`);
    return [e.message];
  }
}
