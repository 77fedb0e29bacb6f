// Plain `pdftotext` (no -layout) reads a wide table block by block: the row labels come out in one
// block and the figures in column blocks of their own, elsewhere (after the labels, before them,
// between page numbers). Such text no longer says which figure belongs to which cell. Read row by row
// it gives labels without values next to labels followed by other rows' values; checking those rows
// would report every one of them as broken. This file tells that shape apart from a table whose rows
// merely lack or carry an extra cell, and reassigns the figures where the text leaves one reading only.
import type { Cell, Row, Table, Unread } from '../model';
import { labelsAllRead } from './separated-labels';
import { partialReading } from './separated-partial';
import { settlePartial } from './separated-settled';
import { redistributeRows } from './separated-rows';
import type { Template } from './template';

function filled(r: Row): number {
  let n = 0;
  for (const c of r.values) if (c.kind !== 'blank') n++;
  return n;
}

/**
 * The shape, from the rows as read (layout cell-per-line: each cell on its own line, as plain
 * pdftotext and copied web pages give them). A web page's one-cell-per-line table keeps every
 * row's values after its own label, so its rows fit (or one row lacks or has an extra cell, which
 * is the author's). Separated text has both at once: labels left without their figures, and figures
 * piled after another label or standing before any label.
 */
export function separatedShape(t: Table, counts: number[], pieces: number[] | undefined): Unread | undefined {
  if (t.layout !== 'cell-per-line' || !counts.length) return undefined;
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  let without = 0;
  let extra = 0;
  if (pieces) {
    // Table 四 has one data row. Its figures cut into pieces that do not make the row, or into three
    // or more pieces of different sizes (column blocks between header fragments: 72 64 178 37 | 12 1 1 6
    // | 总计 | 351 …), no longer say which figure is in which column. Sub-tables of equal width (a
    // converter's 行政复议 | 未经复议直接起诉 | 复议后起诉) and a last cell after its header are in order.
    const data = t.rows.filter((r) => r.labelCells.length === 0 && r.values.length > 0);
    const whole = data.some((r) => counts.includes(r.values.length));
    if ((pieces.length >= 2 && !whole) || (pieces.length >= 3 && pieces.some((n) => n !== pieces[0]))) return { labelsWithoutValues: 0, valuesWithoutLabel: pieces.length };
    return undefined;
  }
  for (const r of t.rows) {
    if (r.labelCells.length === 0) { if (filled(r) > 0) extra++; continue; }
    if (!r.id) continue;
    if (r.values.length < min) without++;
    else if (r.values.length > max) extra++;
  }
  return without > 0 && extra > 0 ? { labelsWithoutValues: without, valuesWithoutLabel: extra } : undefined;
}

/**
 * The one reading separated text can leave: a single labelled row without values and, elsewhere in
 * the table, figures under no label that make exactly one row (表二's `本年处理决定数量 | 550 | 行政许可`).
 * Every other row fits. Then those figures are that row's; anything else stays unread.
 */
export function reassignSingle(t: Table, counts: number[]): boolean {
  let bare: Row | undefined;
  const loose: Row[] = [];
  for (const r of t.rows) {
    if (r.labelCells.length === 0) { if (r.values.length) loose.push(r); continue; }
    if (!r.id) continue;
    if (r.values.length === 0 && !bare) { bare = r; continue; }
    if (!counts.includes(r.values.length)) return false;
  }
  if (!bare || !loose.length) return false;
  const values: Cell[] = [];
  for (const r of loose) for (const c of r.values) values.push(c);
  if (!counts.includes(values.length) || values.some((c) => c.kind === 'blank')) return false;
  bare.values = values;
  const gone = new Set(loose);
  t.rows = t.rows.filter((r) => !gone.has(r));
  return true;
}

/**
 * The table's verdict: read as it is, read after reassigning its one loose row, or unread.
 * `pieces`: for table 四 (one unlabelled data row), the sizes of the pieces its figures came in.
 */
export function readSeparated(t: Table, counts: number[], pieces: number[] | undefined, tpl: Template): Unread | undefined {
  const shape = separatedShape(t, counts, pieces);
  if (!shape || reassignSingle(t, counts)) return undefined;
  if (!pieces && redistributeRows(t, tpl, counts)) { t.labelsApart = true; return undefined; }
  if (!pieces && labelsAllRead(t, tpl)) shape.labelsRead = true;
  if (!pieces) shape.partial = partialReading(t, tpl, counts);
  if (shape.partial && settlePartial(t, shape.partial)) { t.labelsApart = true; return undefined; }
  return shape;
}

/** Sizes of the pieces table 四's data row came in (figures with no label, between header cells), before they are joined. */
export function dataPieces(t: Table): number[] {
  const out: number[] = [];
  for (const r of t.rows) if (r.labelCells.length === 0 && r.values.length > 0) out.push(r.values.length);
  return out;
}
