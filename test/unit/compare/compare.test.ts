// Year-over-year comparison on a real sample and a copy whose figures changed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../../server/src/parse/parse';
import { compareReports } from '../../../server/src/compare/compare';
import { comparisonText } from '../../../server/src/compare/text';
import { isSwing } from '../../../server/src/compare/swing';
import { withCells, type CellEdit } from './edit';

const FIX = join(__dirname, '..', '..', 'fixtures');
const read = (f: string) => readFileSync(join(FIX, f), 'utf8');
const KUNMING = read('kunming-xishan-health-2022-pipe.txt');

// Last year's report: the sample. This year's: the same agency a year later with new figures.
const EDITS: CellEdit[] = [
  { table: 't2.5', row: 'licensing', column: 'decisions', value: 1500 },
  { table: 't2.6', row: 'penalty', column: 'decisions', value: 80 },
  { table: 't2.1', row: 'normative', column: 'issued', value: 3 },
  { table: 't2.1', row: 'normative', column: 'valid', value: 2 },
  { table: 't3', row: 'new', column: 'natural', value: 8 },
  { table: 't3', row: 'new', column: 'total', value: 8 },
  { table: 't3', row: 'r1', column: 'natural', value: 6 },
  { table: 't3', row: 'r1', column: 'total', value: 6 },
  { table: 't3', row: 'r7', column: 'natural', value: 8 },
  { table: 't3', row: 'r7', column: 'total', value: 8 },
  // Last year carried 0 forward for companies; this year claims 1 carried over: one column off.
  { table: 't3', row: 'carried', column: 'business', value: 1 },
  { table: 't4', row: 'data', column: 'review.kept', value: 1 },
  { table: 't4', row: 'data', column: 'review.total', value: 1 },
];
const NEXT_YEAR = withCells(KUNMING, EDITS, [{ from: '2022年政府信息公开工作年度报告', to: '2023年政府信息公开工作年度报告' }]);

describe('compare', () => {
  const last = parseReport(KUNMING, 'last.txt');
  const current = parseReport(NEXT_YEAR, 'this.txt');
  const c = compareReports(last, current);

  it('finds every changed figure, with its old and new value, and nothing else', () => {
    const changed = c.tables.flatMap((t) => t.cells.filter((x) => x.change !== 0));
    const key = (x: { table: string; row: string; column: string }) => `${x.table}/${x.row}/${x.column}`;
    assert.deepEqual(changed.map(key).sort(), EDITS.map(key).sort());
    assert.equal(c.changed, EDITS.length);
    const lic = changed.find((x) => x.row === 'licensing')!;
    assert.deepEqual([lic.last, lic.this, lic.change, lic.percent], [1321, 1500, 179, 13.6]);
    const carried = changed.find((x) => x.row === 'carried')!;
    assert.deepEqual([carried.last, carried.this, carried.change, carried.percent], [0, 1, 1, null]);
  });

  it('finds the carry-over mismatch in the one column where it is', () => {
    assert.equal(c.carryover.status, 'mismatch');
    const bad = c.carryover.columns.filter((x) => !x.ok);
    assert.deepEqual(bad.map((x) => [x.column, x.lastNext, x.thisCarried]), [['商业企业', 0, 1]]);
    assert.equal(bad[0].line, current.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'carried')!.values[1].line);
  });

  it('checks 现行有效件数 continuity: last valid + issued − repealed against this year', () => {
    assert.equal(c.continuity.status, 'gap');
    const n = c.continuity.rows.find((r) => r.row === 'normative')!;
    assert.deepEqual([n.lastValid, n.issued, n.repealed, n.expected, n.actual, n.ok], [0, 3, 0, 3, 2, false]);
    assert.ok(c.continuity.rows.find((r) => r.row === 'rules')!.ok);
  });

  it('flags big swings by the documented threshold only', () => {
    // 179 → 80 (−99, −55 %) is one; 1321 → 1500 (+13.6 %) and 0 → 1 are not.
    assert.deepEqual(c.swings.map((s) => `${s.row}/${s.column}`), ['penalty/decisions']);
    assert.ok(isSwing(0, 10) && !isSwing(0, 9) && isSwing(20, 10) && !isSwing(21, 11) && !isSwing(undefined, 50));
  });

  it('no notes for the same agency a year apart; sections unchanged', () => {
    assert.deepEqual(c.notes, []);
    assert.deepEqual(c.sections, []);
    assert.equal(c.this.year, 2023);
  });

  it('a report compared with itself has no change at all', () => {
    const same = compareReports(last, parseReport(KUNMING, 'again.txt'));
    assert.equal(same.changed, 0);
    assert.equal(same.swings.length, 0);
    assert.ok(same.tables.every((t) => t.presence === 'both' && t.unmapped.length === 0));
    assert.ok(same.notes.some((n) => n.key === 'yearGap'));
  });

  it('2019 format against 2021: compares what maps, names what does not', () => {
    const x = compareReports(parseReport(read('yuyao-health-2020-indented.txt'), 'y.txt'), parseReport(read('xinjiang-health-2023-cell-per-line.txt'), 'x.txt'));
    assert.ok(x.notes.some((n) => n.key === 'formatsDiffer'));
    assert.ok(x.notes.some((n) => n.key === 'yearGap'));
    const t21 = x.tables.find((t) => t.table === 't2.1')!;
    assert.equal(t21.columns.length, 0, 'the two formats share no column of 第二十条第（一）项');
    assert.equal(t21.unmapped.filter((u) => u.kind === 'column').length, 6);
    assert.equal(x.tables.find((t) => t.table === 't2.9')!.presence, 'last');
    const t3 = x.tables.find((t) => t.table === 't3')!;
    // （六）其他处理 is one row in 2019 and a group of three in 2021: compared as the group's sum.
    assert.equal(t3.rows.find((r) => r.id === 'r6')!.derived, 'this');
    assert.deepEqual(t3.unmapped.filter((u) => u.kind === 'row').map((u) => u.label.slice(0, 2)), ['1.', '2.', '3.']);
    const decisions = x.tables.find((t) => t.table === 't2.5')!.cells.find((c) => c.row === 'licensing')!;
    assert.equal(decisions.column, 'decisions');
    assert.equal(x.continuity.status, 'unavailable');
    // The older outline's extra heading (收费及减免) exists only in last year's report.
    assert.ok(x.sections.some((s) => s.side === 'last' && s.title.includes('收费')));
  });

  it('prints every change and the carry-over mismatch as text, in both languages', () => {
    const zh = comparisonText(c, 'zh');
    assert.match(zh, /“商业企业”列：本年上年结转 1，上年结转下年度 0/);
    assert.match(zh, /行政许可 × 本年处理决定数量: 1321 → 1500 \(\+179, \+13\.6%\)/);
    const en = comparisonText(c, 'en');
    assert.match(en, /column “商业企业”: carried over 1, last year carried forward 0/);
  });
});
