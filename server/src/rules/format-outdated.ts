// Tables of one format in a report whose year calls for the other (docs/format.md §2.6).
import { defineRule, say } from './rule';

const rule = defineRule({
  id: 'format-outdated',
  defaultSeverity: 'error',
  fixable: 'no',
  description: { zh: '报告年度与统计表格式不符（2021年及以后应使用2021年格式，2019、2020年使用2019年格式）', en: 'Table format does not match the report year' },
  tags: ['format'],
  messages: {
    stale: { zh: '{year}年度报告应使用2021年格式（国办公开办函〔2021〕30号），但统计表是2019年格式（如“{marker}”）', en: 'A report on {year} must use the 2021 format (国办公开办函〔2021〕30号), but the tables follow the 2019 format (e.g. “{marker}”)' },
    early: { zh: '{year}年度报告应使用2019年格式（国办公开办函〔2019〕60号），但统计表是2021年格式（如“{marker}”），该格式当时尚未施行', en: 'A report on {year} must use the 2019 format (国办公开办函〔2019〕60号); its tables follow the 2021 format (e.g. “{marker}”), which did not exist yet' },
  },
  check(report, ctx) {
    const expected = report.expectedFormat;
    if (!expected || expected === 'legacy' || !report.year) return [];
    const other = expected === '2021' ? '2019' : '2021';
    const mine = report.formatMarkers.filter((m) => m.format === expected);
    const theirs = report.formatMarkers.filter((m) => m.format === other);
    // Decisive only: a stray old label in an otherwise current table is table-label's business.
    if (theirs.length < 3 || theirs.length < 2 * mine.length) return [];
    const first = theirs[0];
    return [{ range: first.range, message: say(rule, ctx, expected === '2021' ? 'stale' : 'early', { year: report.year.value, marker: first.text }) }];
  },
});
export default rule;
