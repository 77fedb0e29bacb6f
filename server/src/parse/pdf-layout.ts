// `pdftotext -layout` text keeps the page's columns: a table cell printed over several lines
// stays in its column. What sits in a column is read column-wise here (the table parser reads the
// region's cells line by line):
// - header cells broken over lines or stacked (社会 / 公益 / 组织, 本年新 / 制作数量): the pieces of a
//   column that join to a known header are that header, judged as the pieces joined;
// - the merged group cell of table 三 (三、本年度办理结果, （三）不予公开 …) printed beside the sub-rows
//   in pieces (度办理结, （三）不, 予公开, 他处理): the pieces are taken out of the label stream, so
//   they neither glue to a row label nor split a wrapped one;
// - empty cells, which are only spaces: each figure is placed under its column (placeByColumns).
// Columns are counted in UTF-16 units: pdftotext writes one character per column, CJK included
// (its -layout output aligns the n-th character of each line, not the display width).
import { isPrintFurniture } from './pdf-furniture';
import type { Cell, HeaderCell, Row, Table } from '../model';
import type { LineCells } from './cells';
import { SourceCell, startsWithOrdinal } from './cells';
import { matchKeys, stripNormKey, type ColumnEntry, type Template } from './template';
import { labelKey } from './text';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
// Stacked pieces of one header are at most this many lines apart (a line of other headers between).
const STACK_GAP = 3;
// Pieces of one column start within this many columns of each other.
const STACK_SLACK = 2;
// A group piece stands left of the labels beside it by at least this much.
const GROUP_INDENT = 4;
// At most this many pieces make one header (商 / 业 / 企 / 业, 社 / 会 / 公 / 益 / 组 / 织).
const MAX_STACK = 8;
// How close a stack's joined pieces must be to a column's name to be taken for it (with a slip).
const NEAR_HEADER = 0.6;
const MAX_HEADER_LINES = 40;
// Lines with more cells than this are not header lines of a report's table.
const MAX_HEADER_CELLS = 40;

/** The group labels of a table with their ordinals, as label keys: 三、本年度办理结果, (三)不予公开. */
const groupKeyCache = new Map<string, string[]>();
function groupKeys(tpl: Template): string[] {
  let keys = groupKeyCache.get(tpl.id);
  if (keys) return keys;
  keys = [];
  for (const r of tpl.rows) {
    if (!r.group && !r.groupSometimes) continue;
    const o = r.ordinal;
    const ord = !o ? '' : o.style === 'cn' ? `${CN[o.value]}、` : o.style === 'paren' ? `(${CN[o.value]})` : `${o.value}.`;
    for (const k of r.keys) keys.push(ord + k.key, k.key);
  }
  groupKeyCache.set(tpl.id, keys);
  return keys;
}

function isNumber(c: Cell): boolean {
  return c.kind === 'number';
}

/** Index of the first line holding a figure: the header block is above it. */
function firstValueLine(lines: LineCells[]): number {
  for (let k = 0; k < lines.length; k++) if (lines[k].cells.some(isNumber)) return k;
  return lines.length;
}

function isHeaderKey(tpl: Template, key: string): boolean {
  return tpl.columnByKey.has(key) || tpl.headerKeySet.has(key);
}

/** Where a column's header starts: its first line and its start column. */
export interface ColumnMark { line: number; from: number }

/**
 * Header pieces stacked in one column (总 / 计, 本年新 / 制作数量, 社会 / 公益 / 组织, 商 / 业 / 企 / 业)
 * that join to one known column exactly: they become that column's header (judged by its parts
 * joined) and leave the label stream. Lines are replaced, never changed in place (the document's
 * lines are shared). Also returns where every header naming a column starts, stacked or not (table
 * 四 names 结果 / 维持 three times: each is a column of its own, placed by position).
 */
