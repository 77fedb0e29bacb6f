// The comparison as plain text for the terminal: notes, carry-over, continuity, sections, swings,
// then every changed cell table by table.
import { format, type Lang } from '../i18n';
import type { CellDiff, Comparison, Note } from './compare';

export const W: Record<string, { zh: string; en: string }> = {
  title: { zh: '年度报告比较', en: 'Year-over-year comparison' },
  last: { zh: '上年', en: 'Last year' },
  this: { zh: '本年', en: 'This year' },
  unknown: { zh: '未知', en: 'unknown' },
  agencyDiffers: { zh: '两份报告的机关名称不同：“{last}” / “{this}”（仍逐项比较）', en: 'The agencies differ: “{last}” / “{this}” (compared anyway)' },
  noAgency: { zh: '至少一份报告没有可识别的机关名称，无法确认是同一机关', en: 'At least one report names no agency: cannot confirm it is the same body' },
  yearGap: { zh: '年度不相邻：{last} 年 → {this} 年（结转应来自上一年度）', en: 'The years are not consecutive: {last} → {this} (carry-over comes from the year before)' },
  formatsDiffer: { zh: '格式不同（{last} / {this}）：只比较两种格式共有的行和列，其余列出但不比较', en: 'Different formats ({last} / {this}): only rows and columns both formats share are compared; the rest are listed' },
  carryover: { zh: '上年结转核对（本年“上年结转” = 上年“结转下年度继续办理”）', en: 'Carry-over (this year’s carried over = last year’s carried forward)' },
  carryOk: { zh: '各列一致', en: 'every column matches' },
  carryUnavailable: { zh: '无法核对：至少一份报告缺少可读的“上年结转”或“结转下年度继续办理”行', en: 'not checked: a report lacks a readable carried-over or carried-forward row' },
  carryBad: { zh: '“{column}”列：本年上年结转 {now}，上年结转下年度 {prev}', en: 'column “{column}”: carried over {now}, last year carried forward {prev}' },
  continuity: { zh: '现行有效件数连续性（上年现行有效 + 本年制发 − 本年废止 ≈ 本年现行有效，仅供参考）', en: 'Documents in force (last year’s + issued − repealed ≈ this year’s; information only)' },
  contUnavailable: { zh: '不适用：两份报告都须为 2021 年格式（2019 年格式没有现行有效件数）', en: 'not applicable: both reports must use the 2021 format (the 2019 format has no documents-in-force column)' },
  contRow: { zh: '{label}：{lastValid} + {issued} − {repealed} = {expected}，本年填报 {actual}', en: '{label}: {lastValid} + {issued} − {repealed} = {expected}, reported {actual}' },
  sections: { zh: '章节变化', en: 'Sections' },
  sectionsSame: { zh: '章节相同', en: 'same sections' },
  onlyLast: { zh: '仅上年有：{title}', en: 'only last year: {title}' },
  onlyThis: { zh: '仅本年有：{title}', en: 'only this year: {title}' },
  swings: { zh: '大幅变化（变化至少 {min} 且至少为上年的 {pct}%，或由 0 变为至少 {min}；仅供参考）', en: 'Big swings (a change of at least {min} and at least {pct}% of last year, or from 0 to at least {min}; information only)' },
  none: { zh: '无', en: 'none' },
  changes: { zh: '逐项变化', en: 'Changes cell by cell' },
  unchanged: { zh: '没有变化', en: 'no change' },
  tableOnly: { zh: '仅{side}报告有此表', en: 'only in {side}’s report' },
  unmappedColumn: { zh: '仅{side}格式有的列（不比较）：{label}', en: 'column only in {side}’s format (not compared): {label}' },
  unmappedRow: { zh: '仅{side}格式有的行（不比较）：{label}', en: 'row only in {side}’s format (not compared): {label}' },
  derived: { zh: '（{side}为分项之和）', en: ' ({side}: sum of sub-rows)' },
  changed: { zh: '共 {n} 项数字有变化', en: '{n} figures changed' },
};

