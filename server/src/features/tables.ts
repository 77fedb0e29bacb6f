// The statistics tables of one analysis as the table preview draws them (request govreport/tables):
// the official header with merged cells, every row in the format's order (missing rows shown as
// such), every cell with its text, range, recomputed total and the findings on it. Built from the
// cached Analysis: the client never parses.
import type { Finding, Range, Row, Severity, Table } from '../model';
import type { TableSpec } from '../spec/types';
import { rowLabel } from '../spec/render';
import { specOf } from '../rules/util';
import { headerRows, type HeadCell } from '../summary/grid';
import type { Analysis } from './analysis';
import { overlaps } from './analysis';
import { totalCells } from './totals';

export interface PreviewFinding {
  rule: string;
  severity: Severity;
  message: string;
}

export interface PreviewCell {
  text: string;
  kind: 'text' | 'number' | 'blank' | 'missing' | 'extra';
  range?: Range;
  /** For total cells: the sum of the parts (undefined when a part is unreadable). */
  expected?: number;
  total?: boolean;
  findings: PreviewFinding[];
}

export interface PreviewRow {
  id?: string;
  label: string;
  /** Nesting under groups: 三、 0, （三） 1, 1. 2. */
  depth: number;
  group: boolean;
  /** A row of the format that the text lacks. */
  missing: boolean;
  /** A row the parser could not match to the format. */
  unknown: boolean;
  labelRange?: Range;
  labelFindings: PreviewFinding[];
  cells: PreviewCell[];
}

export interface PreviewTable {
  id: string;
  name: string;
  caption?: string;
  header: HeadCell[][];
  labelColumn: boolean;
  columns: number;
  range: Range;
  rows: PreviewRow[];
  /** Findings inside the table that sit on no row (extra header cells, stray text…). */
  findings: PreviewFinding[];
}

export interface TablesModel {
  uri: string;
  version: number;
  format: string;
  year: number | null;
  title: string;
  tables: PreviewTable[];
}

const pf = (f: Finding): PreviewFinding => ({ rule: f.rule, severity: f.severity, message: f.message });

function depthOf(spec: TableSpec, id: string | undefined): number {
  let d = 0;
  for (let p = spec.rows.find((r) => r.id === id)?.parent; p; p = spec.rows.find((r) => r.id === p)?.parent) d++;
  return d;
}

export function tablesModel(a: Analysis): TablesModel {
  const report = a.report;
  const expected = new Map<object, number | undefined>();
  for (const t of totalCells(report)) expected.set(t.cell, t.expected);
  const tables: PreviewTable[] = [];
  for (const t of report.tables) {
    const spec = specOf(report, t);
    if (!spec) continue;
    const inTable = a.findings.filter((f) => f.range.start.line <= t.range.end.line && f.range.end.line >= t.range.start.line);
    tables.push(previewTable(t, spec, inTable, expected, a.lang));
  }
  return {
    uri: a.uri,
    version: a.version,
    format: report.format,
    year: report.year?.value ?? null,
    title: report.title?.text ?? '',
    tables,
  };
}

function previewTable(t: Table, spec: TableSpec, findings: Finding[], expected: Map<object, number | undefined>, lang: 'zh' | 'en'): PreviewTable {
  const placed = new Set<Finding>();
  const cols = spec.columns.length;
  const take = (r: Range | undefined) => {
    if (!r) return [];
    const hit = findings.filter((f) => overlaps(f.range, r));
    for (const f of hit) placed.add(f);
    return hit.map(pf);
  };
  const rowOf = (row: Row, rs: TableSpec['rows'][number] | undefined): PreviewRow => {
    const cells: PreviewCell[] = row.values.map((c, i) => ({
      text: c.text,
      kind: i >= cols ? 'extra' : c.kind,
      range: c.range,
      total: expected.has(c),
      expected: expected.get(c),
      findings: take(c.range),
    }));
    if (!rs?.group && !(rs === undefined && row.values.length === 0)) for (let i = cells.length; i < cols; i++) cells.push({ text: '', kind: 'missing', findings: [] });
    const labelFindings = [...take(row.labelRange), ...row.labelCells.flatMap((c) => take(c.range))];
    const rowLevel = findings.filter((f) => !placed.has(f) && overlaps(f.range, row.range));
    for (const f of rowLevel) placed.add(f);
    return {
      id: row.id,
      label: (row.ordinal?.text ?? '') + row.label,
      depth: depthOf(spec, row.id),
      group: !!rs?.group,
      missing: false,
      unknown: !row.id,
      labelRange: row.labelRange ?? row.labelCells[0]?.range,
      labelFindings: [...new Map([...labelFindings, ...rowLevel.map(pf)].map((f) => [`${f.rule}\u0000${f.message}`, f])).values()],
      cells,
    };
  };
  const rows: PreviewRow[] = [];
  const used = new Set<Row>();
  for (const rs of spec.rows) {
    const row = t.rows.find((r) => r.id === rs.id && !used.has(r));
    if (row) { used.add(row); rows.push(rowOf(row, rs)); continue; }
    // A group heading need not be written out; a value row must.
    rows.push({
      id: rs.id, label: rowLabel(rs) || spec.name[lang], depth: depthOf(spec, rs.id), group: !!rs.group, missing: !rs.group, unknown: false,
      labelFindings: [], cells: rs.group ? [] : Array.from({ length: cols }, () => ({ text: '', kind: 'missing' as const, findings: [] })),
    });
  }
  for (const r of t.rows) if (!used.has(r)) rows.push(rowOf(r, undefined));
  return {
    id: t.id,
    name: spec.name[lang],
    caption: t.caption?.text,
    header: headerRows(spec),
    labelColumn: !spec.unlabeledRow,
    columns: cols,
    range: t.range,
    rows,
    findings: findings.filter((f) => !placed.has(f)).map(pf),
  };
}
