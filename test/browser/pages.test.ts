// The HTML pages (comparison, overview) in headless Chromium: they load with no console error, no
// failed or remote request, and draw what they promise (charts, sortable table). Run by
// `npm run test:e2e` after scripts/e2e/setup.sh has installed Chromium and playwright-core
// (`npx mocha --no-config -r tsx/cjs test/browser` by hand).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseReport } from '../../server/src/parse/parse';
import { checkText } from '../../server/src/check';
import { compareReports } from '../../server/src/compare/compare';
import { comparisonHtml } from '../../server/src/summary/compareHtml';
import { summaryHtml } from '../../server/src/summary/summaryHtml';
import { reportFigures } from '../../server/src/summary/figures';
import { withCells } from '../unit/compare/edit';

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.join(process.env.E2E_DIR ?? path.join(ROOT, '.e2e'), 'tools');
const FIX = path.join(ROOT, 'test', 'fixtures');

interface Page { on(e: string, f: (x: any) => void): void; goto(u: string): Promise<unknown>; waitForTimeout(ms: number): Promise<void>; evaluate(expression: string): Promise<unknown>; click(sel: string): Promise<void>; close(): Promise<void> }
interface Browser { newPage(): Promise<Page>; close(): Promise<void> }

describe('HTML pages in headless Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pages-'));
  before(async () => {
    const req = createRequire(path.join(TOOLS, 'package.json'));
    const { chromium } = req('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => { await browser?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  async function open(html: string, name: string) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, html);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e}`));
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`); });
    page.on('requestfailed', (r) => problems.push(`failed request ${r.url()}`));
    await page.goto(`file://${file}`);
    await page.waitForTimeout(300);
    return { page, problems };
  }

  it('the comparison page', async () => {
    const text = readFileSync(path.join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
    const next = withCells(text, [{ table: 't3', row: 'carried', column: 'natural', value: 2 }, { table: 't2.5', row: 'licensing', column: 'decisions', value: 3000 }]);
    const c = compareReports(parseReport(text, 'a'), parseReport(next, 'b'));
    const { page, problems } = await open(comparisonHtml(c, 'zh'), 'compare.html');
    assert.deepEqual(problems, []);
    const cells = await page.evaluate("document.querySelectorAll('td.changed').length");
    assert.equal(cells, 2);
    assert.equal(await page.evaluate("document.querySelectorAll('#carryover td.bad').length"), 1);
    await page.close();
  });

  it('the overview page: charts drawn, table sorts by a column', async () => {
    const figures = fs.readdirSync(FIX).filter((f) => f.endsWith('.txt')).map((f) => {
      const { report, findings } = checkText(readFileSync(path.join(FIX, f), 'utf8'), { uri: f });
      return reportFigures(f, report, findings);
    });
    const { page, problems } = await open(summaryHtml(figures, 'zh'), 'summary.html');
    assert.deepEqual(problems, []);
    assert.ok(Number(await page.evaluate("document.querySelectorAll('#chart-rules svg').length")) > 0, 'findings-by-rule chart');
    assert.ok(Number(await page.evaluate("document.querySelectorAll('#chart-outcomes svg').length")) > 0, 'outcomes chart');
    await page.click('#reports th:nth-child(4)'); // 新收申请, ascending
    await page.click('#reports th:nth-child(4)'); // descending
    const first = await page.evaluate("document.querySelector('#reports tbody tr td:nth-child(4)').innerText");
    assert.equal(first, '22');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
