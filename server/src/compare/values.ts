// The statistics of one report as values keyed by table, row and column id: what the comparison,
// the summary and the carry-over hover read. Built from the arithmetic rules' grid (the same reading
// of the cells as the checker), so a figure means the same thing everywhere.
import type { Cell, Report, Table } from '../model';
import type { TableSpec } from '../spec/types';
import { forgetGrids, grid } from '../rules/arithmetic';

export interface ValueRow {
  /** Values per column id; undefined when the cell cannot be read as a number. */
  values: Map<string, number | undefined>;
  cells: Map<string, Cell>;
  /** True when the row was derived by summing its sub-rows (a group in one format, one row in the other). */
  derived?: boolean;
}

export interface TableValues {
  spec: TableSpec;
  table: Table;
  rows: Map<string, ValueRow>;
}

/** Values of every recognised table (the first one of each id: an annex repeating a table is not the report's). */
export function reportValues(report: Report): Map<string, TableValues> {
  const out = new Map<string, TableValues>();
  for (const t of report.tables) {
    if (out.has(t.id)) continue;
    const g = grid(report, t);
    if (!g) continue;
    const rows = new Map<string, ValueRow>();
    for (const [id, r] of g.rows) {
      const values = new Map<string, number | undefined>();
      const cells = new Map<string, Cell>();
      g.spec.columns.forEach((c, i) => { values.set(c.id, r.values[i]); cells.set(c.id, r.row.values[i]); });
      rows.set(id, { values, cells });
    }
    out.set(t.id, { spec: g.spec, table: t, rows });
  }
  // The grids are cached for the report being checked; this reading must not keep a report alive.
  forgetGrids();
  return out;
}

/** The sum of a group's value rows (（六）其他处理 of 2021 = 1. + 2. + 3.), per column; undefined parts make it undefined. */
export function groupSum(tv: TableValues, groupId: string): ValueRow | undefined {
  const children = tv.spec.rows.filter((r) => r.parent === groupId && !r.group).map((r) => tv.rows.get(r.id));
  if (children.length === 0 || children.some((c) => !c)) return undefined;
  const values = new Map<string, number | undefined>();
  for (const col of tv.spec.columns) {
    let s: number | undefined = 0;
    for (const c of children) {
      const v = c!.values.get(col.id);
      s = s === undefined || v === undefined ? undefined : s + v;
    }
    values.set(col.id, s);
  }
  return { values, cells: new Map(), derived: true };
}

/** A value row by id, summing a group's sub-rows when the row is a group here. */
export function rowValues(tv: TableValues, rowId: string): ValueRow | undefined {
  const direct = tv.rows.get(rowId);
  if (direct) return direct;
  const spec = tv.spec.rows.find((r) => r.id === rowId);
  return spec?.group ? groupSum(tv, rowId) : undefined;
}
