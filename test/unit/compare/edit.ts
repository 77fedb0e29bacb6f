// Builds "this year's" report in memory from a real sample by rewriting chosen cells, so that the
// expected differences are known exactly.
import type { Cell, Report } from '../../../server/src/model';
import { parseReport } from '../../../server/src/parse/parse';
import { reportValues } from '../../../server/src/compare/values';

export interface CellEdit { table: string; row: string; column: string; value: number }

export function cellAt(report: Report, e: { table: string; row: string; column: string }): Cell {
  const c = reportValues(report).get(e.table)?.rows.get(e.row)?.cells.get(e.column);
  if (!c) throw new Error(`no cell ${e.table}/${e.row}/${e.column}`);
  return c;
}

/** The text with the given cells replaced (applied bottom-up so ranges stay valid). */
export function withCells(text: string, edits: CellEdit[], extra: { from: string; to: string }[] = []): string {
  const report = parseReport(text, 'x');
  const spans = edits.map((e) => ({ cell: cellAt(report, e), value: String(e.value) }));
  spans.sort((a, b) => b.cell.line - a.cell.line || b.cell.from - a.cell.from);
  const lines = text.split('\n');
  for (const s of spans) {
    const l = lines[s.cell.line];
    lines[s.cell.line] = l.slice(0, s.cell.from) + s.value + l.slice(s.cell.to);
  }
  let out = lines.join('\n');
  for (const x of extra) out = out.split(x.from).join(x.to);
  return out;
}