function stackHeaders(lines: LineCells[], end: number, tpl: Template, caption: Cell | undefined): { headers: HeaderCell[]; marks: ColumnMark[] } {
  interface Stack { cells: Cell[]; first: number; open: number }
  const stacks: Stack[] = [];
  // Header cells of short words one space apart (商业 科研 above 企业 机构): each word is a piece of its column.
  const split = new Map<Cell, Cell[]>();
  let open: Stack[] = [];
  for (let k = 0; k < end; k++) {
    if (lines[k].cells.length > MAX_HEADER_CELLS) continue;
    if (lines[k].cells.length) open = open.filter((x) => x.open >= k - STACK_GAP);
    for (const cell of lines[k].cells) {
      if (cell.kind !== 'text' || cell === caption) continue;
      // A header written with a space (商业 企业) is one piece.
      const words = isHeaderKey(tpl, labelKey(cell.text)) ? [cell] : shortWords(cell);
      if (words.length > 1) split.set(cell, words);
      for (const c of words) {
        if (c.text.length > 10) continue;
        let s = open.find((x) => x.open < k && Math.abs(x.cells[x.cells.length - 1].from - c.from) <= STACK_SLACK);
        if (!s) { s = { cells: [], first: k, open: k }; stacks.push(s); open.push(s); }
        s.cells.push(c);
        s.open = k;
      }
    }
  }
  const headers: HeaderCell[] = [];
  const marks: ColumnMark[] = [];
  const gone = new Set<Cell>();
  const cut = new Map<Cell, Cell>();
  const addHeader = (parts: Cell[], key: string, col: ColumnEntry, score = 1) => {
    const m = matchKeys(key, col.keys, true);
    const formats = m && m.score >= 0.85 ? m.entry.formats : [];
    for (const c of parts) { headers.push({ cell: c, columnId: col.id, score, formats, parts }); gone.add(c); }
  };
  for (const s of stacks) {
    const n = s.cells.length;
    if (fromLeftText(lines, s.first, s.cells, tpl, cut, gone, addHeader, marks)) continue;
    for (let a = 0; a < n; a++) {
      // The longest run from here that names a column exactly.
      for (let b = Math.min(n, a + MAX_STACK); b >= a + 1; b--) {
        let key = '';
        for (let i = a; i < b; i++) key += labelKey(s.cells[i].text);
        const cols = tpl.columnByKey.get(key);
        if (!cols) continue;
        const parts = s.cells.slice(a, b);
        let from = parts[0].from;
        for (const c of parts) from = Math.min(from, c.from);
        marks.push({ line: parts[0].line, from });
        // A column named in several places (table 四) is left to the parser, which places it by order.
        if (b - a >= 2 && cols.length === 1) addHeader(parts, key, cols[0]);
        a = b - 1;
        break;
      }
    }
    if (n >= 2 && !s.cells.some((c) => gone.has(c))) nearHeader(s.cells, tpl, addHeader);
  }
  if (gone.size) {
    for (let k = 0; k < end; k++) {
      const line = lines[k];
      const pieces = (c: Cell) => { const w = split.get(c); return w && w.some((x) => gone.has(x)) ? w : [c]; };
      if (line.cells.some((c) => gone.has(c) || cut.has(c) || pieces(c).length > 1)) {
        lines[k] = { shape: line.shape, tail: line.tail, cells: line.cells.flatMap(pieces).filter((c) => !gone.has(c)).map((c) => cut.get(c) ?? c) };
      }
    }
  }
  return { headers, marks };
}

/** The words of a cell when they are all short (header pieces one space apart), else the cell. */
function shortWords(c: Cell): Cell[] {
  if (!c.text.includes(' ')) return [c];
  const out: Cell[] = [];
  const re = /\S+/g;
  for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
    if (m[0].length > 4) return [c];
    out.push(new SourceCell(m[0], c.line, c.from + m.index, 'text', null, undefined));
  }
  return out;
}

/**
 * A stack that names no column exactly but one column closely (社会 / 公义 / 组织): the author's
 * header with a slip, judged as its pieces joined (table-label quotes them so).
 */
function nearHeader(stack: Cell[], tpl: Template, addHeader: (parts: Cell[], key: string, col: ColumnEntry, score?: number) => void): void {
  let key = '';
  for (const c of stack) key += labelKey(c.text);
  // Pieces that are headers on their own (自然人 above 商业) are not one header with a slip.
  if (tpl.headerKeySet.has(key) || stack.some((c) => isHeaderKey(tpl, labelKey(c.text)))) return;
  let best: ColumnEntry | undefined;
  let score = 0;
  let second = 0;
  for (const col of tpl.columns) {
    const m = matchKeys(key, col.keys, false);
    if (!m) continue;
    if (m.score > score) { second = score; score = m.score; best = col; } else if (m.score > second) second = m.score;
  }
  if (best && score >= NEAR_HEADER && score - second >= 0.1) addHeader(stack, key, best, score);
}

