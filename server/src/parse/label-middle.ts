// The middle line of a row label the PDF wrapped over three lines, below the line that holds the row's
// figures, when a page break cuts the label before its last line (pingtan-transport-2023.pdf-layout:
// `1.申请人无正当理由逾期不补正、 1 0 0 0 0 0` / `行政机关不再处理其政府信息公开` / page footer and
// header / `申请` / `1`). Joined with the row's label it is no wording yet, only the start of the row's
// own one: it is taken as the label's next part, so the rest after the break completes it, instead of
// starting a row of its own.
import type { Template } from './template';

const MIN_PART = 2;

const rowKeysCache = new Map<string, Map<string, string[]>>();

/** Each row id's wordings (label keys, ordinal removed). */
function rowKeys(tpl: Template): Map<string, string[]> {
  let m = rowKeysCache.get(tpl.id);
  if (m) return m;
  m = new Map();
  for (const r of tpl.rows) m.set(r.id, [...(m.get(r.id) ?? []), ...r.keys.map((k) => k.key)]);
  rowKeysCache.set(tpl.id, m);
  return m;
}

/**
 * Whether `partKey` after the (incomplete) label `labelKey` of row `rowId` leaves a strict start of
 * that row's wording: the label, already cut, goes on.
 */
export function continuesCutLabel(tpl: Template, rowId: string, labelKey: string, partKey: string): boolean {
  if (partKey.length < MIN_PART || !labelKey) return false;
  const joined = labelKey + partKey;
  return (rowKeys(tpl).get(rowId) ?? []).some((k) => k.length > joined.length && k.startsWith(joined) && k.startsWith(labelKey));
}
