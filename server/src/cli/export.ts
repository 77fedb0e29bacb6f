// `govreport export`: the parsed statistics tables as data (one line per value).
import type { Report } from '../model';
import { numeric, specOf } from '../rules/util';

export function exportTables(reports: { file: string; report: Report }[], format: 'csv' | 'json'): string {
  const rows: Record<string, string | number | null>[] = [];
  for (const { file, report } of reports) {
    for (const t of report.tables) {
      const spec = specOf(report, t);
      for (const r of t.rows) {
        r.values.forEach((c, i) => {
          rows.push({ file, year: report.year?.value ?? null, format: report.format, table: t.id, row: r.id ?? '', label: r.label, column: spec?.columns[i]?.id ?? String(i + 1), columnLabel: spec?.columns[i]?.label ?? '', value: numeric(c) ?? null, text: c.text, line: c.line + 1 });
        });
      }
    }
  }
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const cols = ['file', 'year', 'format', 'table', 'row', 'label', 'column', 'columnLabel', 'value', 'text', 'line'];
  const esc = (v: unknown) => { const s = v === null || v === undefined ? '' : String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n') + '\n';
}
