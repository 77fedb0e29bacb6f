// The overview's columns, once: the text table, the CSV header, the HTML table and the charts all
// read this list, so they cannot disagree on what a column is called or holds.
import type { Lang } from '../i18n';
import type { ReportFigures } from './figures';

export interface SummaryColumn {
  key: string;
  zh: string;
  en: string;
  numeric: boolean;
  get: (f: ReportFigures) => string | number | null;
}

export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { key: 'agency', zh: '机关', en: 'Agency', numeric: false, get: (f) => f.agency },
  { key: 'year', zh: '年度', en: 'Year', numeric: true, get: (f) => f.year },
  { key: 'format', zh: '格式', en: 'Format', numeric: false, get: (f) => f.format },
  { key: 'received', zh: '新收申请', en: 'Received', numeric: true, get: (f) => f.received },
  { key: 'carriedOver', zh: '上年结转', en: 'Carried over', numeric: true, get: (f) => f.carriedOver },
  { key: 'disclosed', zh: '予以公开', en: 'Disclosed', numeric: true, get: (f) => f.outcomes.disclosed },
  { key: 'partial', zh: '部分公开', en: 'Partly', numeric: true, get: (f) => f.outcomes.partial },
  { key: 'withheld', zh: '不予公开', en: 'Withheld', numeric: true, get: (f) => f.outcomes.withheld },
  { key: 'unavailable', zh: '无法提供', en: 'Unavailable', numeric: true, get: (f) => f.outcomes.unavailable },
  { key: 'notProcessed', zh: '不予处理', en: 'Not processed', numeric: true, get: (f) => f.outcomes.notProcessed },
  { key: 'otherOutcome', zh: '其他处理', en: 'Other', numeric: true, get: (f) => f.outcomes.otherOutcome },
  { key: 'disposed', zh: '办理总计', en: 'Disposed', numeric: true, get: (f) => f.disposed },
  { key: 'carriedForward', zh: '结转下年', en: 'Carried fwd', numeric: true, get: (f) => f.carriedForward },
  { key: 'reviews', zh: '行政复议', en: 'Reviews', numeric: true, get: (f) => f.reviews },
  { key: 'lawsuits', zh: '行政诉讼', en: 'Lawsuits', numeric: true, get: (f) => f.lawsuits },
  { key: 'errors', zh: '错误', en: 'Errors', numeric: true, get: (f) => f.findings.error },
  { key: 'warnings', zh: '警告', en: 'Warnings', numeric: true, get: (f) => f.findings.warning },
  { key: 'infos', zh: '提示', en: 'Infos', numeric: true, get: (f) => f.findings.info },
  { key: 'hints', zh: '建议', en: 'Hints', numeric: true, get: (f) => f.findings.hint },
  { key: 'file', zh: '文件', en: 'File', numeric: false, get: (f) => f.file },
];

export const heading = (c: SummaryColumn, lang: Lang) => c[lang];

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000 ? 2 : 1;
  }
  return w;
}

const show = (v: string | number | null) => (v === null || v === undefined ? '—' : String(v));

export function summaryText(figures: ReportFigures[], lang: Lang): string {
  const rows = [SUMMARY_COLUMNS.map((c) => heading(c, lang)), ...figures.map((f) => SUMMARY_COLUMNS.map((c) => show(c.get(f))))];
  const widths = SUMMARY_COLUMNS.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(s));
    return SUMMARY_COLUMNS[i].numeric ? fill + s : s + fill;
  };
  return rows.map((r) => r.map(pad).join('  ').trimEnd()).join('\n') + '\n';
}

export function summaryCsv(figures: ReportFigures[], lang: Lang): string {
  const esc = (v: string | number | null) => { const s = v === null ? '' : String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  // Stable keys as the header (the JSON output's names), whatever the language.
  void lang;
  const head = SUMMARY_COLUMNS.map((c) => c.key).join(',');
  return [head, ...figures.map((f) => SUMMARY_COLUMNS.map((c) => esc(c.get(f))).join(','))].join('\n') + '\n';
}
