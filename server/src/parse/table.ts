// Turns the cells of a table region into rows, whatever the layout: every layout is read as one
// stream of cells; text cells are labels (possibly split over several cells or lines), number
// cells are values. Rows and columns are identified by matching labels against the template.
import type { Cell, HeaderCell, Layout, Range, Row, Table } from '../model';
import { BLANK_CELL_LINE, hasAlignedGap, NO_CELLS, SourceCell, splitAlignedCell, splitSpacedCell, startsWithOrdinal, type LineCells, type LineShape } from './cells';
import { placeByColumns, readLayoutColumns } from './pdf-layout';
import { matchKeys, stripKey, stripNormKey, template, type ColumnEntry, type RowEntry, type Template } from './template';
import { dice, gramsOf, labelKey, ownCopy, range } from './text';
import { isPageFurniture } from './pdf-furniture';
import { readStackedHeader } from './pdf-header';
import { mayWrap, wrappedLabelLength } from './pdf-wrap';
import { headerPrefixes } from './key-prefixes';
import { continuesCutLabel } from './label-middle';
import { dataPieces, readSeparated } from './separated';
import { fillBlankRows } from './blank-rows';
import { fillEmptyLineCells } from './empty-line-cells';
import { joinCellParagraphs } from './cell-paragraphs';
import { adoptStrayHeaders, gluesOntoExactKey } from './label-join';
import { liftInnerStrays } from './label-inner-stray';
import { strayBetweenFigures } from './layout-row-stray';
import { isStackLine, splitHeaderWords, unstackRuns } from './stacked-headers';
import { areHeaderWords } from './header-words';
import { glueCandidates } from './glue-scan';

const ROW_THRESHOLD = 0.55;
const HEADER_THRESHOLD = 0.6;

interface Item {
  kind: 'row' | 'group' | 'header' | 'stray';
  cells: Cell[];
  score: number;
  row?: RowEntry;
  column?: ColumnEntry;
  columnScore?: number;
}

interface State {
  tpl: Template;
  used: Set<string>;
  nextIndex: number;
  inHeader: boolean;
  usedColumns: Set<ColumnEntry>;
}

function joinText(cells: Cell[]): string {
  if (cells.length === 1) return cells[0].text;
  let s = '';
  for (const c of cells) s += c.text;
  return s;
}

/** joinText of cells[i, i + len), without the slice (segment joins every candidate run). */
function joinRun(cells: Cell[], i: number, len: number): string {
  let s = '';
  for (let k = i; k < i + len; k++) s += cells[k].text;
  return s;
}

interface Probe {
  text: string;
  key: string;
  ordinal?: ReturnType<typeof stripKey>['ordinal'];
  headerKey: string;
  /** Fuzzy scores against each template, once computed (they depend only on the text and the template). */
  fuzzy: Map<string, Fuzzy> | undefined;
  /** Per template: where a known row label glued after other text starts, or -1 (see unglue). */
  glue: Map<string, number> | undefined;
  /** Whether unglue must look at the text: longer than 3 units, with a mark an inner ordinal needs. */
  mayGlue: boolean;
  /**
   * The exact lookups below for the template last asked about: a label is looked up by every pass,
   * and the maps compare the key's characters each time. (A report's tables are read one template
   * at a time, and most labels belong to one template.)
   */
  tpl: Template | undefined;
  /** tpl.rowByKey of the key. */
  rows: RowEntry[] | undefined;
  /** tpl.columnByKey of the header key. */
  columns: ColumnEntry[] | undefined;
  /** tpl.headerKeySet has the header key. */
  headerWord: boolean;
}

/** The probe with its exact lookups made for `tpl`. */
function exactIn(tpl: Template, p: Probe): Probe {
  if (p.tpl !== tpl) {
    p.rows = tpl.rowByKey.get(p.key);
    p.columns = tpl.columnByKey.get(p.headerKey);
    p.headerWord = tpl.headerKeySet.has(p.headerKey);
    p.tpl = tpl;
  }
  return p;
}

interface Fuzzy { rows: { row: RowEntry; score: number }[]; header: number; columns: { column: ColumnEntry; score: number }[] }

// Labels repeat within a report and across a batch: each distinct text is keyed once (bounded).
const probeCache = new Map<string, Probe>();
const PROBE_CACHE_MAX = 5_000;

/** Cell text is already normalised: key it without normalising again. */
function probe(text: string): Probe {
  let p = probeCache.get(text);
  if (p) return p;
  // Cached across reports: keyed and filled with copies, not with slices of this report's text.
  const own = ownCopy(text);
  const { key, ordinal } = stripNormKey(own);
  p = { text: own, key, ordinal, headerKey: ordinal ? labelKey(own) : key, fuzzy: undefined, glue: undefined, mayGlue: own.length > 3 && GLUE_MARK.test(own), tpl: undefined, rows: undefined, columns: undefined, headerWord: false };
  if (probeCache.size >= PROBE_CACHE_MAX) probeCache.clear();
  probeCache.set(own, p);
  return p;
}

