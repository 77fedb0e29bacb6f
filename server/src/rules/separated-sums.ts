// The sums of a table read from text without columns (plain pdftotext; parse/separated-partial.ts): some
// rows are certain, the others are filled by a pool of figures in an order the text does not tell. A
// sum is reported only when it fails in every placement of the pool. Each side of a sum is bounded:
// its certain cells exactly, its k open cells between the k smallest and the k largest figures of the
// pool, a row the text does not have at all between 0 and no limit (counts are never negative). The
// bounds hold in every placement, so a sum whose two sides' bounds do not meet is wrong in all of them.
// No fix is offered: which cell is wrong is exactly what the text no longer says.
import type { PartialReading, Report, Row, Table } from '../model';
import type { TableSpec } from '../spec/types';
import { columnIndex, type Grid } from './arithmetic';
import { numeric, specOf } from './util';

export interface Bound { lo: number; hi: number }

export interface ApartFault {
  kind: 'across' | 'down' | 'balance';
  spec: TableSpec;
  /** The row the finding stands on: the row of an across sum, the total row, the balance's last row. */
  row: Row;
  /** The column's index, or undefined when the sum is taken over every column at once. */
  column?: number;
  /** The total side (across, down) or the left side (balance); `other` is the parts or the right side. */
  side: Bound;
  other: Bound;
}

/** One side of a sum: the cells (row id, column index) it adds. */
type Cells = [string, number][];

function bound(p: PartialReading, open: Set<string>, asc: number[], desc: number[], cells: Cells): Bound {
  let exact = 0;
  let k = 0;
  let unlimited = false;
  for (const [id, c] of cells) {
    const row = p.known.get(id);
    if (row) exact += numeric(row[c]) ?? 0;
    else if (open.has(id)) k++;
    else unlimited = true;
  }
  return { lo: exact + asc[k], hi: unlimited ? Infinity : exact + desc[k] };
}

const apart = (a: Bound, b: Bound): boolean => a.lo > b.hi || a.hi < b.lo;

// Faults of the report being checked, found once for total-mismatch and balance-mismatch (which report
// the across/down and the balance ones of the same list) and dropped with the check's grids (check.ts).
let faultsOf: Report | undefined;
let faults = new Map<Table, ApartFault[]>();

export function forgetApartFaults(): void {
  faultsOf = undefined;
  faults = new Map();
}

/** Every sum of the table that fails however its open rows are filled (found once per check and table). */
export function apartFaults(report: Report, t: Table): ApartFault[] {
  if (faultsOf !== report) { faultsOf = report; faults = new Map(); }
  let found = faults.get(t);
  if (!found) { found = findApartFaults(report, t); faults.set(t, found); }
  return found;
}

function findApartFaults(report: Report, t: Table): ApartFault[] {
  const p = t.unread?.partial;
  const spec = p && specOf(report, t);
  if (!p || !spec || spec.columns.length !== p.width) return [];
  // Prefix sums of the pool from either end: the least and the most k open cells can hold.
  const asc = [0], desc = [0];
  for (let i = 0; i < p.pool.length; i++) {
    asc.push(asc[i] + p.pool[i]);
    desc.push(desc[i] + p.pool[p.pool.length - 1 - i]);
  }
  const open = new Set(p.open);
  const b = (cells: Cells) => bound(p, open, asc, desc, cells);
  const cols = spec.columns.map((_, i) => i);
  const idx = new Map(spec.columns.map((c, i) => [c.id, i]));
  const out: ApartFault[] = [];
  for (const rule of spec.across ?? []) {
    for (const [id, row] of p.labels) {
      const side = b([[id, idx.get(rule.total)!]]);
      const other = b(rule.parts.map((c) => [id, idx.get(c)!] as [string, number]));
      if (apart(side, other)) out.push({ kind: 'across', spec, row, side, other });
    }
  }
  // Per column first; the sum over every column only when no single column is certain (a pool can
  // hide which column is wrong while the whole rows still cannot balance).
  const perColumn = (kind: 'down' | 'balance', row: Row, left: string[], right: string[]) => {
    const at = (ids: string[], c: number): Cells => ids.map((id) => [id, c]);
    const found: ApartFault[] = [];
    for (const c of cols) {
      const side = b(at(left, c)), other = b(at(right, c));
      if (apart(side, other)) found.push({ kind, spec, row, column: c, side, other });
    }
    if (!found.length) {
      const side = b(cols.flatMap((c) => at(left, c))), other = b(cols.flatMap((c) => at(right, c)));
      if (apart(side, other)) found.push({ kind, spec, row, side, other });
    }
    out.push(...found);
  };
  for (const rule of spec.down ?? []) {
    const row = p.labels.get(rule.total);
    if (row) perColumn('down', row, [rule.total], rule.parts);
  }
  for (const rule of spec.balance ?? []) {
    const row = p.labels.get(rule.right[rule.right.length - 1]);
    if (row && [...rule.left, ...rule.right].every((id) => p.labels.has(id))) perColumn('balance', row, rule.left, rule.right);
  }
  return out;
}

/** A bound as text: one figure when it is certain, else its range. */
export function showBound(x: Bound): string {
  if (x.lo === x.hi) return String(x.lo);
  return x.hi === Infinity ? `≥${x.lo}` : `${x.lo}–${x.hi}`;
}

/**
 * The certain rows of a table read without columns as a grid, for a prose figure that names them alone
 * (narrative-mismatch): a quantity that needs an open row finds no row there, and is not compared.
 */
export function apartGrid(report: Report, t: Table): Grid | undefined {
  const p = t.unread?.partial;
  const spec = p && specOf(report, t);
  if (!p || !spec || spec.columns.length !== p.width) return undefined;
  const rows: Grid['rows'] = new Map();
  for (const [id, cells] of p.known) {
    const label = p.labels.get(id);
    if (label) rows.set(id, { row: { ...label, values: cells }, values: cells.map((c) => numeric(c)) });
  }
  const index = columnIndex(spec);
  const table: Table = { ...t, rows: [...rows.values()].map((r) => r.row) };
  return { spec, table, rows, col: (id) => index.get(id) ?? -1 };
}

/** The figures one cell of an open row can hold (distinct, ascending): any of its table's pool. */
export function apartChoices(report: Report, tableId: string, rowId: string): number[] | undefined {
  const p = report.tables.find((t) => t.id === tableId)?.unread?.partial;
  if (!p || !p.open.includes(rowId)) return undefined;
  return [...new Set(p.pool)];
}
