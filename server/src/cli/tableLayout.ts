// How a statistics table is laid out in the published format: its title, its column headers as
// nested groups (申请人情况 › 法人或其他组织 › 商业企业), its rows with their ordinals (（一）予以公开),
// and the values of a parsed report placed on that grid. Shared by the CSV, JSON and XLSX exports.
import type { Report, Table } from '../model';
import { rowLabel, tableShortName } from '../spec/render';
import type { ColumnSpec, TableSpec } from '../spec/types';
import { numeric, specOf } from '../rules/util';

export interface GridRow {
  /** Template row id (r3_2), when the row matched one. */
  id?: string;
  /** The row label as the format writes it, or as the report wrote it when it matched no template row. */
  label: string;
  group: boolean;
  /** A number, the text as written when it is not one, or null for no cell. */
  values: (number | string | null)[];
  /** 1-based line of each value (0 for no cell). */
  lines: number[];
}

export interface Grid {
  table: Table;
  spec?: TableSpec;
  title: string;
  /** Short name for sheet tabs: 表三, 表二（一）. */
  short: { zh: string; en: string };
  /** Header path of each value column, outermost group first. */
  columns: string[][];
  /** Template column ids (natural, review.total), for machine use (JSON). */
  columnIds: string[];
  rowHeader: string;
  rows: GridRow[];
}

const T3_LEGAL = new Set(['business', 'research', 'nonprofit', 'legal', 'other']);
const T4_GROUP: Record<string, string[]> = { review: ['行政复议'], direct: ['行政诉讼', '未经复议直接起诉'], after: ['行政诉讼', '复议后起诉'] };

/** The header groups above a column, as the format's table head nests them. */
export function columnPath(spec: TableSpec, c: ColumnSpec): string[] {
  if (spec.id === 't3') return c.id === 'natural' || c.id === 'total' ? ['申请人情况', c.label] : T3_LEGAL.has(c.id) ? ['申请人情况', '法人或其他组织', c.label] : [c.label];
  if (spec.id === 't4') return [...(T4_GROUP[c.id.split('.')[0]] ?? []), c.label];
  return [c.label];
}

export function tableGrid(report: Report, t: Table): Grid {
  const spec = specOf(report, t);
  const width = spec?.columns.length ?? Math.max(0, ...t.rows.map((r) => r.values.length));
  const columns = spec ? spec.columns.map((c) => columnPath(spec, c)) : Array.from({ length: width }, (_, i) => [String(i + 1)]);
  const cellsOf = (values: Table['rows'][number]['values']) => {
    const v: (number | string | null)[] = [];
    const lines: number[] = [];
    for (let i = 0; i < width; i++) {
      const c = values[i];
      const n = numeric(c);
      v.push(c === undefined ? null : n !== undefined && Number.isFinite(n) ? n : c.text);
      lines.push(c ? c.line + 1 : 0);
    }
    return { values: v, lines };
  };
  const rows: GridRow[] = [];
  const used = new Set<number>();
  for (const rs of spec?.rows ?? []) {
    const i = t.rows.findIndex((r, k) => !used.has(k) && r.id === rs.id);
    if (i >= 0) used.add(i);
    if (rs.group) { rows.push({ id: rs.id, label: rowLabel(rs), group: true, values: [], lines: [] }); continue; }
    rows.push({ id: rs.id, label: rowLabel(rs), group: false, ...(i >= 0 ? cellsOf(t.rows[i].values) : { values: Array(width).fill(null), lines: Array(width).fill(0) }) });
  }
  // Rows the template does not know keep the label the report gave them.
  t.rows.forEach((r, k) => { if (!used.has(k)) rows.push({ label: r.label, group: false, ...cellsOf(r.values) }); });
  return {
    table: t,
    spec,
    title: spec?.name.zh ?? t.id,
    short: tableShortName(t.id),
    columns,
    columnIds: spec ? spec.columns.map((c) => c.id) : columns.map((p) => p[0]),
    rowHeader: spec?.rowHeader ?? '',
    rows,
  };
}