/** probe() of a cell's text, kept with the cell (see SourceCell.memo). */
function probeCell(c: Cell): Probe {
  if (!(c instanceof SourceCell)) return probe(c.text);
  return (c.memo as Probe | undefined) ?? (c.memo = probe(c.text)) as Probe;
}

function adjustRow(st: State, p: Probe, r: RowEntry, score: number): number {
  let s = score;
  if (r.ordinal) {
    if (p.ordinal) s += p.ordinal.style === r.ordinal.style ? (p.ordinal.value === r.ordinal.value ? 0.05 : -0.02) : -0.05;
    else s -= st.inHeader ? 0.2 : 0.03;
  }
  if (st.used.has(r.id)) s -= 0.3;
  if (r.index < st.nextIndex) s -= 0.1;
  // Short generic labels (其他, 总计) must carry their ordinal or sit where the template expects them.
  if (p.key.length <= 2 && !p.ordinal && r.index !== st.nextIndex) s -= 0.2;
  return s;
}

// Fuzzy scores depend only on the template and the text, not on the parse state: labels repeat
// within a report and across every report of a batch, so they are scored once, kept with the
// text's probe (whose cache is bounded).
function fuzzy(tpl: Template, p: Probe): Fuzzy {
  let hit = p.fuzzy?.get(tpl.id);
  if (hit) return hit;
  const grams = gramsOf(p.key);
  const rows: { row: RowEntry; score: number }[] = [];
  if (p.key) for (const r of tpl.rows) {
    const m = matchKeys(p.key, r.keys, false, grams, 0.4);
    if (m && m.score >= 0.4) rows.push({ row: r, score: m.score });
  }
  const hk = p.headerKey;
  const hg = hk === p.key ? grams : gramsOf(hk);
  let header = 0;
  tpl.headerKeys.forEach((h, i) => {
    const sc = h.startsWith(hk) && hk.length >= 2 ? 0.9 : dice(hg, tpl.headerGrams[i], header);
    if (sc > header) header = sc;
  });
  const columns: { column: ColumnEntry; score: number }[] = [];
  for (const c of tpl.columns) {
    const m = matchKeys(hk, c.keys, true, hg, 0.5);
    if (m && m.score >= 0.5) columns.push({ column: c, score: m.score });
  }
  hit = { rows, header, columns };
  (p.fuzzy ??= new Map()).set(tpl.id, hit);
  return hit;
}

function scoreRow(st: State, p: Probe, exactOnly = false): { row: RowEntry; score: number; exact?: boolean } | undefined {
  if (!p.key) return undefined;
  let best: { row: RowEntry; score: number; exact?: boolean } | undefined;
  // Fast path: the label is written exactly as a known wording.
  for (const r of exactIn(st.tpl, p).rows ?? []) {
    const s = adjustRow(st, p, r, 1);
    if (!best || s > best.score) best = { row: r, score: s, exact: true };
  }
  if ((best && best.score >= 0.9) || exactOnly) return best;
  for (const { row, score } of fuzzy(st.tpl, p).rows) {
    const s = adjustRow(st, p, row, score);
    if (!best || s > best.score) best = { row, score: s };
  }
  return best;
}

const NO_HEADER: { column?: ColumnEntry; score: number; exact?: boolean } = { column: undefined, score: 0, exact: false };

function scoreHeader(st: State, p: Probe, exactOnly = false): { column?: ColumnEntry; score: number; exact?: boolean } {
  exactIn(st.tpl, p);
  const exact = p.columns;
  // Most cells are row labels: no exact header wording, nothing to allocate.
  if (exactOnly && !exact && !p.headerWord) return NO_HEADER;
  const penalty = st.inHeader ? 0 : 0.15;
  let best: { column?: ColumnEntry; score: number } = { score: 0 };
  if (exact) {
    for (const c of exact) {
      const s = 1 - (st.usedColumns.has(c) ? 0.05 : 0);
      if (s > best.score) best = { column: c, score: s };
    }
  }
  if (p.headerWord) best = best.score >= 1 ? best : { score: 1 };
  if (best.score >= 0.95) return { column: best.column, score: best.score - penalty, exact: true };
  if (exactOnly) return NO_HEADER;
  const f = fuzzy(st.tpl, p);
  if (f.header > best.score) best = { score: f.header };
  for (const { column, score } of f.columns) {
    // Repeated truncated headers (本年新 | 本年新) take the columns in order.
    const s = score - (st.usedColumns.has(column) ? 0.05 : 0);
    if (s > best.score) best = { column, score: s };
  }
  return { column: best.column, score: best.score - penalty };
}

