// A table cell published as several paragraphs, some of them empty: `<p>&nbsp;</p><p>14</p><p>&nbsp;</p>` (Word
// pasted into a CMS pads a figure to the middle of a tall cell). Copied page text, saved-page text and word-processor
// text give each paragraph a line of its own, and the empty paragraph before the figure reads as an empty cell of its
// own: the row then has one value more than the table has columns, though the author wrote every cell.
import type { Row } from '../model';

/**
 * Drops those empty paragraphs from `r`: a blank cell right before a figure on a later line (the same cell's next
 * paragraph), and blanks after the row's last figure on later lines still (its padding below). Only when the row is
 * then exactly as wide as the table and was one figure-cell too wide before, so an empty cell of the table stays.
 */
export function joinCellParagraphs(r: Row, counts: number[]): void {
  const v = r.values;
  let end = v.length;
  while (end > 0 && v[end - 1].kind === 'blank') end--;
  if (end < 2 || counts.includes(end) || !counts.includes(end - 1)) return;
  const lastFigure = v[end - 1];
  if (v.slice(end).some((c) => c.line <= lastFigure.line)) return;
  for (let i = end - 2; i >= 0; i--) {
    const next = v[i + 1];
    if (v[i].kind === 'blank' && next.kind !== 'blank' && next.line > v[i].line) {
      r.values = [...v.slice(0, i), ...v.slice(i + 1, end)];
      return;
    }
  }
}
