// `export --format xlsx`: one sheet per statistics table, laid out like the published table (title,
// merged group headers, row labels with their ordinals, numbers as numbers), and one long sheet with
// every value (report, table, row, column, value, line). Bundled on its own (dist/xlsx.js) and loaded
// only for this format: exceljs is large.
import ExcelJS from 'exceljs';
import type { Lang } from '../i18n';
import { FIELDS, HEADERS, records, type ExportedReport } from './exportData';
import type { Grid } from './tableLayout';

const W = {
  data: { zh: '全部数据', en: 'data' },
  file: { zh: '文件', en: 'File' },
  year: { zh: '报告年度', en: 'Report year' },
};

// Excel: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 28);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function tableSheet(ws: ExcelJS.Worksheet, g: Grid, file: string, year: number | undefined, lang: Lang): void {
  const depth = Math.max(1, ...g.columns.map((p) => p.length));
  const last = g.columns.length + 1;
  ws.addRow([`${W.file[lang]}: ${file}`, ...(year !== undefined ? [`${W.year[lang]}: ${year}`] : [])]);
  ws.addRow([g.title]);
  if (last > 1) ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).font = { bold: true, size: 12 };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const top = 3;
  // Header block: each column's path, outermost group on top; a shorter path's leaf fills down.
  for (let level = 0; level < depth; level++) ws.getRow(top + level).values = ['', ...g.columns.map((p) => p[level] ?? '')];
  if (depth > 1) ws.mergeCells(top, 1, top + depth - 1, 1);
  ws.getCell(top, 1).value = g.rowHeader;
  g.columns.forEach((p, i) => { if (p.length < depth) ws.mergeCells(top + p.length - 1, i + 2, top + depth - 1, i + 2); });
  for (let level = 0; level < depth; level++) {
    let start = 0;
    for (let i = 1; i <= g.columns.length; i++) {
      const same = i < g.columns.length && g.columns[i].length > level + 1 && g.columns[start].length > level + 1
        && g.columns[i].slice(0, level + 1).join('\u0000') === g.columns[start].slice(0, level + 1).join('\u0000');
      if (same) continue;
      if (i - start > 1 && g.columns[start].length > level + 1) ws.mergeCells(top + level, start + 2, top + level, i + 1);
      start = i;
    }
  }
  for (let r = top; r < top + depth; r++) {
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  for (const row of g.rows) {
    const added = ws.addRow([row.label, ...row.values.map((v) => (v === null ? '' : v))]);
    if (row.group) added.font = { bold: true };
    added.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > last) return;
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      if (col > 1) cell.alignment = { horizontal: 'right' };
    });
  }
  ws.getColumn(1).width = Math.min(60, Math.max(12, ...g.rows.map((r) => r.label.length * 2 + 2)));
  for (let c = 2; c <= last; c++) ws.getColumn(c).width = 12;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: top + depth - 1 }];
}

export async function workbook(reports: ExportedReport[], lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'govreport';
  const taken = new Set<string>();
  reports.forEach(({ file, report, grids }, k) => {
    for (const g of grids) {
      const prefix = reports.length > 1 ? `${k + 1}-` : '';
      tableSheet(wb.addWorksheet(sheetName(prefix + g.short[lang], taken)), g, file, report.year?.value, lang);
    }
  });
  const data = wb.addWorksheet(sheetName(W.data[lang], taken));
  data.addRow(FIELDS.map((f) => HEADERS[lang][f]));
  data.getRow(1).font = { bold: true };
  for (const r of records(reports)) data.addRow(FIELDS.map((f) => (r[f] === null ? '' : r[f])));
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