/** Whether `cell` completes the label of `row` exactly (a wrapped label's second line). */
function continuesLabel(tpl: Template, row: Row, cell: Cell): boolean {
  // (The line test first: a row's own line holds most of the text cells asked about, and it needs no lookup.)
  if (!row.id || !row.labelCells.length || cell.line === row.labelCells[0].line || tpl.rowByKey.get(row.label)?.some((r) => r.id === row.id) || startsWithOrdinal(cell.text)) return false;
  const rows = tpl.rowByKey.get(row.label + labelKey(cell.text));
  return (!!rows && rows.some((r) => r.id === row.id)) || continuesCutLabel(tpl, row.id, row.label, labelKey(cell.text));
}

const GLUE_MARK = /[、(.]/;

/**
 * A label cell with something glued before it (a PDF's group cell printed beside the row:
 * `(三)不4.保护第三方合法权益`, a header fragment `组织 机构一、本年新收…`, a page number `-3-3.补正后…`):
 * when the text from an ordinal on is a known row label exactly, the part before it is a cell of its own.
 */
function unglue(st: State, cells: Cell[]): Cell[] {
  let out: Cell[] | undefined;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    let split: Cell[] | undefined;
    // Every inner ordinal holds 、 ( or . : text without them (most labels) has nothing glued.
    const p = probeCell(c);
    const at = p.mayGlue ? glueAt(st.tpl, p) : -1;
    if (at > 0) {
      const rest = c.text.slice(at);
      const head = c.text.slice(0, at).trimEnd();
      split = [new SourceCell(head, c.line, c.from, 'text', null, undefined), new SourceCell(rest, c.line, c.from + at, 'text', null, undefined)];
    }
    if (split && !out) out = cells.slice(0, k);
    if (out) out.push(...(split ?? [c]));
  }
  return out ?? cells;
}

/** Where a known row label starts inside the text (see unglue), or -1; once per text and template. */
function glueAt(tpl: Template, p: Probe): number {
  let at = p.glue?.get(tpl.id);
  if (at !== undefined) return at;
  at = -1;
  const text = p.text;
  if (text.length > 3 && !tpl.rowByKey.has(p.key) && !tpl.columnByKey.has(p.headerKey)) {
    for (const i of glueCandidates(text, tpl)) {
      // An ordinal starts after a non-digit: in `123.没有…` the 23. is no ordinal.
      if (/\d/.test(text[i - 1])) continue;
      if (!tpl.rowByKey.has(probe(text.slice(i)).key)) continue;
      at = i;
      break;
    }
  }
  (p.glue ??= new Map()).set(tpl.id, at);
  return at;
}

/** Whether this cell and the next make one header exactly (商业 | 企业 → 商业企业): join them. */
function exactHeaderJoin(st: State, cells: Cell[], i: number): boolean {
  if (i + 1 >= cells.length) return false;
  // The join's key is the two keys joined: the first must start a header wording (or the second key to nothing).
  // (A probe's headerKey is the text's labelKey.)
  const first = probeCell(cells[i]).headerKey;
  if (first !== '' && !headerPrefixes(st.tpl).has(first) && probeCell(cells[i + 1]).headerKey !== '') return false;
  const key = labelKey(cells[i].text + cells[i + 1].text);
  return st.tpl.columnByKey.has(key) || st.tpl.headerKeySet.has(key);
}

