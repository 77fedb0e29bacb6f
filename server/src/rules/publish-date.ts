// Publication date vs the statutory deadline of 条例 第四十九条: which deadline applies is read from
// the kind of agency named in the title (parse/agency.ts), and the message says which and why.
import type { DateMention, Report } from '../model';
import { defineRule, say, type RuleContext } from './rule';
import { range } from '../parse/text';
import { classifyAgency } from '../parse/agency';

const rule = defineRule({
  id: 'publish-date',
  defaultSeverity: 'info',
  fixable: 'no',
  description: { zh: '落款/发布日期缺失、早于报告年度结束，或晚于《条例》第四十九条规定的期限', en: 'Publication date missing, before the year ends, or past the deadline of art. 49' },
  tags: ['date', 'legal'],
  messages: {
    missing: { zh: '未找到发布日期（落款日期或网页的发布时间）：{why}', en: 'No publication date found (neither a signature date nor a page date): {why}' },
    early: { zh: '{source} {date} 早于所报告的 {year} 年结束：应为 {next} 年的日期', en: 'The {source} {date} is before the reported year {year} ends: it should be in {next}' },
    late: { zh: '{source} {date} 已逾期：{why}', en: 'The {source} {date} is late: {why}' },
    signature: { zh: '落款日期', en: 'signature date' },
    page: { zh: '网页标注的“{label}”', en: 'page date “{label}”' },
    government: { zh: '按本级人民政府年度报告（机关名称“{agency}”），应于{next}年3月31日前公布（《条例》第四十九条第二款）', en: 'as the government’s own report (agency “{agency}”) it was due by 31 March {next} (Regulations art. 49(2))' },
    zone: { zh: '按开发区、实验区等由管委会发布的本区域年度报告（机关名称“{agency}”），比照本级人民政府，应于{next}年3月31日前公布（《条例》第四十九条第二款）', en: 'as a zone’s own report published by its 管委会 (agency “{agency}”), like a government’s, it was due by 31 March {next} (Regulations art. 49(2))' },
    department: { zh: '按县级以上人民政府部门的年度报告（机关名称“{agency}”，以“{marker}”结尾），应于{next}年1月31日前公布（《条例》第四十九条第一款）', en: 'as a department’s report (agency “{agency}”, ending in {marker}) it was due by 31 January {next} (Regulations art. 49(1))' },
    either: { zh: '未能从标题判断是部门还是本级人民政府的报告，但两者的期限（{next}年1月31日、3月31日）都已过（《条例》第四十九条）', en: 'the title does not say whether this is a department’s or a government’s report, but both deadlines (31 January and 31 March {next}) have passed (Regulations art. 49)' },
    unknownKind: { zh: '部门报告应于{next}年1月31日前、本级人民政府报告应于3月31日前公布（《条例》第四十九条；未能从标题判断机关类型）', en: 'a department’s report is due by 31 January {next}, a government’s own by 31 March (Regulations art. 49; the title does not say which this is)' },
    township: { zh: '乡镇、街道的报告，《条例》第四十九条未规定期限，但应写明发布日期', en: 'art. 49 sets no deadline for township and street-office reports, but the date should be given' },
    legacy: { zh: '{year} 年度的报告适用修订前的条例，应于{next}年3月31日前公布', en: 'a report on {year} fell under the former Regulations: due by 31 March {next}' },
  },
  check(report, ctx) {
    if (report.notAReport) return [];
    const d = report.publishDate;
    const year = report.year?.value;
    const due = year === undefined ? undefined : deadlineOf(report, year, ctx);
    if (!d) {
      const line = report.title?.line ?? 0;
      const why = due && due.kind !== 'unknown' ? due.why() : say(rule, ctx, 'unknownKind', { next: year !== undefined ? year + 1 : ctx.lang === 'zh' ? '次' : 'of the next year' });
      return [{ range: report.title?.range ?? range(line, 0, line, report.lines[line]?.length ?? 0), message: say(rule, ctx, 'missing', { why }) }];
    }
    if (year === undefined || !due) return [];
    const date = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    const source = sourceOf(d, ctx);
    if (d.year <= year) return [{ range: d.range, message: say(rule, ctx, 'early', { source, date, year, next: year + 1 }), data: { source: d.source } }];
    if (due.by === undefined) return [];
    const [y, m, day] = due.by;
    const late = d.year > y || (d.year === y && (d.month > m || (d.month === m && d.day > day)));
    // Undecided kind: only a date past the later deadline is late whatever the agency is.
    if (!late) return [];
    return [{ range: d.range, message: say(rule, ctx, 'late', { source, date, why: due.why() }), data: { source: d.source, deadline: `${y}-${pad(m)}-${pad(day)}`, kind: due.kind } }];
  },
});

const pad = (n: number) => String(n).padStart(2, '0');

function sourceOf(d: DateMention, ctx: RuleContext): string {
  return d.source === 'page' ? say(rule, ctx, 'page', { label: d.label }) : say(rule, ctx, 'signature');
}

/** The deadline that applies, why (worded only when a finding says it), and the kind of agency it was decided from. */
function deadlineOf(report: Report, year: number, ctx: RuleContext): { by?: [number, number, number]; why: () => string; kind: string } {
  const next = year + 1;
  // Reports on 2018 and earlier were due under the 2007 Regulations (31 March for every body).
  if (year <= 2018) return { by: [next, 3, 31], why: () => say(rule, ctx, 'legacy', { year, next }), kind: 'legacy' };
  const agency = report.title?.agency ?? '';
  const k = classifyAgency(agency);
  switch (k.kind) {
    case 'government': return { by: [next, 3, 31], why: () => say(rule, ctx, 'government', { agency, next }), kind: k.kind };
    case 'zone': return { by: [next, 3, 31], why: () => say(rule, ctx, 'zone', { agency, next }), kind: k.kind };
    case 'department': return { by: [next, 1, 31], why: () => say(rule, ctx, 'department', { agency, marker: k.marker, next }), kind: k.kind };
    case 'township': return { why: () => say(rule, ctx, 'township'), kind: k.kind };
    default: return { by: [next, 3, 31], why: () => say(rule, ctx, 'either', { next }), kind: k.kind };
  }
}

export default rule;
