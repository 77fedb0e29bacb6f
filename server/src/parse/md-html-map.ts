// Back from the view of a Markdown text with HTML tables (md-html-tables.ts) to the text as written.
// The view has the source's characters at the source's offsets, so a position maps through its
// offset. What the rules found is mapped once they ran: each finding's range, each fix's edits —
// an edit is kept when it lies outside every HTML block or inside one cell's text (a label
// corrected, a figure written into an empty cell); a row inserted is written as a `<tr>` of the
// table (md-html-insert.ts, offered only); any other edit that would write tab rows into HTML
// (cells moved) cannot be applied as written, and its fix is not offered. The parsed
// report is mapped too (cells, rows, tables, sections, line numbers), for hovers, symbols, folding.
import type { Cell, Finding, Fix, HeaderCell, Position, Range, Report, Row, Section, Table, TextEdit } from '../model';
import type { CellSpan, TableView } from './md-html-view';
import { positionAt, splitNormalized } from './text';
import { htmlRowInsert } from './md-html-insert';

export class ViewMap {
  private readonly source: ReturnType<typeof splitNormalized>;

  constructor(private readonly view: TableView, private readonly viewStarts: number[]) {
    this.source = splitNormalized(view.source);
  }

  offset(p: Position): number {
    const start = this.viewStarts[Math.min(p.line, this.viewStarts.length - 1)] ?? 0;
    return Math.min(this.view.text.length, start + p.character);
  }

  position(p: Position): Position {
    return positionAt(this.source.starts, this.offset(p));
  }

  range(r: Range): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  /** The source line holding the start of view line `line` (line counts map to line counts). */
  line(line: number): number {
    if (line >= this.viewStarts.length) return this.source.lines.length + (line - this.viewStarts.length);
    return positionAt(this.source.starts, this.viewStarts[line]).line;
  }

  /** The cell whose text holds [a, b], when [a, b] touches an HTML block; null when it touches none. */
  private cellAt(a: number, b: number): CellSpan | undefined | null {
    const { blocks, cells } = this.view;
    // Blocks and cells are in order and apart: the last one starting at or before an offset is the only candidate.
    // An edit touches a block when it overlaps it; an insertion, when it is strictly inside (before
    // `<table` or after `</table>` is outside).
    const k = lastAtOrBefore(blocks, b - 1);
    if (k < 0 || a >= blocks[k].to) return null;
    const c = cells[lastAtOrBefore(cells, a)];
    return c && c.from <= a && b <= c.to ? c : undefined;
  }