/** Splits a run of text cells into header labels, group labels, row labels and stray text. */
function segment(st: State, cells: Cell[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < cells.length) {
    // The best candidate so far, as fields: an Item (and its cells' slice) is made once, for the
    // winner, not for every candidate that leads for a while (they were most of the parser's garbage).
    let bestKind: Item['kind'] | undefined;
    let bestLen = 0;
    let bestScore = 0;
    let bestRow: RowEntry | undefined;
    let bestColumn: ColumnEntry | undefined;
    let bestColumnScore = 0;
    // A label wrapped over several lines whose join is a known wording exactly.
    const first = probeCell(cells[i]);
    const wrapped = mayWrap(cells, i) ? wrappedLabelLength(st.tpl, cells, i, first.key) : 0;
    if (wrapped) {
      const r = scoreRow(st, probe(joinRun(cells, i, wrapped)), true);
      if (r && r.score >= ROW_THRESHOLD) { bestKind = r.row.group ? 'group' : 'row'; bestLen = wrapped; bestScore = r.score; bestRow = r.row; }
    }
    for (let len = wrapped ? 4 : 1; len <= 3 && i + len <= cells.length; len++) {
      // A fragment that starts with an ordinal (一、 (三) 1.) starts its own label: never glued on.
      if (len > 1 && startsWithOrdinal(cells[i + len - 1].text)) break;
      // (Keys from the probes: a probe's headerKey is its text's labelKey, and the join's key is the keys joined.)
      let joined: Probe | undefined;
      if (len > 1 && gluesOntoExactKey(st.tpl, probeCell(cells[i + len - 1]).headerKey, () => (joined = probe(joinRun(cells, i, len))).headerKey)) break;
      const p = len === 1 ? first : joined ?? probe(joinRun(cells, i, len));
      // Exact wordings first (two map lookups); fuzzy matching only when neither list knows the text.
      let r = scoreRow(st, p, true);
      let h = scoreHeader(st, p, true);
      if (!r?.exact && !h.exact) { r = scoreRow(st, p); h = scoreHeader(st, p); }
      // Joining fragments must earn its keep, unless the join is a header exactly (商业 | 企业).
      const bonus = len > 1 ? (h.exact ? 0.001 * len : -0.01 * len) : 0;
      if (r && r.score >= ROW_THRESHOLD && (!bestKind || r.score + bonus > bestScore)) {
        bestKind = r.row.group ? 'group' : 'row'; bestLen = len; bestScore = r.score + bonus; bestRow = r.row; bestColumn = undefined; bestColumnScore = 0;
      }
      if (h.score >= HEADER_THRESHOLD && (!bestKind || h.score + bonus > bestScore)) {
        bestKind = 'header'; bestLen = len; bestScore = h.score + bonus; bestRow = undefined; bestColumn = h.column; bestColumnScore = h.score;
      }
      // A cell written exactly as a known label is not a fragment: do not try joining it.
      if (len === 1 && bestKind && ((r?.exact && bestRow === r.row) || (h.exact && bestKind === 'header' && !exactHeaderJoin(st, cells, i)))) break;
    }
    const best: Item = !bestKind
      ? { kind: 'stray', cells: [cells[i]], score: 0 }
      : bestKind === 'header'
        ? { kind: 'header', cells: cells.slice(i, i + bestLen), score: bestScore, column: bestColumn, columnScore: bestColumnScore }
        : { kind: bestKind, cells: cells.slice(i, i + bestLen), score: bestScore, row: bestRow };
    if (best.kind === 'header' && best.column) st.usedColumns.add(best.column);
    if (best.row && (best.kind === 'row' || best.kind === 'group')) {
      st.used.add(best.row.id);
      st.nextIndex = Math.max(st.nextIndex, best.row.index + 1);
      if (best.kind === 'row') st.inHeader = false;
    }
    items.push(best);
    i += best.cells.length;
  }
  return items;
}

/** One cell of words on one line that single spaces separate (the spaced layout cut them apart). */
function mergeSpaced(cells: Cell[]): Cell {
  const a = cells[0];
  let text = a.text;
  for (let k = 1; k < cells.length; k++) {
    const b = cells[k];
    if (b.line !== a.line) return a;
    text += ' '.repeat(Math.max(0, b.from - cells[k - 1].to)) + b.text;
  }
  return new SourceCell(text, a.line, a.from, 'text', null, undefined);
}

/**
 * From the earliest start to the latest end of the cells. Reading order is not always document order:
 * figures printed before their label (separated PDF text, see separated.ts), a label wrapped around its
 * figures, cells of several lines run together.
 */
function cellsRange(...groups: readonly Cell[][]): Range {
  let a: Cell | undefined;
  let b: Cell | undefined;
  for (const cells of groups) {
    for (const c of cells) {
      if (!a || c.line < a.line || (c.line === a.line && c.from < a.from)) a = c;
      if (!b || c.line > b.line || (c.line === b.line && c.to > b.to)) b = c;
    }
  }
  return a && b ? range(a.line, a.from, b.line, b.to) : range(0, 0, 0, 0);
}

/**
 * A row as parsed. Its ranges are built on first use from its cells (a big document has tens of
 * thousands of rows, and most ranges are never asked for); rows are not changed after parsing.
 */
class SourceRow implements Row {
  acceptedVariant = false;
  ordinal: Row['ordinal'] = undefined;
  values: Cell[] = [];
  private lr: Range | undefined | null = null;
  private rr: Range | undefined = undefined;
  constructor(public id: string | undefined, readonly labelCells: Cell[], public label: string, public score: number) {}
  get labelRange(): Range | undefined {
    if (this.lr === null) this.lr = this.labelCells.length ? cellsRange(this.labelCells) : undefined;
    return this.lr;
  }
  /** The label and the values; just the label without values; an empty range for neither. */
  get range(): Range {
    if (this.rr) return this.rr;
    if (this.values.length === 0) return (this.rr = this.labelRange ?? range(0, 0, 0, 0));
    return (this.rr = cellsRange(this.labelCells, this.values));
  }
}

