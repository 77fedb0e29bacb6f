// The reported year: present, and the same in the title and the statistics period.
import { defineRule, say, type RuleContext, type RuleFinding } from './rule';
import { range } from '../parse/text';
import type { Report } from '../model';

const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;

// The same period with 年/月 lost (a converter dropped them: 自202011日起至20201231日止). Only the whole period
// shape is read — a first day (YYYY 1 1) and a last day (YYYY 12 31) joined by 至 — so no other figure is taken for it.
const START = /((?:19|20)\d{2})\s*(年?)\s*0?1\s*(月?)\s*0?1\s*日/y;
const END = /((?:19|20)\d{2})\s*(年?)\s*12\s*(月?)\s*31\s*日$/;
const MANGLED = /(?:19|20)\d{2}\s*年?\s*0?1\s*月?\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|-|－)\s*(?:19|20)\d{2}\s*年?\s*12\s*月?\s*31\s*日/g;

const rule = defineRule({
  id: 'report-year',
  defaultSeverity: 'warning',
  fixable: 'partly',
  description: { zh: '报告年度缺失，或标题与正文、统计期限中的年度不一致', en: 'Report year missing or inconsistent between title and body' },
  tags: ['structure', 'year'],
  messages: {
    missing: { zh: '未找到报告年度：标题应写明所报告的年份（如 2024年）', en: 'No report year found: the title should name the year reported on (e.g. 2024年)' },
    mismatch: { zh: '正文中的统计年度 {body} 与标题中的年度 {title} 不一致', en: 'The year {body} in the body differs from the year {title} in the title' },
    mangled: { zh: '统计期限“{actual}”的日期缺少“年”“月”（多为转换时丢失），应为“{expected}”', en: 'The dates of the statistics period “{actual}” lack 年/月 (usually lost in conversion); they read “{expected}”' },
    mangledFix: { zh: '改为 {expected}', en: 'Write {expected}' },
  },
  check(report, ctx) {
    if (report.notAReport) return [];
    return [...mangledPeriods(report, ctx), ...yearFindings(report, ctx)];
  },
});

function yearFindings(report: Report, ctx: RuleContext): RuleFinding[] {
  if (!report.year) return [{ range: report.title?.range ?? range(0, 0, 0, report.lines[0].length), message: say(rule, ctx, 'missing') }];
  if (report.year.source !== 'title') return [];
  const titleYear = report.year.value;
  // The statistics period (YYYY年1月1日至12月31日) or a paragraph opening with “YYYY年，…” states the year.
  for (const i of report.proseLines.slice(0, 12)) {
    const text = report.normLines[i];
    // A period ends 12月31日: a line without 31 is ruled out by one native search.
    if (!text.includes('31')) continue;
    const m = PERIOD.exec(text);
    if (m && Number(m[1]) !== titleYear) return [{ range: range(i, m.index, i, m.index + m[0].length), message: say(rule, ctx, 'mismatch', { body: m[1], title: titleYear }) }];
  }
  const opening = report.bodyYears.find((y) => /^\s*$/.test(report.normLines[y.range.start.line].slice(0, y.range.start.character)) && /^[,，、\s]/.test(report.normLines[y.range.start.line].slice(y.range.end.character)));
  if (opening && opening.value !== titleYear && Math.abs(opening.value - titleYear) <= 3) {
    return [{ range: opening.range, message: say(rule, ctx, 'mismatch', { body: opening.value, title: titleYear }) }];
  }
  return [];
}

/** A hint, with its fix, for each statistics period whose dates lost 年 or 月. */
function mangledPeriods(report: Report, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const i of report.proseLines) {
    const text = report.normLines[i];
    if (!text.includes('31')) continue;
    MANGLED.lastIndex = 0;
    for (let m = MANGLED.exec(text); m; m = MANGLED.exec(text)) {
      START.lastIndex = m.index;
      const a = START.exec(text)!;
      const b = END.exec(m[0])!;
      if (a[2] && a[3] && b[2] && b[3]) continue;
      const from = `${a[1]}年1月1日`;
      const to = `${b[1]}年12月31日`;
      const written = report.lines[i].slice(m.index, m.index + m[0].length);
      const expected = from + written.slice(a[0].length, m[0].length - b[0].length) + to;
      const where = range(i, m.index, i, m.index + m[0].length);
      out.push({
        range: where,
        severity: 'hint',
        message: say(rule, ctx, 'mangled', { actual: written, expected }),
        // Writes the dates back as the period states them: no figure of the report changes.
        fixes: [{ title: say(rule, ctx, 'mangledFix', { expected }), edits: [{ range: where, newText: expected }], safe: true, numbers: false }],
      });
    }
  }
  return out;
}
export default rule;
