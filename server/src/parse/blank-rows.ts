// A row left entirely blank (表三 （六）2. and 3. with no figure at all while every other cell holds 0).
// Tab- and pipe-separated text keeps its empty cells, so such a row reads as a row of blanks (blank = 0,
// R3-4). Text that drops empty cells (one cell per line, PDF copies, pdftotext -layout) leaves the label
// alone: read as a row with no values, it would be reported as unbalanced. When every other labelled
// row of the table is complete, the bare label is that same row of blank cells, and number-invalid says
// so once for the table. A table whose figures came apart from their labels (separated.ts) is not read.
import type { Cell, Row, Table } from '../model';
import { SourceCell, type LineCells } from './cells';
import type { Template } from './template';

/**
 * Gives each bare labelled row of `t` as many blank cells as the table's complete rows have. The cells
 * sit on the empty lines after the label when the text has enough of them (a one-cell-per-line text
 * that kept a line per empty cell), else at the end of the label, where writing 0 goes.
 */
export function fillBlankRows(t: Table, tpl: Template, counts: number[], lines: LineCells[], startLine: number): void {
  if (t.unread || tpl.unlabeledRow) return;
  let width = -1;
  let complete = 0;
  const bare: Row[] = [];
  for (const r of t.rows) {
    if (!r.id || r.labelCells.length === 0) continue;
    if (r.values.length === 0) {
      // A row that is a group in some format (（六）其他处理 over its sub-rows) is no blank row.
      if (!tpl.rows.find((e) => e.id === r.id)?.groupSometimes) bare.push(r);
      continue;
    }
    if (width < 0) width = r.values.length;
    if (r.values.length !== width || !counts.includes(width)) return;
    complete++;
  }
  if (!bare.length || complete < 2) return;
  for (const r of bare) r.values = blankCells(r, width, t.layout === 'cell-per-line', lines, startLine);
}

function blankCells(r: Row, n: number, perLine: boolean, lines: LineCells[], startLine: number): Cell[] {
  const last = r.labelCells[r.labelCells.length - 1];
  const out: Cell[] = [];
  if (perLine) {
    let k = last.line + 1;
    while (out.length < n && lines[k - startLine]?.shape === 'empty') out.push(new SourceCell('', k++, 0, 'blank', null, undefined));
    if (out.length === n) return out;
    out.length = 0;
  }
  for (let i = 0; i < n; i++) out.push(new SourceCell('', last.line, last.to, 'blank', null, undefined));
  return out;
}
