// The title line: agency + year + 政府信息公开工作年度报告, once.
import { defineRule, say, type RuleFinding } from './rule';
import { lineStart, replace } from './util';
import { range } from '../parse/text';

const AGENCY_MARK = /(省|市|县|区|州|盟|旗|镇|乡|街道|自治区|国家|国务院|中华人民共和国|人民政府|委员会|管委会|村)/;

const rule = defineRule({
  id: 'report-title',
  defaultSeverity: 'info',
  fixable: 'partly',
  description: { zh: '标题行缺失或不规范：应为机关全称＋年份＋政府信息公开工作年度报告', en: 'Missing or irregular title: agency + year + 政府信息公开工作年度报告' },
  tags: ['structure', 'title'],
  messages: {
    notReport: { zh: '未识别出政府信息公开工作年度报告的结构（没有标题、章节或统计表）', en: 'This does not look like a government information disclosure annual report (no title, sections or tables found)' },
    missing: { zh: '缺少标题行：应为“机关全称＋年份＋政府信息公开工作年度报告”', en: 'Missing title line: it should read “<agency><year>年政府信息公开工作年度报告”' },
    agency: { zh: '标题中的机关名称“{agency}”不是全称：应写明所属地区和机关全称', en: 'The agency “{agency}” in the title is not its full name: give the region and the full name' },
    noAgency: { zh: '标题缺少机关名称', en: 'The title does not name the agency' },
    wording: { zh: '标题应以“政府信息公开工作年度报告”结尾', en: 'The title should end with 政府信息公开工作年度报告' },
    repeated: { zh: '标题行重复', en: 'The title line is repeated' },
    removeRepeat: { zh: '删除重复的标题行', en: 'Delete the repeated title line' },
  },
  check(report, ctx) {
    if (report.notAReport) {
      if (report.text.trim() === '') return [{ range: lineStart(0), message: say(rule, ctx, 'notReport') }];
      return [{ range: range(0, 0, 0, report.lines[0].length), message: say(rule, ctx, 'notReport') }];
    }
    const t = report.title;
    if (!t) {
      const first = report.lines.findIndex((l) => l.trim() !== '');
      const line = Math.max(0, first);
      return [{ range: range(line, 0, line, report.lines[line].length), message: say(rule, ctx, 'missing') }];
    }
    const out: RuleFinding[] = [];
    if (!t.agency) out.push({ range: t.range, message: say(rule, ctx, 'noAgency') });
    else if (!AGENCY_MARK.test(t.agency)) out.push({ range: t.range, message: say(rule, ctx, 'agency', { agency: t.agency }) });
    if (!/工作年度报告$/.test(t.text.replace(/\s+/g, ''))) out.push({ range: t.range, message: say(rule, ctx, 'wording'), severity: 'hint' as const });
    for (const line of report.titleRepeats) {
      const next = line + 1 < report.lines.length ? range(line, 0, line + 1, 0) : range(line, 0, line, report.lines[line].length);
      out.push({
        range: range(line, 0, line, report.lines[line].length),
        message: say(rule, ctx, 'repeated'),
        severity: 'hint' as const,
        fixes: [replace(say(rule, ctx, 'removeRepeat'), next, '')],
      });
    }
    return out;
  },
});
export default rule;
