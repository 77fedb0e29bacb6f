// A row inserted into an HTML table of converter Markdown. The rules insert a missing row into the view of the
// text (md-html-tables.ts), where the table is tab rows: `label\t0\t0…` on a line of its own. The source is HTML,
// so the same row is written as a `<tr>` in the table's own style — its `<tr>`/`<td>` tags copied from the row it
// goes after (or before), the label cell spanning the columns the other rows' labels span — and a group cell whose
// rowspan covers the place (三、本年度办理结果, （三）不予公开) is made one row taller. When that cannot be told (a
// first sub-row, whose group cell stands in the row after it; a row that does not fit the grid) it is not offered.
import type { Element } from 'domhandler';
import { cellsOf, isElement, rowsOf, span } from '../io/readers/html-dom';
import { MAX_SPAN, placeSpans } from '../io/readers/grid';
import { parseHtml } from './md-html-tables';

export interface SourceEdit { from: number; to: number; newText: string }

interface Placed { td: Element; row: number; col: number; colspan: number; rowspan: number }

const SUB_ROW = /^\s*(\d{1,2})\s*[.．、]/;
const SPAN_ATTR = /\s(?:colspan|rowspan)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi;

/**
 * Source edits that insert `fields` (a label and its values) as a new row of the HTML table [from, to) of `source`,
 * after the row holding offset `at` (or before the row starting at or after it), or undefined.
 */
export function htmlRowInsert(source: string, block: { from: number; to: number }, at: number, before: boolean, fields: string[]): SourceEdit[] | undefined {
  if (fields.length < 2) return undefined;
  const html = source.slice(block.from, block.to);
  const table = parseHtml(html).children.find((c): c is Element => isElement(c) && c.name === 'table');
  if (!table) return undefined;
  const trs = rowsOf(table);
  const rel = at - block.from;
  // The new row goes after row `i`.
  let i = -1;
  if (before) { i = trs.findIndex((tr) => (tr.startIndex ?? 0) >= rel) - 1; if (i < -1) return undefined; }
  else for (let k = 0; k < trs.length; k++) if ((trs[k].startIndex ?? 0) < rel) i = k;
  if (i < 0 || i >= trs.length) return undefined;
  const placed = place(trs);
  // The grid's width where the row goes (a rowspan the author left too tall pushes rows further down out of line).
  const width = Math.max(...placed.filter((p) => p.row === i).map((p) => p.col + p.colspan));
  // Cells of rows up to i that reach below it cover the new row too: one row taller.
  const grow = placed.filter((p) => p.row <= i && p.row + p.rowspan - 1 > i);
  // A sub-row (3.危及…) continuing the numbering of the row before it belongs to that row's group even where the
  // group cell ends with that row (the group's last sub-row was the missing one).
  const sub = SUB_ROW.exec(fields[0]);
  if (sub) {
    // The row's own label is its last text cell (a group cell starting there stands before it).
    const label = placed.filter((p) => p.row === i && p.rowspan === 1 && /[^\s\d.,]/.test(textOf(p.td))).pop();
    if (!label) return undefined;
    const prev = SUB_ROW.exec(textOf(label.td));
    // Only after the sub-row numbered one less, inside the same group: the first sub-row's place (beside its group
    // cell, which stands in the next row) cannot be written without moving that cell.
    if (before || !prev || Number(sub[1]) !== Number(prev[1]) + 1) return undefined;
    for (const p of placed) if (p.row < i && p.rowspan > 1 && p.row + p.rowspan - 1 === i && p.col < label.col && !grow.includes(p)) grow.push(p);
    if (!grow.some((p) => p.col < label.col)) return undefined;
  }
  const covered = new Set<number>();
  for (const p of grow) for (let c = p.col; c < p.col + p.colspan; c++) covered.add(c);
  const free = width - covered.size;
  const labelSpan = free - (fields.length - 1);
  if (labelSpan < 1) return undefined;
  // Tags as the neighbouring row writes them: cell by cell when its own cells fit the new row (行政许可 | 0 spanning
  // three columns), else its label and value tags without their spans.
  const anchor = trs[before ? i + 1 : i] ?? trs[i];
  const anchorCells = cellsOf(anchor);
  const trOpen = openTag(html, anchor);
  const own = placed.filter((p) => p.row === trs.indexOf(anchor) && p.rowspan === 1);
  if (own.length === fields.length && own.reduce((n, p) => n + p.colspan, 0) === free) {
    const tags = own.map((p) => openTag(html, p.td).replace(/\srowspan\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi, ''));
    return withRow(html, block, trs[i], grow, trOpen + fields.map((f, k) => cellHtml(tags[k], f)).join('') + '</tr>');
  }
  const valueOpen = anchorCells.length ? openTag(html, anchorCells[anchorCells.length - 1]).replace(SPAN_ATTR, '') : '<td>';
  const labelCell = anchorCells.find((td) => /[^\s\d]/.test(textOf(td)) && span(td, 'rowspan') === 1);
  const labelOpen = labelCell ? openTag(html, labelCell).replace(SPAN_ATTR, '') : valueOpen;
  const withSpan = labelSpan > 1 ? labelOpen.replace(/^<(\w+)/, `<$1 colspan="${labelSpan}"`) : labelOpen;
  return withRow(html, block, trs[i], grow, trOpen + cellHtml(withSpan, fields[0]) + fields.slice(1).map((v) => cellHtml(valueOpen, v)).join('') + '</tr>');
}

/** The new row after `tr`, and each cell in `grow` one row taller. */
function withRow(html: string, block: { from: number }, tr: Element, grow: Placed[], row: string): SourceEdit[] {
  const edits: SourceEdit[] = [];
  for (const p of grow) {
    const open = openTag(html, p.td);
    const start = block.from + (p.td.startIndex ?? 0);
    edits.push({ from: start, to: start + open.length, newText: setRowspan(open, p.rowspan + 1) });
  }
  const insertAt = block.from + (tr.endIndex ?? html.length - 1) + 1;
  edits.push({ from: insertAt, to: insertAt, newText: row });
  return edits.sort((a, b) => a.from - b.from);
}

function cellHtml(open: string, text: string): string {
  return open + escape(text) + `</${/^<(\w+)/.exec(open)?.[1] ?? 'td'}>`;
}

/** Each cell with its row and first column in the table's grid (rowspans push later cells right), laid out as the
 * reader lays the table out (placeSpans), so the row written goes where the row read stands. */
function place(trs: Element[]): Placed[] {
  const out: Placed[] = [];
  const rows = trs.map((tr) => cellsOf(tr).map((td) => ({ td, colspan: Math.min(MAX_SPAN, span(td, 'colspan')), rowspan: Math.min(MAX_SPAN, span(td, 'rowspan')) })));
  placeSpans(rows, (c, row, col) => out.push({ ...c, row, col }));
  return out;
}

function openTag(html: string, el: Element): string {
  const s = el.startIndex ?? 0;
  const e = html.indexOf('>', s);
  return e < 0 ? `<${el.name}>` : html.slice(s, e + 1);
}

function setRowspan(open: string, n: number): string {
  if (/\srowspan\s*=/i.test(open)) return open.replace(/(\srowspan\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s>]*)/i, `$1"${n}"`);
  return open.replace(/^<(\w+)/, `<$1 rowspan="${n}"`);
}

function textOf(el: Element): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text') s += (c as unknown as { data: string }).data;
    else if (isElement(c)) s += textOf(c);
  }
  return s;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