export const w = (lang: Lang, key: string, params: Record<string, string | number> = {}) => format(W[key][lang], params);

export const num = (v: number | undefined) => (v === undefined ? '—' : String(v));

export function signed(v: number | undefined): string {
  if (v === undefined) return '—';
  return v > 0 ? `+${v}` : String(v);
}

export function pct(p: number | null | undefined): string {
  if (p === undefined) return '';
  if (p === null) return '(new)';
  return `${p > 0 ? '+' : ''}${p}%`;
}

export function noteText(lang: Lang, n: Note): string {
  return w(lang, n.key, n.params);
}

export function cellLine(lang: Lang, c: CellDiff): string {
  const where = `${c.rowLabel} × ${c.columnLabel}`;
  const derived = c.derived ? w(lang, 'derived', { side: w(lang, c.derived) }) : '';
  const change = c.change === undefined ? '' : ` (${signed(c.change)}${c.percent !== undefined ? `, ${pct(c.percent)}` : ''})`;
  return `${where}: ${num(c.last)} → ${num(c.this)}${change}${derived}`;
}

export function comparisonText(c: Comparison, lang: Lang): string {
  const out: string[] = [];
  const side = (r: Comparison['last'], k: string) => `${w(lang, k)}: ${r.file} — ${r.agency ?? w(lang, 'unknown')} ${r.year ?? '?'} (${r.format})`;
  out.push(w(lang, 'title'), side(c.last, 'last'), side(c.this, 'this'));
  for (const n of c.notes) out.push(`! ${noteText(lang, n)}`);
  out.push('', `## ${w(lang, 'carryover')}`);
  if (c.carryover.status === 'unavailable') out.push(w(lang, 'carryUnavailable'));
  else if (c.carryover.status === 'ok') out.push(w(lang, 'carryOk'));
  else for (const col of c.carryover.columns) if (!col.ok) out.push(`  ${w(lang, 'carryBad', { column: col.column, now: num(col.thisCarried), prev: num(col.lastNext) })}`);
  out.push('', `## ${w(lang, 'continuity')}`);
  if (c.continuity.status === 'unavailable') out.push(w(lang, 'contUnavailable'));
  for (const r of c.continuity.rows) out.push(`  ${r.ok ? '✓' : '≠'} ${w(lang, 'contRow', { label: r.label, lastValid: num(r.lastValid), issued: num(r.issued), repealed: num(r.repealed), expected: num(r.expected), actual: num(r.actual) })}`);
  out.push('', `## ${w(lang, 'sections')}`);
  if (c.sections.length === 0) out.push(w(lang, 'sectionsSame'));
  for (const s of c.sections) out.push(`  ${w(lang, s.side === 'last' ? 'onlyLast' : 'onlyThis', { title: s.title })}`);
  out.push('', `## ${w(lang, 'swings', { min: c.swingThreshold.minChange, pct: c.swingThreshold.ratio * 100 })}`);
  if (c.swings.length === 0) out.push(w(lang, 'none'));
  for (const s of c.swings) out.push(`  ${s.table} ${cellLine(lang, s)}`);
  out.push('', `## ${w(lang, 'changes')} — ${w(lang, 'changed', { n: c.changed })}`);
  for (const t of c.tables) {
    out.push(`### ${t.table} ${t.name[lang]}`);
    if (t.presence !== 'both') { out.push(`  ${w(lang, 'tableOnly', { side: w(lang, t.presence) })}`); continue; }
    for (const u of t.unmapped) out.push(`  ${w(lang, u.kind === 'column' ? 'unmappedColumn' : 'unmappedRow', { side: w(lang, u.side), label: u.label })}`);
    const changed = t.cells.filter((x) => x.change !== 0);
    if (changed.length === 0) out.push(`  ${w(lang, 'unchanged')}`);
    for (const x of changed) out.push(`  ${cellLine(lang, x)}`);
  }
  return out.join('\n') + '\n';
}
