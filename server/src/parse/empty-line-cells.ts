// An empty cell in the middle of a row, in a one-cell-per-line text whose cells are not otherwise parted by blank lines
// (a word processor's "save as text", a saved page with its cells laid out as blocks). The published cell holds nothing
// (`<td><br/></td>`, `<td></td>` with a line break): it comes out as an empty line — two with the block's own break —
// between the row's figures, not as a `&nbsp;` line, so nothing marked it as a cell and the row read one figure short
// (平潭 金井片区 2023: 四、结转下年度继续办理 0 | ⏎ | 0 0 0 0 0). When a row is short by exactly as many cells as it has
// runs of empty lines between its label and figures, each run is one empty cell of the row (blank = 0, R3-4).
import type { Cell, Row, Table } from '../model';
import { SourceCell, type LineCells } from './cells';

/** Gives the short rows of a one-cell-per-line table the empty cells its empty lines stand for. */
export function fillEmptyLineCells(t: Table & { blankLineCells: boolean }, counts: number[], lines: LineCells[], startLine: number): void {
  // pdftotext puts an empty line after every cell: there an empty line says nothing.
  if (t.layout !== 'cell-per-line' || t.blankLineCells || t.unread) return;
  const width = tableWidth(t, counts);
  if (width === undefined) return;
  // Where complete rows have empty lines between their figures too, an empty line is layout, not a cell.
  if (t.rows.some((r) => r.values.length === width && emptyRuns(r, lines, startLine)?.length)) return;
  for (const r of t.rows) {
    if (!r.id || r.values.length === 0 || r.values.length >= width) continue;
    const gaps = emptyRuns(r, lines, startLine);
    if (gaps && gaps.length === width - r.values.length) r.values = withGaps(r.values, gaps);
  }
}

/** The width most of the table's rows have, when it is one the table can have. */
function tableWidth(t: Table, counts: number[]): number | undefined {
  const tally = new Map<number, number>();
  for (const r of t.rows) if (r.id && counts.includes(r.values.length)) tally.set(r.values.length, (tally.get(r.values.length) ?? 0) + 1);
  let best: number | undefined;
  for (const [w, n] of tally) if (best === undefined || n > tally.get(best)! || (n === tally.get(best) && w > best)) best = w;
  return best !== undefined && tally.get(best)! >= 2 ? best : undefined;
}

/**
 * Where the row's empty cells stand: for each run of empty lines between the label and the first figure or between two
 * figures, the index of the figure it precedes and its first line. Undefined when anything else stands in between or a
 * figure shares a line with another (not one cell a line).
 */
function emptyRuns(r: Row, lines: LineCells[], startLine: number): { before: number; line: number }[] | undefined {
  const label = r.labelCells[r.labelCells.length - 1];
  if (!label) return undefined;
  const out: { before: number; line: number }[] = [];
  let prev = label.line;
  for (let i = 0; i < r.values.length; i++) {
    const c = r.values[i];
    if (c.line <= prev) return undefined;
    let run: number | undefined;
    for (let k = prev + 1; k < c.line; k++) {
      const l = lines[k - startLine];
      if (!l || l.shape !== 'empty' || l.cells.length) return undefined;
      if (run === undefined) run = k;
    }
    if (run !== undefined) out.push({ before: i, line: run });
    prev = c.line;
  }
  return out;
}

function withGaps(values: Cell[], gaps: { before: number; line: number }[]): Cell[] {
  const out: Cell[] = [];
  let g = 0;
  values.forEach((c, i) => {
    while (g < gaps.length && gaps[g].before === i) out.push(new SourceCell('', gaps[g++].line, 0, 'blank', null, undefined));
    out.push(c);
  });
  return out;
}