/**
 * The top pieces of a stacked header pulled left by a long cell of their line (`…等于第 自` and `然`
 * above `人`): when the stack is a column's name without its first one or two characters, and the
 * lines just above end in them (one space after a long cell) or hold them alone, those are the
 * missing pieces.
 */
function fromLeftText(lines: LineCells[], top: number, stack: Cell[], tpl: Template, cut: Map<Cell, Cell>, gone: Set<Cell>, addHeader: (parts: Cell[], key: string, col: ColumnEntry) => void, marks: ColumnMark[]): boolean {
  let key = '';
  for (const c of stack) key += labelKey(c.text);
  if (tpl.columnByKey.has(key)) return false;
  let found: ColumnEntry | undefined;
  let head = '';
  for (const col of tpl.columns) for (const k of col.keys) {
    if (k.key.length > key.length && k.key.length - key.length <= 2 && k.key.endsWith(key)) {
      if (found && found !== col) return false;
      found = col;
      head = k.key.slice(0, k.key.length - key.length);
    }
  }
  if (!found) return false;
  const pieces: Cell[] = [];
  const cuts: [Cell, Cell][] = [];
  let got = 0;
  for (let k = Math.max(0, top - STACK_GAP - 1); k < top && got < head.length; k++) {
    for (const c of lines[k].cells) {
      if (c.kind !== 'text' || gone.has(c) || cut.has(c)) continue;
      const want = head.slice(got);
      const n = [...want].findIndex((_, i) => c.text === want.slice(0, want.length - i) || c.text.endsWith(' ' + want.slice(0, want.length - i)));
      if (n < 0) continue;
      const part = want.slice(0, want.length - n);
      if (c.text === part) pieces.push(c);
      else {
        const at = c.text.length - part.length;
        pieces.push(new SourceCell(part, c.line, c.from + at, 'text', null, undefined));
        cuts.push([c, new SourceCell(c.text.slice(0, at).trimEnd(), c.line, c.from, 'text', null, undefined)]);
      }
      got += part.length;
      break;
    }
  }
  if (got !== head.length) return false;
  for (const [c, rest] of cuts) cut.set(c, rest);
  let from = stack[0].from;
  for (const x of stack) from = Math.min(from, x.from);
  marks.push({ line: pieces[0].line, from });
  addHeader([...pieces, ...stack], head + key, found);
  return true;
}

/** Whether a label piece is part of a group label (度办理结, (三)不, 予公开, 他处理) and nothing else. */
function isGroupPiece(tpl: Template, text: string): boolean {
  const key = labelKey(text);
  if (!key) return false;
  const { key: bare, ordinal } = stripNormKey(text);
  // A row label written whole (with its own ordinal, or none) is a row, not a piece.
  const rows = tpl.rowByKey.get(bare);
  if (rows && rows.some((r) => !ordinal || (r.ordinal?.style === ordinal.style && r.ordinal.value === ordinal.value))) return false;
  if (isHeaderKey(tpl, key)) return false;
  return groupKeys(tpl).some((g) => g !== key && g.includes(key));
}

/**
 * A piece worded as a sub-row without its number (`其他`, sub-row 3.其他) is the group's only when the
 * numbering says so: the group piece just above it in the same column carries an ordinal (`（六）`) that
 * is not the sub-row's, and the two read on into a group label (（六）其他 / 处理).
 */
function continuesGroup(tpl: Template, above: Cell | undefined, c: Cell): boolean {
  if (!above || Math.abs(above.from - c.from) > STACK_SLACK || c.line - above.line > 3 || startsWithOrdinal(c.text)) return false;
  const { key, ordinal } = stripNormKey(above.text + c.text);
  if (!ordinal || !tpl.rowByKey.has(key)) return false;
  if (tpl.rowByKey.get(key)!.some((r) => r.ordinal?.value === ordinal.value)) return false;
  const joined = labelKey(above.text + c.text);
  return groupKeys(tpl).some((g) => g !== joined && g.startsWith(joined));
}

/** `(四)无法 1.本机关不掌握相关政`: a group piece one space before a label that starts with an ordinal. */
function splitGluedPiece(tpl: Template, c: Cell): Cell[] | undefined {
  const sp = c.text.indexOf(' ');
  if (sp <= 0) return undefined;
  const head = c.text.slice(0, sp);
  const rest = c.text.slice(sp).trimStart();
  if (!startsWithOrdinal(rest) || !isGroupPiece(tpl, head)) return undefined;
  const at = c.text.length - rest.length;
  return [new SourceCell(head, c.line, c.from, 'text', null, undefined), new SourceCell(rest, c.line, c.from + at, 'text', null, undefined)];
}

