// A table whose figures cannot be placed (table-unreadable) may still have every label read: each text
// cell of it is a known row or group label, or a line of header words (plain pdftotext prints a wide
// header's pieces as `社会 法律`, `公益 服务 其他`). Then which rows the table has is known even though their
// figures are not, and a row missing from it is missing from the text (洪泽区 2023/2024: （六）其他处理
// without its three sub-rows). Any text the table cannot account for leaves that unknown.
import type { Table } from '../model';
import type { Template } from './template';
import { labelKey } from './text';

/** Whether every text cell of the unread table is a label it read, each row once, or header words. */
export function labelsAllRead(t: Table, tpl: Template): boolean {
  const ids = new Set<string>();
  for (const r of t.rows) {
    if (!r.labelCells.length) continue;
    if (!r.id) { if (r.labelCells.every((c) => headerWords(c.text, tpl))) continue; return false; }
    if (ids.has(r.id)) return false;
    ids.add(r.id);
  }
  return ids.size > 0 && t.stray.every((c) => headerWords(c.text, tpl));
}

/**
 * A line of two or more words, each a piece of a column header (社会 法律 | 公益 服务 其他). A single word could
 * as well be a row label's piece (其他 is 3.其他 too), so it does not count.
 */
function headerWords(text: string, tpl: Template): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2) return false;
  return words.every((w) => {
    const k = labelKey(w);
    return k.length >= 2 && tpl.columns.some((c) => c.keys.some((h) => h.key.includes(k)));
  });
}
