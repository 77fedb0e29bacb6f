// A partial reading of a table plain pdftotext scattered (parse/separated-partial.ts) keeps the rows it is
// sure of and a pool of figures whose order the text no longer tells. Two such readings leave nothing to
// doubt: no row is open (every figure's row is certain), or the open rows' pool is one figure repeated —
// 表三 of a body that had no request is 0 in every cell, and every placement of those zeros is the same
// table. Then the table is read, not reported unreadable (fifth blind round: six of eight plain-pdftotext
// texts said “无法判断每个数值属于哪一格” of an all-zero 表三). Only where the rows read are exactly the value
// rows of the table in one format: a row the text did not name would otherwise look missing, and a label
// piece left over (`提供`, `府信息`) is then only a piece of a row that is there.
import type { Cell, PartialReading, Table } from '../model';
import { FORMAT_2019, FORMAT_2021 } from '../spec';

/** Whether the rows read are the table's value rows in the 2019 or the 2021 format, each of them and no other. */
function rowsOfOneFormat(tableId: string, ids: Set<string>): boolean {
  return [FORMAT_2019, FORMAT_2021].some((f) => {
    const spec = f.tables.find((s) => s.id === tableId);
    if (!spec) return false;
    const want = spec.rows.filter((r) => !r.group).map((r) => r.id);
    return want.length === ids.size && want.every((id) => ids.has(id));
  });
}

/** Puts the one reading into the table's rows; returns whether it did (the table is left as it was otherwise). */
export function settlePartial(t: Table, p: PartialReading): boolean {
  if (p.blank || !rowsOfOneFormat(t.id, new Set(p.labels.keys()))) return false;
  const same = p.pool[0];
  if (p.pool.some((v) => v !== same)) return false;
  const used = new Set<Cell>();
  for (const cells of p.known.values()) for (const c of cells) used.add(c);
  const rest: Cell[] = [];
  for (const r of t.rows) for (const c of r.values) if (!used.has(c)) rest.push(c);
  if (rest.length !== p.open.length * p.width) return false;
  if (rest.some((c) => c.kind !== 'number' || c.value !== same)) return false;
  const plan: [string, Cell[]][] = [];
  for (const [id, cells] of p.known) plan.push([id, cells]);
  p.open.forEach((id, k) => plan.push([id, rest.slice(k * p.width, (k + 1) * p.width)]));
  if (!plan.every(([id, cells]) => p.labels.has(id) && cells.length === p.width)) return false;
  for (const [id, cells] of plan) p.labels.get(id)!.values = cells;
  // The label pieces and header words beside the rows (`提供`, `总 / 计`) and the figures' own lines go.
  const keep = new Set(p.labels.values());
  t.rows = t.rows.filter((r) => keep.has(r));
  return true;
}