/**
 * Takes the group cell's pieces out of the body's lines (they are returned, for the table's stray
 * text). A piece is printed left of the labels: either a label follows it on its line, or a label
 * on a line next to it starts further right.
 */
function dropGroupPieces(lines: LineCells[], from: number, tpl: Template): Cell[] {
  const dropped: Cell[] = [];
  // Where the rightmost text of each line starts (once per line: the work stays linear).
  const rightmost = new Int32Array(lines.length).fill(-1);
  for (let j = from; j < lines.length; j++) for (const c of lines[j].cells) if (c.kind === 'text' && c.from > rightmost[j]) rightmost[j] = c.from;
  const labelStart = (k: number): number => {
    let best = -1;
    for (let j = Math.max(from, k - 2); j <= Math.min(lines.length - 1, k + 2); j++) if (j !== k && rightmost[j] > best) best = rightmost[j];
    return best;
  };
  // The previous label piece in each column, so a label wrapped onto a line of its own ((一)予以 / 公开) stays whole.
  let previous: Cell | undefined;
  // The last group piece taken out: `（六）` above `其他` makes it the group's, not sub-row 3.其他.
  let lastPiece: Cell | undefined;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k];
    const out: Cell[] = [];
    let changed = false;
    for (let i = 0; i < line.cells.length; i++) {
      const c = line.cells[i];
      if (c.kind !== 'text') { out.push(c); continue; }
      const glued = splitGluedPiece(tpl, c);
      if (glued) {
        dropped.push(glued[0]);
        lastPiece = glued[0];
        out.push(glued[1]);
        previous = glued[1];
        changed = true;
        continue;
      }
      const next = line.cells[i + 1];
      const beside = next !== undefined && next.kind === 'text';
      const piece = (isGroupPiece(tpl, c.text) || continuesGroup(tpl, lastPiece, c))
        && (beside || labelStart(k) >= c.from + GROUP_INDENT)
        && !(previous && Math.abs(previous.from - c.from) <= STACK_SLACK && tpl.rowByKey.has(stripNormKey(previous.text + c.text).key));
      if (piece) { dropped.push(c); lastPiece = c; changed = true; continue; }
      out.push(c);
      previous = c;
    }
    if (changed) lines[k] = { shape: line.shape, tail: line.tail, cells: out };
  }
  return dropped;
}

/**
 * Reads the region's columns (see the file's comment). Changes `lines` (a copy made for this
 * table) and returns the headers read column-wise and the group pieces taken out of the label stream.
 */
export function readLayoutColumns(lines: LineCells[], tpl: Template, caption: Cell | undefined): { headers: HeaderCell[]; marks: ColumnMark[]; stray: Cell[] } {
  const body = firstValueLine(lines);
  // A header is a few lines: more than that above the first figure is not a header block (and work stays linear).
  const { headers, marks } = stackHeaders(lines, Math.min(body, MAX_HEADER_LINES), tpl, caption);
  return { headers, marks, stray: groupKeys(tpl).length ? dropGroupPieces(lines, body, tpl) : [] };
}

// Values start within this many columns of their column's start.
const COLUMN_SLACK = 3;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v); else m.set(k, [v]);
}

/** Sorted distinct starts, starts within a column or two of each other taken as one. */
function clusters(starts: number[]): number[] {
  const s = [...starts].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of s) if (!out.length || x - out[out.length - 1] > 1) out.push(x);
  return out;
}

function nearest(grid: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - x) < Math.abs(grid[best] - x)) best = i;
  return best;
}

/**
 * An empty cell under column x. A column right of the row's last figure lies past the line's text
 * (pdftotext trims trailing spaces): the cell sits at the text's end, so its range stays in the document.
 */
function blankAt(line: number, x: number, end: number): Cell {
  return new SourceCell('', line, Math.min(Math.round(x), end), 'blank', null, undefined);
}

/**
 * Where a row of a -layout table has fewer figures than the table has columns, the empty cells are
 * only spaces: each figure is placed in the column it stands under, and the row gets empty cells
 * for the others (a blank is 0, R3-4, and says which column was left blank). The columns of a page
 * come from its header cells, else from a row of that page with every cell filled, else from the
 * previous page's columns stretched between this page's first and last (total) column — pdftotext
 * spaces every page on its own. A row whose figures cannot be placed one per column is left as read.
 */
