// A header cell printed over two lines whose pieces the text puts apart (plain pdftotext of
// pingtan-jinjing-2021: `本年` before 信息内容, `废止件数` after the rows; issue 11 class 3). The start
// piece reads as a cut header (a prefix, layout); the rest is the column's name without its start.
// When the missing start is itself a header cell of the same table, printed before, the rest is
// layout too, not a misworded header.
import type { HeaderCell, Table } from '../model';
import { labelKey } from './text';

/** Whether `h`, read as `stdKey` without its start, has that start as an earlier header cell of `t`. */
export function isRestOfCutHeader(t: Table, h: HeaderCell, stdKey: string): boolean {
  const key = labelKey(h.cell.text);
  if (key.length < 2 || key.length >= stdKey.length || !stdKey.endsWith(key)) return false;
  const start = stdKey.slice(0, stdKey.length - key.length);
  return t.headers.some((o) => o !== h && !o.parts && (o.cell.line < h.cell.line || (o.cell.line === h.cell.line && o.cell.from < h.cell.from)) && labelKey(o.cell.text) === start);
}
