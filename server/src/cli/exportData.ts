// The long form of the export: one record per value of every statistics table (CSV, JSON, the XLSX
// data sheet), with the table title and the row and column labels as the format writes them.
import type { Lang } from '../i18n';
import type { Report } from '../model';
import { tableGrid, type Grid } from './tableLayout';

export interface ExportRecord {
  file: string;
  year: number | null;
  format: string;
  table: string;
  row: string;
  column: string;
  value: number | string | null;
  line: number;
  /** Internal ids (t3, r3_2, natural) for programs; JSON only, never in the spreadsheet formats. */
  ids?: { table: string; row?: string; column: string };
}

type Field = Exclude<keyof ExportRecord, 'ids'>;

export const FIELDS: Field[] = ['file', 'year', 'format', 'table', 'row', 'column', 'value', 'line'];

export const HEADERS: Record<Lang, Record<Field, string>> = {
  zh: { file: '文件', year: '报告年度', format: '格式', table: '表格', row: '行', column: '列', value: '数值', line: '行号' },
  en: { file: 'file', year: 'year', format: 'format', table: 'table', row: 'row', column: 'column', value: 'value', line: 'line' },
};

export interface ExportedReport { file: string; report: Report; grids: Grid[] }

export function gridsOf(reports: { file: string; report: Report }[]): ExportedReport[] {
  // A table whose figures could not be matched to their cells (table-unreadable) exports no figures: they would be guesses.
  return reports.map(({ file, report }) => ({ file, report, grids: report.tables.filter((t) => !t.unread).map((t) => tableGrid(report, t)) }));
}

export function records(reports: ExportedReport[], withIds = false): ExportRecord[] {
  const out: ExportRecord[] = [];
  for (const { file, report, grids } of reports) {
    for (const g of grids) {
      for (const r of g.rows) {
        r.values.forEach((v, i) => {
          if (r.lines[i] === 0) return;
          const rec: ExportRecord = { file, year: report.year?.value ?? null, format: report.format, table: g.title, row: r.label, column: g.columns[i].join(' / '), value: v, line: r.lines[i] };
          if (withIds) rec.ids = { table: g.table.id, row: r.id, column: g.columnIds[i] };
          out.push(rec);
        });
      }
    }
  }
  return out;
}

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula
// (CSV injection): such text gets a leading apostrophe. A plain number such as -3 stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** CSV for Excel and WPS: UTF-8 with a BOM (else they read it as GBK on Chinese Windows), CRLF rows. */
export function toCsv(recs: ExportRecord[], lang: Lang): string {
  const cell = (v: unknown): string => {
    const s = neutralise(v === null || v === undefined ? '' : String(v));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [FIELDS.map((f) => cell(HEADERS[lang][f])).join(','), ...recs.map((r) => FIELDS.map((f) => cell(r[f])).join(','))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
