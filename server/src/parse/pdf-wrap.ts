// Row labels a PDF wrapped onto the next lines (issue 11 class 3): `2、申请人逾期未按收费通知要 /
// 求缴纳费用、 / 行政机关不再处理 / 其政府信息公开申请`, `（六）其 / 他处理`. Fragments on consecutive
// lines whose join is a known wording exactly are one label, however many lines it took.
import type { Cell } from '../model';
import { startsWithOrdinal } from './cells';
import { stripNormKey, type Template } from './template';

// A narrow column wraps the longest label onto five or six lines; a group cell printed one
// character a line (三 / 、 / 本 / 年 / 度 / 办 / 理 / 结 / 果) takes nine.
const MAX_PARTS = 12;
const MAX_TEXT = 120;

/**
 * How many cells from `i` on make one known row label when joined (2 or more, each on the line
 * after the one before), or 0. The first cell must not be a known label by itself.
 */
export function wrappedLabelLength(tpl: Template, cells: Cell[], i: number, firstKey: string): number {
  if (tpl.rowByKey.has(firstKey) || i + 1 >= cells.length) return 0;
  let joined = cells[i].text;
  for (let n = 2; n <= MAX_PARTS && i + n <= cells.length; n++) {
    const c = cells[i + n - 1];
    const prev = cells[i + n - 2];
    if (c.kind !== 'text' || c.line !== prev.line + 1 || startsWithOrdinal(c.text)) return 0;
    joined += c.text;
    if (joined.length > MAX_TEXT) return 0;
    if (tpl.rowByKey.has(stripNormKey(joined).key)) return n;
  }
  return 0;
}