function makeRow(item: Item | undefined): Row {
  const cells = item?.cells ?? [];
  const { key, ordinal } = cells.length === 1 ? probeCell(cells[0]) : probe(joinText(cells));
  const row = new SourceRow(item?.row?.id, cells, key, item?.score ?? 0);
  // The ordinal sits at the start of the first label cell; one read across two cells is not an ordinal.
  const own = cells.length ? probeCell(cells[0]).ordinal : undefined;
  if (ordinal && own && own.text === ordinal.text) {
    const c = cells[0];
    const norm = c.text;
    const lead = norm.length - norm.trimStart().length;
    const start = c.from + lead + ordinal.offset;
    row.ordinal = { text: ordinal.text, value: ordinal.value, range: range(c.line, start, c.line, start + ordinal.text.length) };
  }
  return row;
}

export interface RegionInput {
  id: string;
  lines: LineCells[];
  startLine: number;
  endLine: number;
  caption?: Cell;
}

function detectLayout(lines: LineCells[], start: number, end: number): { layout: Layout; blankLineCells: boolean } {
  let multi = 0;
  let single = 0;
  let blanks = 0;
  // Lines per shape, shapes in the order first seen: the commonest wins, the first seen on a tie
  // (a plain loop over a handful of shapes, not an object's entries sorted for every table).
  const shapes: LineShape[] = [];
  const counts: number[] = [];
  for (let i = start; i < end; i++) {
    const l = lines[i];
    if (l.shape === 'empty') { blanks++; continue; }
    if (l.cells.length >= 2) {
      multi++;
      const k = shapes.indexOf(l.shape);
      if (k < 0) { shapes.push(l.shape); counts.push(1); } else counts[k]++;
    } else single++;
  }
  if (multi >= single / 2 && multi > 0) {
    let best = 0;
    for (let k = 1; k < shapes.length; k++) if (counts[k] > counts[best]) best = k;
    const layout = (shapes[best] ?? 'pipe') as Layout;
    return { layout: layout === ('single' as Layout) ? 'pipe' : layout, blankLineCells: false };
  }
  return { layout: 'cell-per-line', blankLineCells: blanks >= single * 0.6 };
}

const PAGE_BREAK: LineCells = { shape: 'empty', tail: NO_CELLS, cells: NO_CELLS, pageBreak: true };

/**
 * Aligned columns (pdftotext -layout) where two cells stand one space apart: `其他对外管理服务事项 10`,
 * or two headers `上一年项目数量 本年增/减` (cut only when every word is a header: header-words.ts).
 */
function splitInsideAligned(line: LineCells, tpl: Template): LineCells {
  let out: Cell[] | undefined;
  for (let k = 0; k < line.cells.length; k++) {
    const c = line.cells[k];
    let split: Cell[] | undefined;
    if (c.kind === 'text' && c.text.includes(' ')) {
      split = splitSpacedCell(c, false);
      if (split.length < 2) {
        const words = splitSpacedCell(c, true);
        split = areHeaderWords(words, tpl) ? words : undefined;
      }
    }
    if (split && split.length > 1 && !out) out = line.cells.slice(0, k);
    if (out) out.push(...(split && split.length > 1 ? split : [c]));
  }
  return out ? { shape: line.shape, tail: line.tail, cells: out } : line;
}

/**
 * The region's lines with one-cell lines that hold several cells split: on runs of spaces (aligned
 * columns), or on single spaces when the line ends in numbers (`行政许可 97`). Once a region has
 * such rows, its one-cell lines of words are header rows cut the same way.
 */
function regionLines(input: RegionInput): LineCells[] {
  const out: LineCells[] = [];
  let spacedRows = 0;
  let run = 0;
  let longestRun = 0;
  for (let li = input.startLine; li < input.endLine; li++) {
    const line = input.lines[li];
    let next = line;
    if (line.shape === 'single' && line.cells.length === 1 && line.cells[0] !== input.caption) {
      const cell = line.cells[0];
      if (cell.kind === 'text' && isPageFurniture(cell.text)) next = PAGE_BREAK;
      else if (hasAlignedGap(cell.text)) {
        const split = splitAlignedCell(cell);
        if (split.length > 1) next = { shape: 'aligned', tail: NO_CELLS, cells: split };
      } else if (cell.kind === 'text' && cell.text.includes(' ')) {
        const split = splitSpacedCell(cell, false);
        if (split.length > 1) { next = { shape: 'spaced', tail: NO_CELLS, cells: split }; spacedRows++; }
        else next = splitHeaderWords(cell, template(input.id)) ?? next;
      }
    }
    if (next.shape === 'aligned') next = splitInsideAligned(next, template(input.id));
    out.push(next);
    // Runs of short one-cell text lines (empty lines do not break them): a stack needs four.
    if (next.cells.length) { run = isStackLine(next) ? run + 1 : 0; if (run > longestRun) longestRun = run; }
  }
  if (longestRun >= 4) unstackRuns(out, template(input.id), (c) => probeCell(c).headerKey);
  if (spacedRows === 0) return out;
  for (let k = 0; k < out.length; k++) {
    const line = out[k];
    if (line.shape !== 'single' || line.cells.length !== 1 || line.cells[0] === input.caption || line.cells[0].kind !== 'text') continue;
    const split = splitSpacedCell(line.cells[0], true);
    if (split.length > 1) out[k] = { shape: 'spaced', tail: NO_CELLS, cells: split };
  }
  return out;
}

