// Publication date vs the statutory deadline of 条例 第四十九条.
import { defineRule, say } from './rule';
import { range } from '../parse/text';

const rule = defineRule({
  id: 'publish-date',
  defaultSeverity: 'info',
  fixable: 'no',
  description: { zh: '落款/发布日期缺失、早于报告年度结束，或晚于《条例》第四十九条规定的期限', en: 'Publication date missing, before the year ends, or past the deadline of art. 49' },
  tags: ['date', 'legal'],
  messages: {
    missing: { zh: '未找到发布日期（落款日期）：部门报告应于次年1月31日前公布（《条例》第四十九条）', en: 'No publication (signature) date found: department reports are due by 31 January of the next year (Regulations art. 49)' },
    early: { zh: '落款日期 {date} 早于所报告的 {year} 年结束：应为 {next} 年1月的日期', en: 'The date {date} is before the reported year {year} ends: it should be in January {next}' },
    late: { zh: '发布日期 {date} 晚于《条例》第四十九条规定的期限（{deadline}）', en: 'The date {date} is past the deadline of Regulations art. 49 ({deadline})' },
  },
  check(report, ctx) {
    if (report.notAReport) return [];
    const d = report.publishDate;
    if (!d) {
      const line = report.title?.line ?? 0;
      return [{ range: report.title?.range ?? range(line, 0, line, report.lines[line]?.length ?? 0), message: say(rule, ctx, 'missing') }];
    }
    const year = report.year?.value;
    if (year === undefined) return [];
    const date = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    if (d.year <= year) return [{ range: d.range, message: say(rule, ctx, 'early', { date, year, next: year + 1 }) }];
    // Governments (本级政府) publish by 31 March; their departments by 31 January (第四十九条).
    const agency = report.title?.agency ?? '';
    const government = /人民政府$/.test(agency);
    const deadline = government ? [year + 1, 3, 31] : [year + 1, 1, 31];
    const late = d.year > deadline[0] || (d.year === deadline[0] && (d.month > deadline[1] || (d.month === deadline[1] && d.day > deadline[2])));
    if (late) return [{ range: d.range, message: say(rule, ctx, 'late', { date, deadline: `${deadline[0]}-${String(deadline[1]).padStart(2, '0')}-${deadline[2]}` }) }];
    return [];
  },
});
export default rule;
