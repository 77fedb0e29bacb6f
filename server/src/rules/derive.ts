// What a missing row must hold for the table's sums to stay true (down sums and the balance).
import { sumOf, type Grid } from './arithmetic';

/** Values per column for row `id` implied by the other rows, or undefined when they do not decide it. */
export function deriveRow(g: Grid, id: string): number[] | undefined {
  const cols = g.spec.columns.length;
  const col = (rowIds: string[], i: number) => sumOf(rowIds.map((r) => g.rows.get(r)?.values[i]));
  const has = (ids: string[]) => ids.every((r) => g.rows.has(r));
  for (const d of g.spec.down ?? []) {
    if (d.total === id && has(d.parts)) return range(cols).map((i) => col(d.parts, i)!);
    if (d.parts.includes(id) && has([d.total, ...d.parts.filter((p) => p !== id)])) {
      return range(cols).map((i) => g.rows.get(d.total)!.values[i]! - col(d.parts.filter((p) => p !== id), i)!);
    }
  }
  for (const b of g.spec.balance ?? []) {
    const left = b.left.includes(id);
    const right = b.right.includes(id);
    if (!left && !right) continue;
    const others = [...b.left, ...b.right].filter((r) => r !== id);
    if (!has(others)) continue;
    const same = (left ? b.left : b.right).filter((r) => r !== id);
    const opposite = left ? b.right : b.left;
    return range(cols).map((i) => col(opposite, i)! - col(same, i)!);
  }
  return undefined;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
