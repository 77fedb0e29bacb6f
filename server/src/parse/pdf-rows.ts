// Rows of a table copied from a PDF viewer (`pdftotext -raw`, issue 11 class 2): one row a line,
// cells one space apart, and — unlike a web page or Word — empty cells are not there at all:
// `（一）予以公开 258 12 1 1` is a row of 7 columns of which 3 were left empty, and nothing says which.
import type { Row, Table } from '../model';

/** Whether a row's values stand on one line one space apart (a PDF viewer's copy of a table row). */
function spacedOnOneLine(r: Row): boolean {
  const v = r.values;
  if (v.length < 2) return false;
  for (let k = 1; k < v.length; k++) if (v[k].line !== v[0].line || v[k].from - v[k - 1].to !== 1) return false;
  return true;
}

/**
 * Whether the table is a PDF copy that dropped its empty cells: its rows are written one a line
 * with single spaces, and at least one of them lacks two or more of the `columns` values (one
 * missing value can be a slip; several missing in a row is the copy's doing). Its short rows then
 * cannot be placed column by column.
 */
export function dropsEmptyCells(t: Table, columns: number): boolean {
  let spaced = false;
  let lacking = false;
  for (const r of t.rows) {
    if (r.values.length > columns) return false;
    if (!spacedOnOneLine(r)) continue;
    spaced = true;
    if (r.values.length <= columns - 2) lacking = true;
  }
  return spaced && lacking;
}
