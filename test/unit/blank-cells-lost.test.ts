// Issue 11, third blind held-out round (TRUTH.md): 平潭 金井片区 2023 publishes one cell of 表三's 四、结转下年度继续办理 empty
// (`<td><br/></td>`) while every other cell holds a number. Two ways of getting the text lost the empty cell and the row
// was reported as one figure short (an error) instead of as a blank cell (blank = 0, R3-4): (1) one-cell-per-line text —
// a word processor's "save as text", a saved page with its cells as blocks — shows the empty cell as an empty line (or two)
// between the row's figures, where no other row has one; (2) a PDF viewer's copy (single spaces) drops it without a trace,
// and when the only figure that completes the row is a 0, wherever it goes, the missing cell can only be a blank one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList } from '../../server/src/fix';
import type { Finding } from '../../server/src/model';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const WRITER = readFileSync(join(REAL, 'pingtan-junshan-2024.writer.txt'), 'utf8');
const CELLS = readFileSync(join(REAL, 'pingtan-junshan-2024.cells.txt'), 'utf8');
const PDF_COPY = readFileSync(join(REAL, 'pingtan-junshan-2024.pdf-copy.txt'), 'utf8');

function swap(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}
const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');
const found = (text: string, rule: string) => loud(checkText(text).findings).filter((f) => f.rule === rule);
const carriedRow = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'carried')!;
const kinds = (text: string) => carriedRow(text).values.map((v) => (v.kind === 'blank' ? '_' : v.text)).join(' ');

const CARRIED = '二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n';

describe('blank cells the text lost: an empty line between a row’s figures (one cell a line)', () => {
  // The 商业企业 cell left empty: a word processor writes an empty line for it; a page saved with its cells as blocks
  // writes two (the block's break and the cell's own <br/>).
  const writer = swap(WRITER, CARRIED, '二、上年结转政府信息公开申请数量\n0\n\n0\n0\n0\n0\n0\n');
  const cells = swap(CELLS, CARRIED, '二、上年结转政府信息公开申请数量\n0\n\n\n0\n0\n0\n0\n0\n');

  for (const [name, text] of [['word processor', writer], ['saved page, cells as blocks', cells]] as const) {
    it(`reads the empty line as the row’s empty cell (${name})`, () => {
      assert.equal(kinds(text), '0 _ 0 0 0 0 0');
      assert.deepEqual(found(text, 'table-unbalanced'), []);
      const blank = found(text, 'number-invalid').filter((f) => f.message.includes('空白'));
      assert.equal(blank.length, 1);
      assert.match(blank[0].message, /上年结转政府信息公开申请数量”的商业企业/);
      // Its fix writes 0 into the empty cell's line; checked again, the table has neither a blank nor a short row.
      const fixed = applyFixList(text, blank[0].fixes!).text;
      assert.equal(kinds(fixed), '0 0 0 0 0 0 0');
      assert.deepEqual([...found(fixed, 'number-invalid'), ...found(fixed, 'table-unbalanced')], []);
    });
  }

  it('leaves a row that is complete alone, and one short by more cells than it has empty lines', () => {
    // An empty line between figures of a full row is no cell.
    const full = swap(WRITER, CARRIED, '二、上年结转政府信息公开申请数量\n0\n\n0\n0\n0\n0\n0\n0\n');
    assert.equal(kinds(full), '0 0 0 0 0 0 0');
    const short = swap(WRITER, CARRIED, '二、上年结转政府信息公开申请数量\n0\n\n0\n0\n0\n0\n');
    assert.equal(kinds(short), '0 0 0 0 0');
    assert.equal(found(short, 'table-unbalanced').length, 1);
  });

  it('reads no empty line as a cell where complete rows have empty lines between their figures too', () => {
    // Empty lines are the text's layout there (plain pdftotext writes one after every cell): the short row stays short.
    const spaced = swap(WRITER, CARRIED, '二、上年结转政府信息公开申请数量\n0\n\n0\n0\n0\n0\n0\n');
    const layout = spaced.replace(/(一、本年新收政府信息公开申请数量\n)((?:\d+\n){7})/, (_, label: string, figures: string) => label + figures.replace(/\n/g, '\n\n'));
    assert.notEqual(layout, spaced);
    assert.equal(kinds(layout), '0 0 0 0 0 0');
    assert.equal(found(layout, 'table-unbalanced').length, 1);
  });
});

describe('blank cells the text lost: a PDF copy one figure short', () => {
  const FULL = '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0';

  it('reports a row whose only completion is a 0 as a blank cell (warning), with the fix writing 0', () => {
    const text = swap(PDF_COPY, FULL, '二、上年结转政府信息公开申请数量 0 0 0 0 0 0');
    const f = found(text, 'table-unbalanced');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /只有 6 个数值.*空白单元格/);
    assert.equal(f[0].fixes?.[0].edits[0].newText.trim(), '0');
  });

  it('says the same of a saved page whose empty cell left no line at all (cells as blocks, `<td></td>`)', () => {
    const cells = swap(CELLS, CARRIED, '二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n');
    const f = found(cells, 'table-unbalanced');
    assert.deepEqual(f.map((x) => x.severity), ['warning']);
    assert.match(f[0].message, /空白单元格/);
  });

  it('keeps the error when the missing figure is not a 0, or where it goes changes the row', () => {
    // 新收 5 | … | 5: the row lacks a figure that is 0 among the parts, or the 5 moves from 自然人 to 商业企业.
    const where = swap(PDF_COPY, '一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5', '一、本年新收政府信息公开申请数量 5 0 0 0 0 5');
    assert.deepEqual(found(where, 'table-unbalanced').filter((f) => f.message.includes('本年新收')).map((f) => f.severity), ['error']);
    // The 总计 is what is missing, and it is 5.
    const total = swap(PDF_COPY, '一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5', '一、本年新收政府信息公开申请数量 5 0 0 0 0 0');
    const t = found(total, 'table-unbalanced').filter((f) => f.message.includes('本年新收'));
    assert.deepEqual(t.map((f) => f.severity), ['error']);
    assert.doesNotMatch(t[0].message, /空白/);
  });
});
