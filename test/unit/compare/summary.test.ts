// The overview's figures equal the tables they come from; the CLI's summary and compare commands.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { checkText } from '../../../server/src/check';
import { reportFigures } from '../../../server/src/summary/figures';
import { displayWidth, SUMMARY_COLUMNS } from '../../../server/src/summary/columns';
import { main } from '../../../server/src/cli';
import { withCells } from './edit';

const FIX = join(__dirname, '..', '..', 'fixtures');
const read = (f: string) => readFileSync(join(FIX, f), 'utf8');
// The five sample reports, named: test/fixtures also holds the real-report corpus (test/fixtures/real).
const SAMPLES = readdirSync(FIX).filter((f) => f.endsWith('.txt')).map((f) => join(FIX, f));

async function run(args: string[]) {
  const chunks: Record<'out' | 'err', Buffer[]> = { out: [], err: [] };
  const sink = (k: 'out' | 'err') => new Writable({ write(c, _e, cb) { chunks[k].push(Buffer.from(c)); cb(); } });
  const code = await main(args, sink('out'), sink('err'));
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

/** A sample checked as the CLI checks it, and its overview figures. */
function figuresOf(file: string) {
  const text = read(file);
  const { report, findings } = checkText(text, { uri: file });
  return { f: reportFigures(file, report, findings), report, findings };
}

describe('summary', () => {
  it('figures equal the tables: xinjiang 2023 (22 received = 15 disclosed + 4 withheld + 3 unavailable)', () => {
    const { f } = figuresOf('xinjiang-health-2023-cell-per-line.txt');
    assert.deepEqual(
      [f.agency, f.year, f.format, f.received, f.carriedOver, f.outcomes.disclosed, f.outcomes.partial, f.outcomes.withheld, f.outcomes.unavailable, f.outcomes.notProcessed, f.outcomes.otherOutcome, f.disposed, f.carriedForward],
      ['自治区卫生健康委', 2023, '2021', 22, 0, 15, 0, 4, 3, 0, 0, 22, 0],
    );
  });

  it('figures equal the tables: kunming 2022 (litigation 2 = 未经复议直接起诉 总计 2), findings by severity as checked', () => {
    const { f, findings } = figuresOf('kunming-xishan-health-2022-pipe.txt');
    assert.deepEqual([f.received, f.outcomes.disclosed, f.outcomes.unavailable, f.disposed, f.reviews, f.lawsuits], [6, 4, 2, 6, 0, 2]);
    assert.equal(f.findings.error + f.findings.warning + f.findings.info + f.findings.hint, findings.length);
    assert.equal(Object.values(f.byRule).reduce((a, b) => a + b, 0), findings.length);
  });

  it('a changed figure shows up in the overview (not a constant)', () => {
    const text = withCells(read('kunming-xishan-health-2022-pipe.txt'), [{ table: 't3', row: 'new', column: 'total', value: 41 }, { table: 't4', row: 'data', column: 'after.total', value: 5 }]);
    const { report, findings } = checkText(text, { uri: 'x' });
    const f = reportFigures('x', report, findings);
    assert.equal(f.received, 41);
    assert.equal(f.lawsuits, 7);
  });

  it('unreadable totals are null, not zero (lushan: rows with 8 numbers in a 7-column table)', () => {
    const { f } = figuresOf('lushan-health-2021-tab.txt');
    assert.equal(f.disposed, null);
    assert.equal(f.carriedForward, null);
    assert.equal(f.received, 0);
  });

  it('CLI text: one line per report, CJK columns aligned by display width', async () => {
    const r = await run(['summary', ...SAMPLES]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[0], /^机关 +年度 +格式 +新收申请/);
    const col = (l: string) => displayWidth(l.slice(0, l.indexOf('2021') >= 0 ? l.indexOf('2021') : l.indexOf('2020')));
    assert.equal(col(lines[1]), col(lines[3]), 'the year column starts at the same display column');
  });

  it('CLI csv and json agree with the figures; csv header is the column keys', async () => {
    const csv = await run(['summary', '--format', 'csv', ...SAMPLES]);
    const json = await run(['summary', '--format=json', ...SAMPLES]);
    assert.equal(csv.code, 0);
    const rows = csv.out.trimEnd().split('\n');
    assert.equal(rows[0], SUMMARY_COLUMNS.map((c) => c.key).join(','));
    const list = JSON.parse(json.out) as { file: string; received: number | null }[];
    assert.equal(list.length, 5);
    const xj = list.find((x) => x.file.includes('xinjiang'))!;
    assert.equal(xj.received, 22);
    assert.ok(rows.some((l) => l.startsWith('自治区卫生健康委,2023,2021,22,0,15,0,4,3,')));
  });

  it('CLI: usage errors exit 2 with a message; a missing folder is reported, exit 2', async () => {
    assert.equal((await run(['summary', '--format', 'xml', ...SAMPLES])).code, 2);
    assert.equal((await run(['summary'])).code, 2);
    const missing = await run(['summary', join(FIX, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope/);
  });

  it('CLI compare: text, json and html; usage errors; a binary file is a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-compare-'));
    const last = join(FIX, 'kunming-xishan-health-2022-pipe.txt');
    const next = join(dir, 'next.txt');
    writeFileSync(next, withCells(read('kunming-xishan-health-2022-pipe.txt'), [{ table: 't3', row: 'carried', column: 'natural', value: 2 }]).split('2022年政府信息公开').join('2023年政府信息公开'));
    const text = await run(['compare', last, next]);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /“自然人”列：本年上年结转 2，上年结转下年度 0/);
    const json = JSON.parse((await run(['compare', '--format', 'json', last, next])).out);
    assert.equal(json.carryover.status, 'mismatch');
    const html = (await run(['compare', '--format', 'html', '--lang', 'en', last, next])).out;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy/);
    assert.doesNotMatch(html, /(src|href)="https?:/);
    assert.equal((await run(['compare', last])).code, 2);
    assert.equal((await run(['compare', '--format', 'pdf', last, next])).code, 2);
    const bin = join(dir, 'bin.txt');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]));
    const bad = await run(['compare', bin, next]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bin\.txt: /);
  });

  it('CLI compare: a folder is not a report — usage error, never the folder\'s first reports compared under the names given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-compare-dir-'));
    const next = join(dir, 'next.txt');
    writeFileSync(next, read('kunming-xishan-health-2022-pipe.txt').split('2022年政府信息公开').join('2023年政府信息公开'));
    for (const args of [['compare', FIX, next], ['compare', next, dir]]) {
      const r = await run(args);
      assert.equal(r.code, 2, r.out.slice(0, 300));
      assert.equal(r.out, '');
      assert.match(r.err, /文件夹/);
    }
  });

  it('CLI summary html: self-contained page with the chart library inlined and the data embedded', async () => {
    const r = await run(['summary', '--format', 'html', ...SAMPLES]);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.out, /(src|href)="https?:/);
    assert.match(r.out, /id="govreport-data"/);
    assert.ok(r.out.length > 500_000, 'ECharts is inlined');
  });
});
