// Converter Markdown (turndown and others) keeps every table with row/col spans as a raw HTML block
// (`<table border="1"><tbody><tr><td colspan="4">…`), often the whole table on one line. The line
// parser reads tables row by row, so such a text is checked through a VIEW of it: the same text,
// character for character at the same offsets, with each HTML table block laid out as tab rows —
// tags become spaces, one tag character becomes the row's line break, another the tab between two
// fields, cell text stays where it is. A finding's offset in the view IS its offset in the source,
// so diagnostics, hovers and fixes land on the cell as written (md-html-map.ts maps them back).
// The cells are laid out by the HTML reader's own code (rows/cells of io/readers/html-dom.ts, merged
// cells by io/readers/grid.ts: a colspan is one field, a rowspan leaves one blank field below it).
import type * as Htmlparser2 from 'htmlparser2';
import type { ChildNode, Document, Element } from 'domhandler';
import { DROP, cellsOf, hasTable, isElement, rowsOf, span } from '../io/readers/html-dom';
import { placeSpans } from '../io/readers/grid';
import { boundDepth } from '../io/readers/html-depth';
import type { CellSpan, TableView } from './md-html-view';

export type { CellSpan, TableView };

// A Markdown HTML block starts at a line start, indented by at most three spaces (CommonMark 4.6);
// `<table` elsewhere in a line is prose or code quoting a tag.
const BLOCK_START = /^ {0,3}<table(?=[\s>/])/gim;
const TABLE_TAG = /<(\/?)table(?=[\s>/])[^<>]*>/gi;
// A block this long is no report table: it is left as it is (checked as text, table-missing says why).
const MAX_BLOCK = 2_000_000;

// htmlparser2 (and its entity tables) is loaded the first time a text has an HTML table: starting the
// CLI or the server for the usual text report costs what it did before (like the readers, io/readers/load.ts).
// The bundles and the test runner are CommonJS; the webview's type check knows no Node globals.
declare const require: (id: string) => unknown;
let htmlparser2: typeof Htmlparser2 | undefined;
export function parseHtml(html: string): Document {
  htmlparser2 ??= require('htmlparser2') as typeof Htmlparser2;
  return htmlparser2.parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/**
 * Whether `<table` (any case, as /<table/i) occurs: every text is asked, and most have no `<` at all, so
 * one search for `<` decides where a case-insensitive regex scanned the whole text. (c | 0x20) is the
 * lower case of an ASCII letter and no other unit maps onto one.
 */
function hasTableTag(s: string): boolean {
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    if ((s.charCodeAt(i + 1) | 0x20) === 0x74 && (s.charCodeAt(i + 2) | 0x20) === 0x61 && (s.charCodeAt(i + 3) | 0x20) === 0x62
      && (s.charCodeAt(i + 4) | 0x20) === 0x6c && (s.charCodeAt(i + 5) | 0x20) === 0x65) return true;
  }
  return false;
}

/** The view of a text with HTML table blocks, or undefined when it has none that could be laid out. */
export function htmlTableView(source: string): TableView | undefined {
  if (!hasTableTag(source)) return undefined;
  let chars: string[] | undefined;
  const blocks: TableView['blocks'] = [];
  const cells: CellSpan[] = [];
  const fences = fencedCode(source);
  let f = 0;
  BLOCK_START.lastIndex = 0;
  for (let m = BLOCK_START.exec(source); m; m = BLOCK_START.exec(source)) {
    const from = m.index + m[0].length - 6;
    // A table quoted in a fenced code block is code, shown as written.
    while (f < fences.length && fences[f].to <= from) f++;
    if (f < fences.length && fences[f].from <= from) { BLOCK_START.lastIndex = fences[f].to; continue; }
    const to = blockEnd(source, from);
    if (to < 0) break;
    BLOCK_START.lastIndex = to;
    const laid = layOut(source, from, to);
    if (!laid) continue;
    chars ??= [];
    blocks.push({ from, to });
    for (const c of laid.cells) cells.push(c);
    chars.push(laid.text);
  }
  if (!chars || blocks.length === 0) return undefined;
  // Stitch the view: source outside the blocks, laid-out text inside.
  let text = '';
  let at = 0;
  blocks.forEach((b, k) => { text += source.slice(at, b.from) + chars![k]; at = b.to; });
  text += source.slice(at);
  return { source, text, blocks, cells };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/gm;

/** The fenced code blocks of a Markdown text (``` or ~~~ to a closing fence of the same kind, or the end), in order. */
function fencedCode(source: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  if (!source.includes('```') && !source.includes('~~~')) return out;
  let open: { from: number; mark: string } | undefined;
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(source); m; m = FENCE.exec(source)) {
    const mark = m[1];
    if (!open) open = { from: m.index, mark };
    else if (mark[0] === open.mark[0] && mark.length >= open.mark.length) { out.push({ from: open.from, to: m.index + m[0].length }); open = undefined; }
  }
  if (open) out.push({ from: open.from, to: source.length });
  return out;
}

