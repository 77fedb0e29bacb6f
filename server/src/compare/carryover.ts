// Carry-over, column by column: this year's 二、上年结转 must equal last year's 四、结转下年度继续办理.
// Reads the same grid of table 三 as the carryover-mismatch rule, so the CLI check, the editor and
// the comparison agree on every figure. The reports are paired by the caller (the user named them).
import type { TableValues } from './values';

export interface CarryColumn {
  column: string;
  /** Last year's 结转下年度 and this year's 上年结转; undefined when unreadable. */
  lastNext?: number;
  thisCarried?: number;
  ok: boolean;
  /** 0-based line of this year's cell. */
  line?: number;
}

export interface CarryOver {
  /** 'unavailable' when either report lacks a readable 上年结转 / 结转下年度 row. */
  status: 'ok' | 'mismatch' | 'unavailable';
  columns: CarryColumn[];
}

export function carryover(last: TableValues | undefined, current: TableValues | undefined): CarryOver {
  const next = last?.rows.get('next');
  const carried = current?.rows.get('carried');
  if (!next || !carried) return { status: 'unavailable', columns: [] };
  const columns = current!.spec.columns.map((col) => {
    const lastNext = next.values.get(col.id);
    const thisCarried = carried.values.get(col.id);
    return { column: col.label, lastNext, thisCarried, ok: lastNext === undefined || thisCarried === undefined || lastNext === thisCarried, line: carried.cells.get(col.id)?.line };
  });
  return { status: columns.every((c) => c.ok) ? 'ok' : 'mismatch', columns };
}