function blankCellLine(line: number): LineCells {
  return { shape: 'single', tail: NO_CELLS, cells: [new SourceCell('', line, 0, 'blank', null, undefined)] };
}

export function parseTable(input: RegionInput): Table & { blankLineCells: boolean } {
  const tpl = template(input.id);
  const st: State = { tpl, used: new Set(), nextIndex: 0, inHeader: true, usedColumns: new Set() };
  const lines = regionLines(input);
  const { layout, blankLineCells } = detectLayout(lines, 0, lines.length);
  const rowLayout = layout !== 'cell-per-line';
  if (!rowLayout) for (let k = 0; k < lines.length; k++) if (lines[k] === BLANK_CELL_LINE) lines[k] = blankCellLine(input.startLine + k);
  // pdftotext -layout: header pieces stacked in a column, the group cell printed in pieces (pdf-layout.ts).
  const columnWise = layout === 'aligned' ? readLayoutColumns(lines, tpl, input.caption) : undefined;
  const table: Table & { blankLineCells: boolean } = {
    id: input.id,
    layout,
    blankLineCells,
    range: range(input.startLine, 0, Math.max(input.startLine, input.endLine - 1), 0),
    caption: input.caption,
    headers: columnWise ? columnWise.headers : [],
    rows: [],
    stray: columnWise ? columnWise.stray : [],
    groups: [],
    endLine: input.endLine,
    unread: undefined,
  };
  // Header cells a PDF printed over several lines or one character a line, read together.
  const stacked = readStackedHeader(lines, tpl, input.caption);
  if (stacked) {
    table.headers.push(...stacked.headers);
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k];
      if (l.cells.some((c) => stacked.used.has(c))) lines[k] = { shape: l.shape, tail: l.tail, cells: l.cells.filter((c) => !stacked.used.has(c)) };
    }
  }
  let pending: Cell[] = [];
  let current: Row | undefined;
  let currentLine = -1;

  const flush = (withValues: boolean, knownRowOnly = false): Row | undefined => {
    if (pending.length === 0) return undefined;
    const items = segment(st, liftInnerStrays(tpl, unglue(st, pending), table.stray, probeCell));
    adoptStrayHeaders(items, tpl.columns, st.usedColumns);
    pending = [];
    // The last row item takes the values that follow; earlier row items are rows without values.
    let lastRow = -1;
    if (withValues) for (let k = items.length - 1; k >= 0; k--) if (items[k].kind === 'row') { lastRow = k; break; }
    let result: Row | undefined;
    // A loop, not forEach: flush runs for every label, and a callback is a closure per call.
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (it.kind === 'header') {
        // Words of one header cut apart by single spaces (商业 企业) are one header cell again.
        if (layout === 'spaced' && it.cells.length > 1) it.cells = [mergeSpaced(it.cells)];
        // A header written over several lines (商业 / 企业) is judged by its parts joined; cells of one line keep their own wording.
        const parts = it.cells.length > 1 && it.cells[it.cells.length - 1].line !== it.cells[0].line ? it.cells : undefined;
        const formats = formatsOf(it);
        for (const c of it.cells) table.headers.push({ cell: c, columnId: it.column?.id, score: it.columnScore ?? it.score, formats, parts } as HeaderCell);
      } else if (it.kind === 'group') {
        table.groups.push({ id: it.row!.id, cells: it.cells });
        // A group that is a value row in the other format (（六）其他处理 in 2019) takes following values.
        if (withValues && lastRow < 0 && k === items.length - 1 && it.row!.groupSometimes) {
          const row = makeRow(it);
          table.rows.push(row);
          result = row;
        }
      } else if (it.kind === 'row' && it.row!.groupSometimes && k !== lastRow) {
        // （六）其他处理 followed by its sub-rows is the 2021 group, not a 2019 value row.
        table.groups.push({ id: it.row!.id, cells: it.cells });
      } else if (it.kind === 'row') {
        const row = makeRow(it);
        table.rows.push(row);
        if (k === lastRow) result = row;
      } else table.stray.push(...it.cells);
    }
    if (withValues && !result && !knownRowOnly && (tpl.unlabeledRow || items.length > 0)) {
      // Values after text that is not a known label: an unknown row (or table 四's data row).
      const labelItems = tpl.unlabeledRow ? [] : items.filter((it) => it.kind === 'stray');
      const last = labelItems[labelItems.length - 1];
      if (last) table.stray.splice(table.stray.indexOf(last.cells[0]), 1);
      const row = makeRow(tpl.unlabeledRow ? undefined : last);
      if (tpl.unlabeledRow) row.id = tpl.rows[0].id;
      table.rows.push(row);
      result = row;
    }
    return result;
  };

  // Empty cells after a label, waiting for the row's first value (they are its first cells, or padding).
  // Emptied by a new array only when it holds cells: it is reset after every label and every line, and
  // is mostly empty already (nothing keeps it: its cells are spread into rows).
  let lead: Cell[] = [];
  // One cell per line: empty cells on lines of their own, waiting for the next label or value.
  let cplBlanks: Cell[] = [];
  for (let li = input.startLine; li < input.endLine; li++) {
    const line = lines[li - input.startLine];
    for (let ci = 0; ci < line.cells.length; ci++) {
      const cell = line.cells[ci];
      if (cell === input.caption) continue;
      if (cell.kind === 'text') {
        if (columnWise && current && current.values.length > 0 && pending.length === 0 && li === currentLine && strayBetweenFigures(tpl, line.cells, ci)) {
          table.stray.push(cell);
          continue;
        }
        if (current && current.values.length > 0 && pending.length === 0 && continuesLabel(tpl, current, cell)) {
          // The rest of a label the PDF wrapped below the row's figures (…法规禁 | 0 0 0 | 止公开).
          (current.labelCells as Cell[]).push(cell);
          (current as SourceRow).label += labelKey(cell.text);
          (current as SourceRow).score = 1;
          continue;
        }
        if (cplBlanks.length) {
          // One cell per line: empty cells (`&nbsp;` lines) end the row before them, or are a row's only cells.
          if (pending.length === 0 && current && current.values.length > 0) current.values.push(...cplBlanks);
          else if (pending.length > 0) {
            const row = flush(true, true);
            if (row) { row.values.push(...cplBlanks); current = row; currentLine = li; }
          }
          cplBlanks = [];
        }
        if (current && current.values.length > 0) current = undefined;
        pending.push(cell);
        if (lead.length) lead = [];
        continue;
      }
      if (cell.kind === 'blank') {
        // An empty cell belongs to the row being filled on its line; elsewhere it is layout.
        if (!rowLayout) cplBlanks.push(cell);
        else if (pending.length === 0 && current && current.values.length > 0 && li === currentLine) current.values.push(cell);
        else lead.push(cell);
        continue;
      }
      if (cplBlanks.length) { lead = cplBlanks; cplBlanks = []; }
      if (pending.length > 0) {
        current = flush(true);
        currentLine = li;
        if (current && lead.length) current.values.push(...lead);
        if (lead.length) lead = [];
      } else if (!rowLayout && current && lead.length) {
        current.values.push(...lead);
      } else if (!current || (rowLayout && ci === lead.length && li !== currentLine && current.values.length > 0 && line.cells.length >= 2)) {
        // Values with no label before them: a new unlabeled row (row layouts), or table 四's data row.
        const row = makeRow(undefined);
        if (tpl.unlabeledRow && !table.rows.some((r) => r.id === tpl.rows[0].id)) row.id = tpl.rows[0].id;
        table.rows.push(row);
        current = row;
        currentLine = li;
        if (lead.length) row.values.push(...lead);
      }
      if (lead.length) lead = [];
      if (!current) continue;
      current.values.push(cell);
    }
    // A label followed by nothing but empty cells: a row whose every cell is empty.
    const tail = line.tail.length ? line.tail : lead;
    if (pending.length > 0 && tail.length && line.cells[line.cells.length - 1] === pending[pending.length - 1]) {
      const row = flush(true, true);
      if (row) { row.values.push(...tail); current = row; currentLine = li; }
    }
    if (lead.length) lead = [];
  }
  if (cplBlanks.length && pending.length === 0 && current && current.values.length > 0) current.values.push(...cplBlanks);
  else if (cplBlanks.length && pending.length > 0) {
    const row = flush(true, true);
    if (row) row.values.push(...cplBlanks);
  }
  flush(false);
  if (stacked) table.headers.sort((a, b) => a.cell.line - b.cell.line || a.cell.from - b.cell.from);
  const pieces = tpl.unlabeledRow ? dataPieces(table) : undefined;
  if (tpl.unlabeledRow) mergeSplitDataRow(table, tpl);
  const counts = columnCounts(tpl, table);
  // pdftotext -layout leaves empty cells as spaces: figures are placed by the column they stand in.
  if (columnWise && counts.length === 1) placeByColumns(table, columnWise.marks, lines, input.startLine, counts[0]);
  for (const r of table.rows) joinCellParagraphs(r, counts);
  fillEmptyLineCells(table, counts, lines, input.startLine);
  const blankStyle = table.rows.some(hasInnerBlank);
  for (const r of table.rows) fitBlanks(r, counts, blankStyle);
  table.unread = readSeparated(table, counts, pieces, tpl);
  fillBlankRows(table, tpl, counts, lines, input.startLine);
  return table;
}