/** End offset of the `</table>` closing the table opened at `from` (nested tables counted), or -1. */
function blockEnd(source: string, from: number): number {
  TABLE_TAG.lastIndex = from;
  let depth = 0;
  for (let m = TABLE_TAG.exec(source); m; m = TABLE_TAG.exec(source)) {
    if (m.index - from > MAX_BLOCK) return -1;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

interface Placed { colspan: number; rowspan: number; span: CellSpan }

/** The block [from, to) laid out as tab rows (same length), or undefined when it cannot be. */
function layOut(source: string, from: number, to: number): { text: string; cells: CellSpan[] } | undefined {
  const html = source.slice(from, to);
  // Markup nested deeper than the HTML reader reads is no converter's table: leave it as text.
  if (boundDepth(html) !== html) return undefined;
  const doc = parseHtml(html);
  const table = doc.children.find((c): c is Element => isElement(c) && c.name === 'table');
  // A table of tables is page layout, not a statistics table.
  if (!table || hasTable(table)) return undefined;
  // UTF-16 units of the laid-out block: two bytes a character, whatever the block holds.
  const out = new Uint16Array(html.length).fill(32);
  const rows: Placed[][] = [];
  for (const tr of rowsOf(table)) {
    const row: Placed[] = [];
    for (const td of cellsOf(tr)) row.push({ colspan: span(td, 'colspan'), rowspan: span(td, 'rowspan'), span: copyCell(html, td, out, from) });
    rows.push(row);
  }
  const cells: CellSpan[] = [];
  let cursor = 0;
  let pending = '';
  const put = (until: number): boolean => {
    if (cursor + pending.length > until) return false;
    for (let k = 0; k < pending.length; k++) out[cursor + k] = pending.charCodeAt(k);
    pending = '';
    return true;
  };
  let firstRow = true;
  for (const fields of placeSpans(rows)) {
    // A row of nothing but cells covered from above adds no figure and no label.
    if (!fields.some((f) => f)) continue;
    if (!firstRow) pending += '\n';
    firstRow = false;
    for (let k = 0; k < fields.length; k++) {
      if (k > 0) pending += '\t';
      const f = fields[k];
      if (!f) continue;
      if (!put(f.span.from - from)) return undefined;
      cursor = f.span.to - from;
      cells.push(f.span);
    }
  }
  // Text after `</table>` on the same line starts a line of its own.
  const rest = source.slice(to, lineEnd(source, to));
  if (rest.trim()) pending += '\n';
  if (!put(html.length)) return undefined;
  return { text: fromUnits(out), cells };
}

// The block's units back to a string in one native call (a lone surrogate, never in real text, would read as U+FFFD).
const UTF16 = new TextDecoder('utf-16le');

function fromUnits(units: Uint16Array): string {
  return UTF16.decode(units);
}

function lineEnd(s: string, at: number): number {
  const i = s.indexOf('\n', at);
  return i < 0 ? s.length : i;
}

/**
 * Copies a cell's text into the view at its own offsets (line breaks and tabs as spaces, an entity
 * as its character padded with spaces, tags inside the cell as spaces) and returns where it is.
 */
function copyCell(html: string, td: Element, out: Uint16Array, base: number): CellSpan {
  let first = -1;
  let last = -1;
  const visit = (n: ChildNode): void => {
    if (n.type === 'text') {
      const s = n.startIndex ?? -1;
      const e = (n.endIndex ?? -2) + 1;
      if (s < 0 || e <= s) return;
      const raw = html.slice(s, e);
      let t = raw;
      if (raw !== n.data) {
        // An entity (&nbsp; &amp; &#…;) is longer than its character: the rest of it becomes spaces.
        if (n.data.length > raw.length) return;
        t = n.data;
      }
      for (let k = 0; k < t.length; k++) {
        const ch = t.charCodeAt(k);
        const breaks = ch === 10 || ch === 13 || ch === 9;
        out[s + k] = breaks ? 32 : ch;
        const blank = breaks || ch === 32 || ch === 0xa0;
        if (!blank) { if (first < 0) first = s + k; last = s + k + 1; }
      }
      return;
    }
    if (!isElement(n) || DROP.has(n.name)) return;
    for (const c of n.children) visit(c);
  };
  for (const c of td.children) visit(c);
  if (first < 0) {
    // An empty cell is the place right after its opening tag: a value typed there goes into the cell.
    const open = html.indexOf('>', td.startIndex ?? 0) + 1;
    return { from: base + open, to: base + open };
  }
  return { from: base + first, to: base + last };
}
