// Row labels a PDF wrapped onto the next lines (issue 11 class 3): `2、申请人逾期未按收费通知要 /
// 求缴纳费用、 / 行政机关不再处理 / 其政府信息公开申请`, `（六）其 / 他处理`. Fragments on consecutive
// lines whose join is a known wording exactly are one label, however many lines it took.
import type { Cell } from '../model';
import { startsWithOrdinal } from './cells';
import { stripNormKey, type Template } from './template';
import { rowPrefixes } from './key-prefixes';

// A narrow column wraps the longest label onto five or six lines; a group cell printed one
// character a line (三 / 、 / 本 / 年 / 度 / 办 / 理 / 结 / 果) takes nine.
const MAX_PARTS = 12;
const MAX_TEXT = 120;


/** Whether the text may still be an ordinal being written over lines (三 / 、, （ / 三 / ）). */
function mayBeOrdinal(text: string): boolean {
  return text.length <= 4 && /^[一二三四五六七八九十(\d]/.test(text);
}

/** Whether a label may be wrapped onto the next line at cell `i` (checked before the cell is keyed). */
export function mayWrap(cells: Cell[], i: number): boolean {
  const next = cells[i + 1];
  return next !== undefined && next.kind === 'text' && next.line === cells[i].line + 1;
}

/**
 * How many cells from `i` on make one known row label when joined (2 or more, each on the line
 * after the one before), or 0. The first cell must not be a known label by itself.
 */
export function wrappedLabelLength(tpl: Template, cells: Cell[], i: number, firstKey: string): number {
  if (tpl.rowByKey.has(firstKey) || i + 1 >= cells.length) return 0;
  // A fragment that starts no row wording is no wrapped label: most cells are ruled out by one lookup.
  const prefixes = rowPrefixes(tpl);
  let joined = cells[i].text;
  if (!prefixes.has(firstKey) && !mayBeOrdinal(joined)) return 0;
  for (let n = 2; n <= MAX_PARTS && i + n <= cells.length; n++) {
    const c = cells[i + n - 1];
    const prev = cells[i + n - 2];
    if (c.kind !== 'text' || c.line !== prev.line + 1 || startsWithOrdinal(c.text)) return 0;
    joined += c.text;
    if (joined.length > MAX_TEXT) return 0;
    const { key, ordinal } = stripNormKey(joined);
    // `（六）` / `其他` is not sub-row 3.其他: a join whose ordinal disagrees with the row's reads on (/ 处理).
    if (tpl.rowByKey.get(key)?.some((r) => !ordinal || !r.ordinal || r.ordinal.value === ordinal.value)) return n;
    if (!prefixes.has(key) && !mayBeOrdinal(joined)) return 0;
  }
  return 0;
}