/**
 * Table 四's one data row cut into pieces (a converter's sub-tables 行政复议 | 未经复议直接起诉 |
 * 复议后起诉, or a page break): label-less rows whose cells add up to the table's width are one row.
 */
function mergeSplitDataRow(t: Table, tpl: Template): void {
  const data = t.rows.filter((r) => r.labelCells.length === 0);
  if (data.length < 2) return;
  const width = Math.max(...tpl.columnCounts);
  let filled = 0;
  for (const r of data) for (const c of r.values) if (c.kind !== 'blank') filled++;
  if (filled !== width) return;
  const first = data[0];
  const values: Cell[] = [];
  for (const r of data) for (const c of r.values) if (c.kind !== 'blank') values.push(c);
  first.values = values;
  first.id = tpl.rows[0].id;
  t.rows = t.rows.filter((r) => r === first || !data.includes(r));
}

/** Whether a row leaves a cell empty between two figures, or is empty throughout. */
function hasInnerBlank(r: Row): boolean {
  let seen = false;
  let gap = false;
  let filled = false;
  for (const c of r.values) {
    if (c.kind === 'blank') { if (seen) gap = true; continue; }
    if (gap) return true;
    seen = filled = true;
  }
  return r.values.length > 0 && !filled;
}

/** How many value columns the table can have: by its header cells when they say, else by the template. */
function columnCounts(tpl: Template, t: Table): number[] {
  // Distinct column ids in a short list (a table has a few dozen header cells and at most a dozen columns).
  const seen: string[] = [];
  for (const h of t.headers) if (h.columnId && !seen.includes(h.columnId)) seen.push(h.columnId);
  const all = tpl.columnCounts;
  return seen.length && all.includes(seen.length) ? [seen.length] : all;
}

