// The table's numbers as a grid keyed by row and column id, for the arithmetic rules.
import type { Cell, Report, Row, Table } from '../model';
import type { SumRule, TableSpec } from '../spec/types';
import { numeric, specOf } from './util';

export interface Grid {
  spec: TableSpec;
  table: Table;
  /** Rows with exactly one value per column. */
  rows: Map<string, { row: Row; values: (number | undefined)[] }>;
  col: (id: string) => number;
}

// Grids of the report being checked. Not a WeakMap keyed by table: V8's scavenger keeps weak-map
// entries alive, so every checked table was promoted to the old generation (3 MB per scavenge
// in a batch); holding the one current report's grids is cheaper and just as shared.
let gridsOf: Report | undefined;
let grids = new Map<Table, Grid | null>();

/** Drops the grids once a check is done, so that no report outlives its check through this cache. */
export function forgetGrids(): void {
  gridsOf = undefined;
  grids = new Map();
}

/** The grid of a table, built once per parsed table and shared by every arithmetic rule. */
export function grid(report: Report, t: Table): Grid | undefined {
  if (gridsOf !== report) { gridsOf = report; grids = new Map(); }
  const hit = grids.get(t);
  if (hit !== undefined) return hit ?? undefined;
  const g = buildGrid(report, t);
  grids.set(t, g ?? null);
  return g;
}

function buildGrid(report: Report, t: Table): Grid | undefined {
  const spec = specOf(report, t);
  // A table whose figures could not be matched to their cells has no grid: no sum is checked on guesses.
  if (!spec || t.unread) return undefined;
  const rows = new Map<string, { row: Row; values: (number | undefined)[] }>();
  for (const r of t.rows) {
    if (!r.id || r.values.length !== spec.columns.length || rows.has(r.id)) continue;
    // Pushed, not preallocated: every grid row is then a packed array of one elements kind.
    const values: (number | undefined)[] = [];
    for (const c of r.values) values.push(numeric(c));
    rows.set(r.id, { row: r, values });
  }
  const index = columnIndex(spec);
  return { spec, table: t, rows, col: (id) => index.get(id) ?? -1 };
}

// Column positions by id, per table spec (the specs are fixed data).
const columnIndexes = new Map<TableSpec, Map<string, number>>();
export function columnIndex(spec: TableSpec): Map<string, number> {
  let m = columnIndexes.get(spec);
  if (!m) { m = new Map(spec.columns.map((c, i) => [c.id, i])); columnIndexes.set(spec, m); }
  return m;
}

/** Whether every across rule (total = Σ parts within a row) holds for these values. */
export function acrossHolds(spec: TableSpec, values: (number | undefined)[]): boolean {
  const idx = columnIndex(spec);
  for (const rule of spec.across ?? []) {
    const total = values[idx.get(rule.total)!];
    let sum = 0;
    for (const p of rule.parts) {
      const v = values[idx.get(p)!];
      if (v === undefined || total === undefined) return false;
      sum += v;
    }
    if (sum !== total) return false;
  }
  return true;
}

export function sumOf(values: (number | undefined)[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

// The sums below add in place what sumOf adds from an array: the arithmetic rules run for every table of
// every check, and nearly every sum holds, so no array is made for it.

/** sumOf the values at these positions (a row's parts by column index). */
export function sumAt(values: (number | undefined)[], at: number[]): number | undefined {
  let s = 0;
  for (const i of at) {
    const v = values[i];
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** sumOf the rows' values in column i (a column's parts by row). */
export function sumColumn(rows: (number | undefined)[][], i: number): number | undefined {
  let s = 0;
  for (const v of rows) {
    const x = v[i];
    if (x === undefined) return undefined;
    s += x;
  }
  return s;
}

export function cellOf(g: Grid, rowId: string, colId: string): Cell | undefined {
  return g.rows.get(rowId)?.row.values[g.col(colId)];
}

/** An across total left blank in several rows whose parts hold figures: the column the author left out. */
export interface BlankTotals { rule: SumRule; rows: string[] }

/**
 * Across totals the author left blank while the row's parts are filled (上海 2019 表三: 总计 blank in
 * rows （一）–（六）). A blank reads as 0 (R3-4), so each such row fails its sum; when it happens in two rows
 * or more, the column was left out rather than miscounted, and number-invalid says so once for the table
 * instead of total-mismatch once per row.
 */
export function blankTotals(g: Grid): BlankTotals[] {
  const out: BlankTotals[] = [];
  for (const rule of g.spec.across ?? []) {
    const ti = g.col(rule.total);
    const rows: string[] = [];
    for (const [id, { row, values }] of g.rows) {
      if (row.values[ti]?.kind !== 'blank') continue;
      const sum = sumOf(rule.parts.map((p) => values[g.col(p)]));
      if (sum !== undefined && sum > 0) rows.push(id);
    }
    if (rows.length >= 2) out.push({ rule, rows });
  }
  return out;
}

/** The row's value in a column; a total cell left blank while its parts are filled reads as the sum of its parts. */
export function totalOrParts(g: Grid, rowId: string, colId: string): { value: number | undefined; derived: boolean } {
  const r = g.rows.get(rowId);
  const i = g.col(colId);
  if (!r || i < 0) return { value: undefined, derived: false };
  const rule = r.row.values[i].kind === 'blank' ? g.spec.across?.find((a) => a.total === colId) : undefined;
  if (!rule) return { value: r.values[i], derived: false };
  const sum = sumOf(rule.parts.map((p) => r.values[g.col(p)]));
  return { value: sum, derived: sum !== undefined && sum > 0 };
}
