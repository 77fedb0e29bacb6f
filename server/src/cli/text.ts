// The CLI's own words, in both languages.
import { format, type Lang } from '../i18n';
import type { Severity } from '../model';

const M: Record<string, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
  hint: { zh: '建议', en: 'hint' },
  noInputs: { zh: '请给出要检查的文件或目录', en: 'give the files or folders to check' },
  badConfig: { zh: '配置文件有误', en: 'invalid configuration' },
  formatNote: { zh: '按 {format} 格式检查（报告年度 {year}）', en: 'checked against the {format} format (report year {year})' },
  fixedN: { zh: '已修复 {n} 处', en: '{n} fixed' },
  heldN: { zh: '；{n} 处改动统计数字的修复未应用（核对台账后在编辑器中选用，或加 --fix-type numbers）', en: '; fixes that change statistics, not applied: {n} (check them against your records, then pick them in the editor or add --fix-type numbers)' },
  fixApplied: { zh: '已修复', en: 'fixed' },
  fixWould: { zh: '将修复', en: 'would fix' },
  rulePages: { zh: '规则说明：', en: 'Rule pages:' },
  fixHeld: { zh: '未应用：改动统计数字（核对后用 --fix-type numbers 应用）', en: 'not applied: changes a statistic (check it, then use --fix-type numbers)' },
  fixSkippedSource: { zh: '不会把修复写入 Word/网页/PDF 文件；可用 govreport convert 转换为可编辑的文本报告', en: 'fixes are never written into Word/web/PDF files; use govreport convert to get an editable text report' },
};

export function T(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const m = M[key];
  return m ? format(m[lang], params) : key;
}

/** “1 warning”, “2 warnings”. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function summaryLine(lang: Lang, c: Record<Severity, number>, files: number, unreadable: number, fixed: number, fixable: number, didFix: boolean, skipped = 0, dryRun = false): string {
  const total = c.error + c.warning + c.info + c.hint;
  if (lang === 'en') {
    let s = `${count(total, 'problem')} (${count(c.error, 'error')}, ${count(c.warning, 'warning')}, ${count(c.info, 'info')}, ${count(c.hint, 'hint')}) in ${count(files, 'file')}`;
    if (unreadable) s += `, ${unreadable} unreadable`;
    if (skipped) s += `, ${count(skipped, 'non-report file')} skipped`;
    if (didFix) s += dryRun ? `; ${fixed} would be fixed (nothing written)` : `; ${fixed} fixed`;
    else if (fixable) s += `; ${fixable} fixable with --fix`;
    return s;
  }
  let s = `共 ${files} 个文件，${total} 个问题（错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}，建议 ${c.hint}）`;
  if (unreadable) s += `，${unreadable} 个无法读取`;
  if (skipped) s += `，跳过 ${skipped} 个非报告文件`;
  if (didFix) s += dryRun ? `；将修复 ${fixed} 处（未写入文件）` : `；已修复 ${fixed} 处`;
  else if (fixable) s += `；其中 ${fixable} 个可用 --fix 自动修复`;
  return s;
}
