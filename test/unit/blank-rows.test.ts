// Issue 11 class 1: rows of table 三 left entirely blank (平潭 市场监管 2022/2024: （六）2. and 3. with no
// figure at all while every other cell holds 0). Blank is 0 (R3-4): one number-invalid finding for the
// table, never table-unbalanced — in every layout, including those that drop empty cells. Class 2: the
// group cell printed over three lines (（六） / 其他 / 处理, 平潭 君山 2021) is the group, not sub-row 3.其他.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList } from '../../server/src/fix';
import type { Finding } from '../../server/src/model';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const ROW2 = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
const ZEROS = ['0', '0', '0', '0', '0', '0', '0'];

type Writer = (cells: string[]) => string[];
const relayout = (text: string, w: Writer) => text.split('\n').flatMap((l) => (l.includes('|') ? w(l.split('|').map((c) => c.trim()).filter(Boolean)) : [l])).join('\n');
const PDF_COPY: Writer = (c) => [c.join(' ')];
const CELLS: Writer = (c) => c;
// A word processor's text: one cell a line, a blank line after each row.
const WRITER: Writer = (c) => [...c, ''];

/** The sample with （六）2. and 3. left blank: every cell of those rows removed from the pipe text. */
const BLANKED = KUNMING.replace(`${ROW2} | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||`, `${ROW2} | ||`).replace('3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||', '3.其他 | ||');
assert.notEqual(BLANKED, KUNMING);

const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');
const t3 = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!;
const rowCells = (text: string, label: string) => t3(text).rows.find((r) => r.label.endsWith(label))!.values.map((v) => (v.kind === 'blank' ? '_' : v.text)).join(' ');

function blankRowsFinding(text: string): Finding {
  const fs = loud(checkText(text).findings);
  assert.deepEqual(fs.filter((f) => f.rule === 'table-unbalanced').map((f) => f.message), []);
  const blanks = fs.filter((f) => f.rule === 'number-invalid');
  assert.equal(blanks.length, 1, blanks.map((f) => f.message).join('\n'));
  assert.match(blanks[0].message, /有 14 个空白单元格/);
  assert.match(blanks[0].message, /“3.其他”整行/);
  return blanks[0];
}

describe('issue 11 class 1: rows left entirely blank', () => {
  for (const [name, , text] of [
    ['one cell a line (cells)', CELLS, relayout(BLANKED, CELLS)],
    ['one cell a line, a line per empty cell (writer)', WRITER, relayout(KUNMING, WRITER).replace(`${ROW2}\n${ZEROS.join('\n')}\n`, `${ROW2}\n${ZEROS.map(() => '').join('\n')}\n`).replace(`3.其他\n${ZEROS.join('\n')}\n`, `3.其他\n${ZEROS.map(() => '').join('\n')}\n`)],
    ['PDF copy, empty cells dropped (pdf-copy)', PDF_COPY, relayout(BLANKED, PDF_COPY)],
    ['pipes with the empty cells kept (md)', CELLS, KUNMING.replace(`${ROW2} | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||`, `${ROW2} |  |  |  |  |  |  |  | ||`).replace('3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||', '3.其他 |  |  |  |  |  |  |  | ||')],
  ] as [string, Writer, string][]) {
    it(`${name}: the blank rows are rows of blank cells, said once, and the fix writes 0 into them`, () => {
      assert.equal(rowCells(text, '其他'), '_ _ _ _ _ _ _');
      const f = blankRowsFinding(text);
      // Said next to the total just below the blank rows.
      const total = text.split('\n').findIndex((l) => l.startsWith('(七)总计'));
      assert.ok(total - f.range.start.line <= 8 && total > f.range.start.line, `${f.range.start.line} vs ${total}`);
      const fixed = applyFixList(text, f.fixes ?? []).text;
      assert.deepEqual(loud(checkText(fixed).findings).filter((x) => x.rule === 'number-invalid' || x.rule === 'table-unbalanced').map((x) => x.message), []);
      assert.equal(rowCells(fixed, '其他'), '0 0 0 0 0 0 0');
      assert.equal(t3(fixed).rows.find((r) => r.label.startsWith('申请人逾期未按收费'))!.values.map((v) => v.text).join(' '), '0 0 0 0 0 0 0');
    });
  }

  it('a bare row in a table whose other rows are not complete stays unbalanced (no guess that it is blank)', () => {
    const text = relayout(BLANKED.replace('3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 |'), PDF_COPY);
    const rules = loud(checkText(text).findings).map((f) => f.rule);
    assert.ok(rules.includes('table-unbalanced'), rules.join(' '));
    assert.ok(!rules.includes('number-invalid'), rules.join(' '));
  });

  it('labels whose figures went elsewhere (plain pdftotext) are unread, not blank', () => {
    // The figures of 2. and 3. printed after the total's, away from their labels.
    const text = relayout(BLANKED, CELLS).replace('(七)总计\n6\n0\n0\n0\n0\n0\n6', `(七)总计\n6\n0\n0\n0\n0\n0\n6\n${ZEROS.join('\n')}\n${ZEROS.join('\n')}`);
    const t = t3(text);
    assert.ok(t.unread, 'table unread');
    assert.ok(!checkText(text).findings.some((f) => f.rule === 'number-invalid'));
  });

  it('（六）其他处理 written as a heading over its sub-rows is a group, not a blank row', () => {
    const text = relayout(KUNMING, CELLS);
    const t = t3(text);
    assert.ok(t.groups.some((g) => g.cells.some((c) => c.text.includes('其他处理'))));
    assert.ok(!t.rows.some((r) => r.label.endsWith('其他处理')));
    assert.ok(!checkText(text).findings.some((f) => f.rule === 'number-invalid'));
  });
});

describe('issue 11 class 2: the group cell wrapped over three lines (（六） / 其他 / 处理)', () => {
  for (const [name, w] of [['one cell a line (writer)', CELLS], ['PDF copy (pdf-copy)', PDF_COPY]] as [string, Writer][]) {
    it(`${name}: the pieces are the group; 3.其他 keeps its own figures`, () => {
      const text = relayout(KUNMING.replace('(六)其他处理 | 1.申请人', '(六) | 其他 | 处理 | 1.申请人'), w).replace('(六) 其他 处理 1.申请人', '(六)\n其他\n处理\n1.申请人');
      assert.ok(text.includes('(六)\n其他\n处理\n1.申请人'));
      const fs = loud(checkText(text).findings);
      assert.deepEqual(fs.map((f) => `${f.rule} ${f.message}`), []);
      assert.equal(rowCells(text, '其他'), '0 0 0 0 0 0 0');
      assert.equal(t3(text).rows.filter((r) => r.label === '其他').length, 1);
    });
  }

  it('a sub-row wrapped after its own number (3. / 其他) is still that sub-row', () => {
    const text = relayout(KUNMING.replace('3.其他 | 0 |', '3. | 其他 | 0 |'), CELLS);
    assert.ok(text.includes('3.\n其他\n0'));
    assert.deepEqual(loud(checkText(text).findings).map((f) => `${f.rule} ${f.message}`), []);
    assert.equal(rowCells(text, '其他'), '0 0 0 0 0 0 0');
  });
});
