// Plain pdftotext prints a table row whose label takes one line with its figures right after the label,
// but a label written over two or three lines goes into a text block of its own, printed later (after
// the table's last row, or after a page's rows). The figures of those rows stay where they were, in
// the order of the page: after the figures of the row above them. Read row by row, that gives one row
// holding the figures of several (4.无正当理由大量反复申请 | 35 figures) and, elsewhere, the rows whose
// labels stand without figures (5.要求行政机关确认… | 1.申请人无正当理由逾期不补正… | …).
//
// The figures can be put back only where nothing is guessed: every figure of such a row stands as a text
// block of its own (a column printed as one block would be column-major), every row holds its own width
// of figures or a whole multiple of it, the labels without figures are exactly the rows that follow such a row in
// the table's fixed row order (as many as its extra figures make), and no figure stands outside a row.
// The arithmetic being checked is never consulted. Anything else keeps the table unread.
import type { Cell, Row, Table } from '../model';
import type { Template } from './template';

/**
 * Gives each row listed without figures its figures from the row above it that holds several rows'
 * worth, when that reading is the only one the text allows; returns whether it did (the rows are
 * then changed in place), leaving the table as it was otherwise.
 */
export function redistributeRows(t: Table, tpl: Template, counts: number[]): boolean {
  if (counts.length !== 1) return false;
  const width = counts[0];
  if (width < 2) return false;
  const index = new Map<string, number>();
  for (const r of tpl.rows) index.set(r.id, r.index);
  const labelled: Row[] = [];
  const seen = new Set<string>();
  for (const r of t.rows) {
    // A figure outside any labelled row could belong to any row: no single reading.
    if (!r.labelCells.length || !r.id) { if (r.values.length) return false; continue; }
    if (seen.has(r.id) || !index.has(r.id)) return false;
    seen.add(r.id);
    if (r.values.length % width !== 0 || r.values.some((c) => c.kind === 'blank')) return false;
    labelled.push(r);
  }
  // The rows in the table's own order (the order the page prints them, top to bottom).
  const ordered = labelled.slice().sort((a, b) => index.get(a.id!)! - index.get(b.id!)!);
  const plan: [Row, Cell[]][] = [];
  let fat = 0;
  for (let k = 0; k < ordered.length; ) {
    const r = ordered[k];
    const rows = r.values.length / width;
    if (rows === 0) return false; // a row without figures that no row above accounts for
    if (rows > 1) {
      fat++;
      // pdftotext ends a text block with an empty line: figures on successive lines are one block, a
      // column of cells printed top to bottom (column-major), not row after row. Only figures that
      // each stand as a block of their own come in the page's reading order, row by row.
      for (let j = 1; j < r.values.length; j++) if (r.values[j].line - r.values[j - 1].line < 2) return false;
    }
    for (let j = 0; j < rows; j++) {
      const target = ordered[k + j];
      // The rows that take the extra figures must be the next ones in order, and stand without figures.
      if (!target || (j > 0 && target.values.length !== 0)) return false;
      plan.push([target, r.values.slice(j * width, (j + 1) * width)]);
    }
    k += rows;
  }
  if (!fat) return false;
  for (const [row, values] of plan) row.values = values;
  return true;
}