export function placeByColumns(t: Table, marks: ColumnMark[], lines: LineCells[], startLine: number, width: number): void {
  // Empty fields around the figures are the layout's padding here: only the figures are placed.
  const filled = new Map<Row, Cell[]>();
  for (const r of t.rows) filled.set(r, r.values.filter((v) => v.kind !== 'blank'));
  const counts = [...filled.values()].map((v) => v.length);
  if (!counts.some((n) => n > 0 && n < width) || counts.some((n) => n > width)) return;
  // Page of each line of the region.
  const page = new Int32Array(lines.length);
  let p = 0;
  for (let k = 0; k < lines.length; k++) {
    // A printed page's header (`11/30/26, 1:54 AM`), footer page count (`4/7`) or page number: a new page starts.
    if (lines[k].pageBreak || lines[k].cells.some((c) => c.kind === 'text' && isPrintFurniture(c.text))) p++;
    page[k] = p;
  }
  const pageOf = (c: Cell) => page[Math.min(lines.length - 1, Math.max(0, c.line - startLine))];
  // Header columns: where each column's header starts, by page.
  const headerGrid = new Map<number, number[]>();
  for (const m of marks) {
    const pg = page[Math.min(lines.length - 1, Math.max(0, m.line - startLine))];
    const g = headerGrid.get(pg) ?? [];
    g.push(m.from);
    headerGrid.set(pg, g);
  }
  // The rows of each page with figures on one line, and (a label with no figure beside it: every cell of its row is empty) without.
  const withFigures = new Map<number, Row[]>();
  const without = new Map<number, Row[]>();
  for (const r of t.rows) {
    const v = filled.get(r)!;
    if (v.length) {
      if (v.every((x) => x.line === v[0].line)) push(withFigures, pageOf(v[0]), r);
    } else if (r.id && r.labelCells.length) push(without, pageOf(r.labelCells[r.labelCells.length - 1]), r);
  }
  let previous: number[] | undefined;
  for (let pg = 0; pg <= p; pg++) {
    const rows = withFigures.get(pg) ?? [];
    const empty = without.get(pg) ?? [];
    if (!rows.length && !empty.length) continue;
    let grid: number[] | undefined;
    const hg = headerGrid.get(pg);
    if (hg && hg.length === width) grid = [...hg].sort((a, b) => a - b);
    const full = rows.find((r) => filled.get(r)!.length === width);
    if (!grid && full) grid = filled.get(full)!.map((v) => v.from);
    const starts = clusters(rows.flatMap((r) => filled.get(r)!.map((v) => v.from)));
    if (!grid && starts.length === width) grid = starts;
    if (!grid && previous && starts.length >= 2) {
      // Stretch the previous page's columns between this page's first column and its last.
      const lo = starts[0];
      const hi = starts[starts.length - 1];
      const first = nearest(previous, lo);
      if (first < width - 1 && hi > previous[width - 1] - COLUMN_SLACK) {
        const scale = (hi - lo) / (previous[width - 1] - previous[first]);
        grid = previous.map((x) => lo + (x - previous![first]) * scale);
      }
    }
    if (!grid && !rows.length) grid = previous;
    if (!grid) continue;
    previous = grid;
    for (const r of empty) {
      const label = r.labelCells[r.labelCells.length - 1];
      r.values = grid.map((x) => blankAt(label.line, x, label.to));
    }
    const slack = Math.max(COLUMN_SLACK, (grid[width - 1] - grid[0]) / width);
    for (const r of rows) {
      const values = filled.get(r)!;
      if (values.length === width) { r.values = values; continue; }
      const slots: (Cell | undefined)[] = new Array(width).fill(undefined);
      let last = -1;
      let ok = true;
      for (const v of values) {
        const i = nearest(grid, v.from);
        // One figure a column, left to right, each near its column's start.
        if (i <= last || Math.abs(grid[i] - v.from) > slack) { ok = false; break; }
        slots[i] = v;
        last = i;
      }
      if (!ok) continue;
      const line = values[0].line;
      const end = values[values.length - 1].to;
      r.values = slots.map((v, i) => v ?? blankAt(line, grid![i], end));
    }
  }
}