/**
 * Keeps the empty cells of a row that are value cells: all between its first and last filled cell,
 * and as many before and after (after first) as make the row as wide as the table; the rest is padding.
 */
function fitBlanks(r: Row, counts: number[], blankStyle: boolean): void {
  const v = r.values;
  if (!v.length) return;
  let first = 0;
  while (first < v.length && v[first].kind === 'blank') first++;
  let last = v.length - 1;
  while (last >= first && v[last].kind === 'blank') last--;
  if (first === 0 && last === v.length - 1) return;
  const core = last - first + 1;
  // Empty cells at a row's ends are cells only in a table that leaves cells empty elsewhere too
  // (between two figures, or a whole row); otherwise they are the layout's padding.
  if (counts.includes(core) || !blankStyle) { r.values = v.slice(first, last + 1); return; }
  const target = counts.filter((c) => c > core && c <= v.length).sort((a, b) => a - b)[0];
  if (target === undefined) { r.values = core ? v.slice(first, last + 1) : v; return; }
  const after = Math.min(v.length - 1 - last, target - core);
  const before = target - core - after;
  r.values = v.slice(first - before, last + 1 + after);
}

type Formats = ('2021' | '2019' | 'legacy')[];

// A header's formats depend only on its column and its text: known once per distinct text (bounded).
const formatsCache = new WeakMap<ColumnEntry, Map<string, Formats | undefined>>();

function formatsOf(it: Item): Formats {
  if (!it.column) return [];
  const text = joinText(it.cells);
  let byText = formatsCache.get(it.column);
  if (!byText) formatsCache.set(it.column, (byText = new Map()));
  let f = byText.get(text);
  if (f === undefined && !byText.has(text)) {
    const m = matchKeys(labelKey(text), it.column.keys, true);
    f = m && m.score >= 0.85 ? m.entry.formats : undefined;
    if (byText.size >= PROBE_CACHE_MAX) byText.clear();
    byText.set(ownCopy(text), f);
  }
  return f ?? [];
}
