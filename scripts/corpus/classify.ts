// Which class of issue 11 a false alarm or a miss belongs to. The rules below were written after reading every
// false alarm of the corpus by hand (FINDINGS.md); a finding no rule explains is “unclassified”, so a new kind of
// trouble shows up as such instead of hiding in a known class.
import type { Finding } from '../../server/src/model';
import type { Expected, Kind } from './corpus';

export const CLASSES: Record<string, string> = {
  '1': 'Blank cells',
  '2': 'Single spaces between cells (a label followed by its numbers on one line)',
  '3': 'PDF text leftovers (page numbers, running headers/footers, header cells broken over lines, labels glued to the group cell or to the page number, page breaks inside a table)',
  '4': 'Markdown from converters (tables left as HTML, split tables, merged headers)',
  '5': 'Publication date and deadline',
  '6': 'Units in money cells',
  '7': 'Prose vs tables',
  '8': 'Text in a number cell',
  '9': 'Carry-over across name variants',
  '10': 'NEW: a header cell written on several lines in the page (商业<br>企业, 社会/公益/组织) becomes several column names',
  '11': 'NEW: arithmetic not checked because the table was not read (a miss caused by another class)',
  '12': 'NEW: 2019-format header cells broken into two lines (本年新 / 制作数量) read as separate column names',
  unclassified: 'Unclassified (read it and add a rule or a class)',
};

const PDF = (k: Kind) => k === 'pdf-layout' || k === 'pdf-raw' || k === 'pdf-copy';

export function classifyAlarm(kind: Kind, f: Finding, lineText: string): string {
  const m = f.message;
  if (f.rule === 'publish-date') return '5';
  if (f.rule === 'narrative-mismatch') return '7';
  if (f.rule === 'carryover-mismatch') return '9';
  if (f.rule === 'number-invalid' && /[元万]/.test(m) && /单位/.test(m)) return '6';
  if (f.rule === 'number-invalid') return '8';
  if (kind === 'md') return '4';
  if (/列名称“(制作数量|公开数量|本年新)”/.test(m)) return '12';
  if (!PDF(kind) && f.rule === 'table-label' && /列名称“(企业|机构|公益|组织|服务|社会|法律|商业|科研)”/.test(m)) return '10';
  // a row whose empty cells (&nbsp; in the page) are not counted as cells
  if (!PDF(kind) && f.rule === 'table-unbalanced' && /只有/.test(m)) return '1';
  if (PDF(kind)) {
    // a label followed by its first number on the same line, the rest split off (行政规范性文件 88 / 55 / 698)
    if (/行名称“[^”]*\s\d/.test(m) || /“[^”]*\d+(\.\d+)?”行只有/.test(m)) return '2';
    return '3';
  }
  if (/\t/.test(lineText) === false && /\s\d+\s+\d+/.test(lineText)) return '2';
  return 'unclassified';
}

export function classifyMiss(kind: Kind, e: Expected): string {
  const rules = [e.rule].flat();
  if (rules.includes('narrative-mismatch')) return '7';
  if (e.id.startsWith('blank')) return '1';
  if (kind === 'md') return '4';
  if (rules.includes('total-mismatch') || rules.includes('balance-mismatch')) return PDF(kind) ? '11' : '11';
  if (PDF(kind)) return '3';
  return 'unclassified';
}
