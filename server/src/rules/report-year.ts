// The reported year: present, and the same in the title and the statistics period.
import { defineRule, say } from './rule';
import { range } from '../parse/text';

const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;

const rule = defineRule({
  id: 'report-year',
  defaultSeverity: 'warning',
  fixable: 'no',
  description: { zh: '报告年度缺失，或标题与正文、统计期限中的年度不一致', en: 'Report year missing or inconsistent between title and body' },
  tags: ['structure', 'year'],
  messages: {
    missing: { zh: '未找到报告年度：标题应写明所报告的年份（如 2024年）', en: 'No report year found: the title should name the year reported on (e.g. 2024年)' },
    mismatch: { zh: '正文中的统计年度 {body} 与标题中的年度 {title} 不一致', en: 'The year {body} in the body differs from the year {title} in the title' },
  },
  check(report, ctx) {
    if (report.notAReport) return [];
    if (!report.year) return [{ range: report.title?.range ?? range(0, 0, 0, report.lines[0].length), message: say(rule, ctx, 'missing') }];
    if (report.year.source !== 'title') return [];
    const titleYear = report.year.value;
    // The statistics period (YYYY年1月1日至12月31日) or a paragraph opening with “YYYY年，…” states the year.
    for (const i of report.proseLines.slice(0, 12)) {
      const text = report.normLines[i];
      const m = PERIOD.exec(text);
      if (m && Number(m[1]) !== titleYear) return [{ range: range(i, m.index, i, m.index + m[0].length), message: say(rule, ctx, 'mismatch', { body: m[1], title: titleYear }) }];
    }
    const opening = report.bodyYears.find((y) => /^\s*$/.test(report.normLines[y.range.start.line].slice(0, y.range.start.character)) && /^[,，、\s]/.test(report.normLines[y.range.start.line].slice(y.range.end.character)));
    if (opening && opening.value !== titleYear && Math.abs(opening.value - titleYear) <= 3) {
      return [{ range: opening.range, message: say(rule, ctx, 'mismatch', { body: opening.value, title: titleYear }) }];
    }
    return [];
  },
});
export default rule;
