// Rows of a table copied from a PDF viewer, which drops empty cells (parse/pdf-rows.ts): `（一）予以公开
// 258 12 1 1` is 7 columns of which 3 were empty, and nothing says which. Some things are certain all the
// same when the table's one across total is its last column (表三's 总计): the values keep their order, so
// the last one is the total or the total was left empty. The row then adds up under some placement only if
// the last value is the sum of the others (or every value is 0); and the row's quantity is either that last
// value or the sum of all of them (a blank total read as its parts, as for any copy with blank totals).
import type { Row, Table } from '../model';
import type { SumRule, TableSpec } from '../spec/types';
import { dropsEmptyCells } from '../parse/pdf-rows';
import { numeric } from './util';
import { acrossHolds, totalOrParts, type Grid } from './arithmetic';

/** The one across rule whose total is the table's last column, over all the other columns. */
function lastColumnTotal(spec: TableSpec): SumRule | undefined {
  if (spec.across?.length !== 1) return undefined;
  const rule = spec.across[0];
  const last = spec.columns[spec.columns.length - 1];
  return rule.total === last.id && rule.parts.length === spec.columns.length - 1 ? rule : undefined;
}

/** A short row's values, when every one is readable. */
function valuesOf(r: Row): number[] | undefined {
  const out: number[] = [];
  for (const c of r.values) {
    const v = numeric(c);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

export interface DroppedRows {
  /** Rows short of values (the copy dropped their empty cells), by row id, with their values. */
  short: Map<string, { row: Row; values: number[] }>;
  /** Short rows that add up under no placement: the total is left empty or wrong (in table order). */
  neverBalanced: Row[];
}

/** The short rows of a PDF copy whose total is its last column, or undefined for any other table. */
export function droppedRows(t: Table, spec: TableSpec): DroppedRows | undefined {
  if (!lastColumnTotal(spec) || !dropsEmptyCells(t, spec.columns.length)) return undefined;
  const short = new Map<string, { row: Row; values: number[] }>();
  const neverBalanced: Row[] = [];
  for (const r of t.rows) {
    if (!r.id || r.values.length >= spec.columns.length || short.has(r.id)) continue;
    const values = valuesOf(r);
    if (!values) continue;
    short.set(r.id, { row: r, values });
    const sum = values.reduce((a, b) => a + b, 0);
    if (sum !== 0 && 2 * values[values.length - 1] !== sum) neverBalanced.push(r);
  }
  return { short, neverBalanced };
}

/**
 * What a short row's quantity (its total) may be: its last value, or the sum of its values (total left
 * empty). A row without any value is 0.
 */
export function totalReadings(values: number[]): number[] {
  if (values.length === 0) return [0];
  const sum = values.reduce((a, b) => a + b, 0);
  const last = values[values.length - 1];
  return last === sum ? [sum] : [sum, last];
}

/** Beyond this many combinations of readings a sum is not compared (a table of many short rows). */
const MAX_READINGS = 4096;

/**
 * Every value the sum of these rows' totals may have in a PDF copy that dropped empty cells, and the one
 * that reads each blank total as its parts (`sum`); undefined when a row is neither in the grid nor short.
 */
export function droppedSumReadings(g: Grid, rows: string[]): { sum: number; readings: Set<number> } | undefined {
  const d = droppedRows(g.table, g.spec);
  if (!d) return undefined;
  let readings = new Set([0]);
  let sum = 0;
  for (const id of rows) {
    let options: number[];
    if (g.rows.has(id)) {
      const v = totalOrParts(g, id, lastColumnTotal(g.spec)!.total).value;
      if (v === undefined) return undefined;
      options = [v];
    } else {
      const s = d.short.get(id);
      if (!s) return undefined;
      options = totalReadings(s.values);
    }
    sum += options[0];
    const next = new Set<number>();
    for (const a of readings) for (const o of options) next.add(a + o);
    if (next.size > MAX_READINGS) return undefined;
    readings = next;
  }
  return { sum, readings };
}

/** Beyond this many placements a short row is not tried (a row of many columns and values). */
const MAX_PLACEMENTS = 20000;

/**
 * Whether a short row of a PDF copy adds up under some placement of its values (kept in order, the dropped
 * cells empty = 0), for tables of several across totals too (表四: 复议, 直接起诉, 复议后起诉 each with
 * its 总计). `5 2 7 8 1 9` in 15 columns: 5 + 2 = 7 and 8 + 1 = 9 in two of the groups — nothing is wrong.
 * Undefined when the row cannot be tried (unreadable values, no across rule, too many placements).
 */
export function addsUpSomewhere(spec: TableSpec, r: Row): boolean | undefined {
  const values = valuesOf(r);
  const n = spec.columns.length;
  if (!values || !spec.across?.length || values.length > n) return undefined;
  let count = 1;
  for (let i = 0; i < values.length; i++) count = (count * (n - i)) / (i + 1);
  if (count > MAX_PLACEMENTS) return undefined;
  const row: number[] = new Array<number>(n).fill(0);
  // Value k goes to a column after value k-1's, leaving room for the values after it.
  const place = (k: number, from: number): boolean => {
    if (k === values.length) return acrossHolds(spec, row);
    for (let c = from; c <= n - (values.length - k); c++) {
      row[c] = values[k];
      if (place(k + 1, c + 1)) return true;
      row[c] = 0;
    }
    return false;
  };
  return place(0, 0);
}
