// Plain pdftotext keeps no empty cell: a table with blank cells loses them from the text, and when its
// labels and figures come apart as well (parse/separated.ts) the figures left fit no row count — one
// cell short after （七）总计 (金井 2023), or most of the table blank (上海 2019 表三). Which cell is blank
// is then lost, but how many is not: every row of the table read, each once and with its ordinal, and
// every figure in the table's text a count, the cells the text holds no figure for are blank (read as 0,
// R3-4) — whatever their positions. The reading keeps no row certain (blanks break "a label followed by
// its row's figures"): every row is open, and the pool is every figure plus a 0 per blank cell. What
// fails in every placement of that pool is still certain (rules/separated-sums.ts).
//
// The count holds only when every figure of the table is in its text and nothing else is: no text cell
// may hold a digit that is not an ordinal (a figure glued to a label), and every page break inside the
// table must carry its page number or print footer (a bare page number reads as one more figure).
import type { Cell, PartialReading, Row, Table } from '../model';
import { FORMAT_2019, FORMAT_2021 } from '../spec';
import type { Template } from './template';
import { isPrintFurniture } from './pdf-furniture';

/** A count as the sums take it: a whole number, never negative (anything else leaves the table unread). */
export const count = (c: Cell): boolean => c.kind === 'number' && c.value !== null && Number.isSafeInteger(c.value) && c.value >= 0;

// Ordinals (1. 2、 and the like) are the only digits a label, a group or a header piece may hold.
const ORDINAL_DIGITS = /[0-9０-９]{1,2}[.．、]/g;
const DIGIT = /[0-9０-９]/;

/** Whether a text cell may hide a figure: a digit that is not part of an ordinal. */
function holdsDigit(c: Cell): boolean {
  return DIGIT.test(c.text) && DIGIT.test(c.text.replace(ORDINAL_DIGITS, ''));
}

/** The value rows of the table in each format that has it with this many columns. */
function formatRows(id: string, width: number): Set<string>[] {
  const out: Set<string>[] = [];
  for (const f of [FORMAT_2021, FORMAT_2019]) {
    const spec = f.tables.find((s) => s.id === id);
    if (spec && spec.columns.length === width) out.push(new Set(spec.rows.filter((r) => !r.group).map((r) => r.id)));
  }
  return out;
}

/**
 * The reading of an unread table whose text holds fewer figures than its cells, by any number: every
 * row open, the pool every figure plus a 0 for each blank cell. Undefined when the rows read are not
 * exactly one format's rows, a figure is not a count, or a text cell holds a digit.
 */
export function shortReading(t: Table, tpl: Template, width: number): PartialReading | undefined {
  const byIndex = new Map<string, number>();
  const ordinalNeeded = new Set<string>();
  for (const r of tpl.rows) {
    byIndex.set(r.id, r.index);
    if (r.ordinal) ordinalNeeded.add(r.id);
  }
  const labels = new Map<string, Row>();
  const pool: number[] = [];
  for (const r of t.rows) {
    for (const c of r.values) if (count(c)) pool.push(c.value!); else return undefined;
    if (!r.labelCells.length) continue;
    if (r.labelCells.some(holdsDigit)) return undefined;
    if (!r.id) continue;
    if (!byIndex.has(r.id)) return undefined;
    // A label read twice: a header piece (总 计 over the 总计 column) or a label broken in two. The one
    // with its ordinal is the row's label; the figures after either are in the pool all the same.
    const seen = labels.get(r.id);
    if (!seen || (r.ordinal && !seen.ordinal)) labels.set(r.id, r);
  }
  for (const [id, r] of labels) if (ordinalNeeded.has(id) && !r.ordinal) return undefined;
  for (const c of t.stray) if (holdsDigit(c)) return undefined;
  for (const g of t.groups) if (g.cells.some(holdsDigit)) return undefined;
  for (const h of t.headers) if (holdsDigit(h.cell) || h.parts?.some(holdsDigit)) return undefined;
  const ids = [...labels.keys()];
  if (!formatRows(t.id, width).some((rows) => rows.size === ids.length && ids.every((id) => rows.has(id)))) return undefined;
  const blank = ids.length * width - pool.length;
  if (blank <= 0) return undefined;
  for (let i = 0; i < blank; i++) pool.push(0);
  pool.sort((a, b) => a - b);
  ids.sort((a, b) => byIndex.get(a)! - byIndex.get(b)!);
  return { width, known: new Map(), open: ids, pool, blank, labels, scattered: true };
}

/**
 * Whether no page break in lines [from, to] may have left a bare page number among the figures: each
 * carries a page number or print header/footer within three lines of it, or no bare number (`3`) is the
 * line next to it on either side — a page number alone on its line reads as one more figure.
 */
export function pagesMarked(lines: string[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i <= to && i < lines.length; i++) {
    if (!lines[i].includes('\f')) continue;
    const near = [...around(lines, i - 1, -1), ...around(lines, i, 1)];
    if (near.some((x) => isPrintFurniture(x.text))) continue;
    if (near.some((x) => x.k === 0 && BARE_NUMBER.test(x.text))) return false;
  }
  return true;
}

const BARE_NUMBER = /^[0-9０-９]{1,4}$/;

/** The first three non-empty lines from line i on in direction step, trimmed, form feeds removed, with their rank. */
function around(lines: string[], i: number, step: 1 | -1): { text: string; k: number }[] {
  const out: { text: string; k: number }[] = [];
  for (let j = i; j >= 0 && j < lines.length && out.length < 3; j += step) {
    const text = lines[j].replace(/\f/g, '').trim();
    if (text) out.push({ text, k: out.length });
  }
  return out;
}
