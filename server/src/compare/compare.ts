// Year-over-year comparison of two parsed reports of one agency: table by table and cell by cell,
// carry-over (this year's 上年结转 = last year's 结转下年度), 现行有效件数 continuity, sections added or
// removed, and big swings. Tables, rows and columns are matched by their spec ids, so a 2019-format
// report compares with a 2021-format one wherever the two formats share a figure; what does not map
// is listed, never guessed.
import type { FormatId, Report } from '../model';
import type { Bilingual, RowSpec, TableSpec } from '../spec/types';
import { formatSpec } from '../spec';
import { rowLabel } from '../spec/render';
import { carryFacts } from '../rules/carryover-mismatch';
import { sameAgency } from '../parse/agency';
import { reportValues, rowValues, type TableValues } from './values';
import { carryover, type CarryOver } from './carryover';
import { continuity, type Continuity } from './continuity';
import { isSwing, SWING } from './swing';

export interface ReportRef {
  file: string;
  agency?: string;
  year?: number;
  format: FormatId;
}

export interface CellDiff {
  table: string;
  row: string;
  rowLabel: string;
  column: string;
  columnLabel: string;
  last?: number;
  this?: number;
  /** this − last; undefined when either side is unreadable or absent. */
  change?: number;
  /** change / last × 100, rounded to one decimal; null when last is 0 (any change from zero is infinite). */
  percent?: number | null;
  /** 0-based source lines of the cells, for links back into each report. */
  lastLine?: number;
  thisLine?: number;
  /** A value summed from sub-rows because the row is a group in one of the formats. */
  derived?: 'last' | 'this';
}

export interface TableDiff {
  table: string;
  name: Bilingual;
  /** Present in both reports, or in only one of them. */
  presence: 'both' | 'last' | 'this';
  /** Header: the columns both formats share, in this year's order. */
  columns: { id: string; label: string }[];
  rows: { id: string; label: string; depth: number; derived?: 'last' | 'this' }[];
  cells: CellDiff[];
  /** Columns and rows only one of the two formats has: named, not compared. */
  unmapped: { side: 'last' | 'this'; kind: 'column' | 'row'; label: string }[];
}

export interface SectionChange {
  side: 'last' | 'this';
  title: string;
}

export interface Note {
  key: 'agencyDiffers' | 'yearGap' | 'formatsDiffer' | 'noAgency';
  params: Record<string, string | number>;
}

export interface Comparison {
  last: ReportRef;
  this: ReportRef;
  notes: Note[];
  tables: TableDiff[];
  carryover: CarryOver;
  continuity: Continuity;
  /** Sections (standard or not) found in only one of the two reports. */
  sections: SectionChange[];
  swings: CellDiff[];
  swingThreshold: typeof SWING;
  /** Number of compared cells whose value changed. */
  changed: number;
}

function ref(r: Report, file: string): ReportRef {
  return { file, agency: r.title?.agency, year: r.year?.value, format: r.format };
}

export function compareReports(last: Report, current: Report, files: { last: string; this: string } = { last: last.uri, this: current.uri }): Comparison {
  const lastVals = reportValues(last);
  const thisVals = reportValues(current);
  // Agency pairing is the carryover-mismatch rule's (carryFacts): one notion of "the same agency".
  const lastFacts = carryFacts(last);
  const thisFacts = carryFacts(current);
  const notes: Note[] = [];
  if (lastFacts && thisFacts && !sameAgency(lastFacts.key, thisFacts.key)) notes.push({ key: 'agencyDiffers', params: { last: last.title?.agency ?? '', this: current.title?.agency ?? '' } });
  if (!last.title?.agency || !current.title?.agency) notes.push({ key: 'noAgency', params: {} });
  const ly = last.year?.value;
  const ty = current.year?.value;
  if (ly !== undefined && ty !== undefined && ty !== ly + 1) notes.push({ key: 'yearGap', params: { last: ly, this: ty } });
  if (last.format !== current.format) notes.push({ key: 'formatsDiffer', params: { last: last.format, this: current.format } });

  const tables = tableDiffs(last.format, current.format, lastVals, thisVals);
  const swings: CellDiff[] = [];
  let changed = 0;
  for (const t of tables) {
    const spec = formatSpec(current.format).tables.find((s) => s.id === t.table) ?? formatSpec(last.format).tables.find((s) => s.id === t.table);
    for (const c of t.cells) {
      if (c.change) changed++;
      const kind = spec?.columns.find((x) => x.id === c.column)?.kind;
      if (kind !== 'signed' && isSwing(c.last, c.this)) swings.push(c);
    }
  }
  return {
    last: ref(last, files.last),
    this: ref(current, files.this),
    notes,
    tables,
    carryover: carryover(lastVals.get('t3'), thisVals.get('t3')),
    continuity: continuity(lastVals.get('t2.1'), thisVals.get('t2.1')),
    sections: sectionChanges(last, current),
    swings,
    swingThreshold: SWING,
    changed,
  };
}

