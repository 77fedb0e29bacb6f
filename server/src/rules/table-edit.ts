// Cell-level edits that respect the table's layout: remove a cell with its separator, insert a
// cell after another, insert whole rows. Shared by table-unbalanced and table-row-missing.
import type { Cell, Range, Report, Table, TextEdit } from '../model';
import { before, range } from '../parse/text';

function separator(report: Report, t: Table): string {
  switch (t.layout) {
    case 'tab': return '\t';
    case 'aligned': return '    ';
    case 'spaced': return ' ';
    case 'cell-per-line': return report.eol + ((t as Table & { blankLineCells?: boolean }).blankLineCells ? report.eol : '') + indentOf(report, t);
    default: return ' | ';
  }
}

/** Leading whitespace of a table's one-cell lines (yuyao indents every cell with a tab). */
export function indentOf(report: Report, t: Table): string {
  if (t.layout !== 'cell-per-line') return '';
  const r = t.rows.find((x) => x.labelCells.length) ?? t.rows[0];
  const line = r ? report.lines[r.range.start.line] : '';
  return /^[\t ]*/.exec(line ?? '')?.[0] ?? '';
}

/** Removes `cell` together with the separator before it (the end of `prev` up to the end of `cell`). */
export function removeCell(prev: Cell, cell: Cell): TextEdit {
  const end = cell.range.end;
  // A label wrapped around its figures (PDF text: `4.无正当理由大量反复` / figures / `申请`) has its last
  // piece after the cell: then only the cell's own text goes; the padding left beside it separates nothing.
  if (!precedes(prev, cell)) return { range: cell.range, newText: '' };
  return { range: range(prev.range.end.line, prev.range.end.character, end.line, end.character), newText: '' };
}

/** `a` ends at or before the start of `b` in the document. */
export function precedes(a: Cell, b: Cell): boolean {
  return !before(b.range.start, a.range.end);
}

/** Inserts a cell holding `text` right after `prev`. */
export function insertCellAfter(report: Report, t: Table, prev: Cell, text: string): TextEdit {
  const at = prev.range.end;
  return { range: range(at.line, at.character, at.line, at.character), newText: separator(report, t) + text };
}

/** Inserts rendered lines after line `line` (at its end), or before line `line` when `before` is set. */
export function insertLines(report: Report, t: Table, line: number, lines: string[], before = false): TextEdit {
  const eol = report.eol;
  const gap = t.layout === 'cell-per-line' && (t as Table & { blankLineCells?: boolean }).blankLineCells ? eol : '';
  const indent = indentOf(report, t);
  const body = lines.map((l) => (l ? indent + l : l)).join(eol);
  if (before) {
    const r: Range = range(line, 0, line, 0);
    return { range: r, newText: body + eol + gap };
  }
  const len = report.lines[line].length;
  return { range: range(line, len, line, len), newText: eol + gap + body };
}