  /** The edit in source positions, or undefined when it cannot be made to the source as written. */
  edit(e: TextEdit): TextEdit | undefined {
    const a = this.offset(e.range.start);
    const b = this.offset(e.range.end);
    const cell = this.cellAt(a, b);
    if (cell === null) return { range: this.range(e.range), newText: e.newText };
    // Only the characters the view shows as they are written can be replaced (not an entity shown
    // decoded, not a <br> shown as a space): the edit then changes the cell's own bytes, nothing else.
    if (!cell || /[\r\n\t]/.test(e.newText) || this.view.text.slice(a, b) !== this.view.source.slice(a, b)) return undefined;
    return { range: this.range(e.range), newText: e.newText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') };
  }

  fix(f: Fix): Fix | undefined {
    const edits: TextEdit[] = [];
    let rows = false;
    for (const e of f.edits) {
      const m = this.edit(e);
      if (m) { edits.push(m); continue; }
      const r = this.rowEdits(e);
      if (!r) return undefined;
      edits.push(...r);
      rows = true;
    }
    // A row written into the HTML (and a group cell made taller) is offered, never applied unseen.
    return rows ? { ...f, edits, safe: false } : { ...f, edits };
  }

  /** A tab row inserted on a line of its own inside an HTML block, as a `<tr>` of that table (md-html-insert.ts). */
  private rowEdits(e: TextEdit): TextEdit[] | undefined {
    const a = this.offset(e.range.start);
    if (a !== this.offset(e.range.end)) return undefined;
    const { blocks } = this.view;
    const k = lastAtOrBefore(blocks, a - 1);
    if (k < 0 || a >= blocks[k].to) return undefined;
    const after = /^\r?\n/.test(e.newText);
    if (!after && !/\r?\n$/.test(e.newText)) return undefined;
    const lines = e.newText.split(/\r?\n/).filter((l) => l !== '');
    if (lines.length !== 1) return undefined;
    const edits = htmlRowInsert(this.view.source, blocks[k], a, !after, lines[0].split('\t'));
    const at = (o: number) => positionAt(this.source.starts, o);
    return edits?.map((x) => ({ range: { start: at(x.from), end: at(x.to) }, newText: x.newText }));
  }

  finding(f: Finding): Finding {
    const fixes: Fix[] = [];
    for (const x of f.fixes) { const m = this.fix(x); if (m) fixes.push(m); }
    return { ...f, range: this.range(f.range), fixes };
  }

  /** The parsed report in source positions (same objects' shapes; shared cells stay shared). */
  report(r: Report): Report {
    const cells = new Map<Cell, Cell>();
    const cell = (c: Cell): Cell => {
      let m = cells.get(c);
      if (!m) {
        const rg = this.range(c.range);
        m = { text: c.text, range: rg, line: rg.start.line, from: rg.start.character, to: rg.start.line === rg.end.line ? rg.end.character : rg.start.character + c.text.length, kind: c.kind, value: c.value, numberIssue: c.numberIssue };
        cells.set(c, m);
      }
      return m;
    };
    const opt = (x: Range | undefined): Range | undefined => (x ? this.range(x) : undefined);
    const ordinal = <T extends { range: Range }>(o: T | undefined): T | undefined => (o ? { ...o, range: this.range(o.range) } : undefined);
    const row = (x: Row): Row => ({ ...x, labelCells: x.labelCells.map(cell), labelRange: opt(x.labelRange), ordinal: ordinal(x.ordinal), values: x.values.map(cell), range: this.range(x.range) });
    const header = (h: HeaderCell): HeaderCell => ({ ...h, cell: cell(h.cell), parts: h.parts?.map(cell) });
    const tables = new Map<Table, Table>();
    const table = (t: Table): Table => {
      let m = tables.get(t);
      if (!m) {
        m = { ...t, range: this.range(t.range), caption: t.caption && cell(t.caption), headers: t.headers.map(header), rows: t.rows.map(row), stray: t.stray.map(cell), groups: t.groups.map((g) => ({ id: g.id, cells: g.cells.map(cell) })), endLine: this.line(t.endLine) };
        tables.set(t, m);
      }
      return m;
    };
    const section = (s: Section): Section => ({
      ...s, headingLine: this.line(s.headingLine), headingRange: this.range(s.headingRange), ordinal: ordinal(s.ordinal), titleRange: this.range(s.titleRange),
      bodyStartLine: this.line(s.bodyStartLine), bodyEndLine: this.line(s.bodyEndLine), tables: s.tables.map(table),
    });
    const src = this.source;
    const title = r.title && { ...r.title, line: this.line(r.title.line), range: this.range(r.title.range), agencyLine: r.title.agencyLine === undefined ? undefined : this.line(r.title.agencyLine), continuationLine: r.title.continuationLine === undefined ? undefined : this.line(r.title.continuationLine) };
    return {
      ...r,
      text: this.view.source,
      lineStarts: src.starts,
      lines: src.lines,
      normLines: src.normLines,
      eol: src.eol,
      title,
      titleRepeats: r.titleRepeats.map((l) => this.line(l)),
      year: r.year && { ...r.year, range: opt(r.year.range) },
      bodyYears: r.bodyYears.map((y) => ({ ...y, range: this.range(y.range) })),
      formatMarkers: r.formatMarkers.map((x) => ({ ...x, range: this.range(x.range) })),
      sections: r.sections.map(section),
      tables: r.tables.map(table),
      publishDate: r.publishDate && { ...r.publishDate, range: this.range(r.publishDate.range), line: this.line(r.publishDate.line) },
      proseLines: [...new Set(r.proseLines.map((l) => this.line(l)))],
      annexLine: r.annexLine === undefined ? undefined : this.line(r.annexLine),
      view: undefined,
    };
  }
}

/** Index of the last item starting at or before `offset` (items sorted by `from`), or -1. */
function lastAtOrBefore(items: readonly { from: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  if (hi < 0 || items[0].from > offset) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid].from <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}