function depthOf(spec: TableSpec, row: RowSpec): number {
  let d = 0;
  for (let p = row.parent; p; p = spec.rows.find((r) => r.id === p)?.parent) d++;
  return d;
}

function tableDiffs(lastFormat: FormatId, thisFormat: FormatId, lastVals: Map<string, TableValues>, thisVals: Map<string, TableValues>): TableDiff[] {
  const lastSpecs = formatSpec(lastFormat).tables;
  const thisSpecs = formatSpec(thisFormat).tables;
  const ids = [...new Set([...thisSpecs.map((t) => t.id), ...lastSpecs.map((t) => t.id)])];
  const out: TableDiff[] = [];
  for (const id of ids) {
    const lt = lastVals.get(id);
    const tt = thisVals.get(id);
    if (!lt && !tt) continue;
    if (!lt || !tt) {
      const only = (lt ?? tt)!;
      out.push({ table: id, name: only.spec.name, presence: lt ? 'last' : 'this', columns: [], rows: [], cells: [], unmapped: [] });
      continue;
    }
    out.push(diffTable(lt, tt));
  }
  return out;
}

function diffTable(lt: TableValues, tt: TableValues): TableDiff {
  const ls = lt.spec;
  const ts = tt.spec;
  const unmapped: TableDiff['unmapped'] = [];
  const lastCols = new Set(ls.columns.map((c) => c.id));
  const thisCols = new Set(ts.columns.map((c) => c.id));
  const columns = ts.columns.filter((c) => lastCols.has(c.id)).map((c) => ({ id: c.id, label: c.label }));
  for (const c of ts.columns) if (!lastCols.has(c.id)) unmapped.push({ side: 'this', kind: 'column', label: c.label });
  for (const c of ls.columns) if (!thisCols.has(c.id)) unmapped.push({ side: 'last', kind: 'column', label: c.label });

  const rows: TableDiff['rows'] = [];
  const cells: CellDiff[] = [];
  const rowIds = [...new Set([...ts.rows.map((r) => r.id), ...ls.rows.map((r) => r.id)])];
  for (const id of rowIds) {
    const trs = ts.rows.find((r) => r.id === id);
    const lrs = ls.rows.find((r) => r.id === id);
    if (!trs || !lrs) {
      const only = (trs ?? lrs)!;
      unmapped.push({ side: trs ? 'this' : 'last', kind: 'row', label: rowLabel(only) });
      continue;
    }
    // A group carries no values, unless the other format has one value row in its place.
    if (trs.group && lrs.group) continue;
    const derived = trs.group ? 'this' as const : lrs.group ? 'last' as const : undefined;
    const label = rowLabel(trs) || ts.name.zh;
    rows.push({ id, label, depth: depthOf(ts, trs), derived });
    const lv = rowValues(lt, id);
    const tv = rowValues(tt, id);
    for (const col of columns) {
      const a = lv?.values.get(col.id);
      const b = tv?.values.get(col.id);
      const change = a !== undefined && b !== undefined ? b - a : undefined;
      cells.push({
        table: ts.id,
        row: id,
        rowLabel: label,
        column: col.id,
        columnLabel: columnName(ts, col.id),
        last: a,
        this: b,
        change,
        percent: change === undefined ? undefined : a === 0 ? (change === 0 ? 0 : null) : Math.round((change / a!) * 1000) / 10,
        lastLine: lv?.cells.get(col.id)?.line,
        thisLine: tv?.cells.get(col.id)?.line,
        derived,
      });
    }
  }
  return { table: ts.id, name: ts.name, presence: 'both', columns, rows, cells, unmapped };
}

/** Table 四 repeats 结果维持…总计 under each group: its aliases carry the group name (行政复议结果维持). */
export function columnName(spec: TableSpec, id: string): string {
  const c = spec.columns.find((x) => x.id === id);
  if (!c) return id;
  return spec.unlabeledRow ? c.aliases?.[0] ?? c.label : c.label;
}

function sectionChanges(last: Report, current: Report): SectionChange[] {
  const key = (s: Report['sections'][number]) => (s.std ? `std${s.std}` : s.legacyExtra ? `legacy:${s.legacyExtra}` : `title:${s.title}`);
  const title = (s: Report['sections'][number]) => (s.ordinal?.text ? `${s.ordinal.text}、` : '') + s.title;
  const lk = new Set(last.sections.map(key));
  const tk = new Set(current.sections.map(key));
  const out: SectionChange[] = [];
  for (const s of last.sections) if (!tk.has(key(s))) out.push({ side: 'last', title: title(s) });
  for (const s of current.sections) if (!lk.has(key(s))) out.push({ side: 'this', title: title(s) });
  return out;
}
