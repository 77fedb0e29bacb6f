// Each of the six sections of 第五十条 must be present; the fix inserts the section skeleton.
import { defineRule, say, type RuleFinding } from './rule';
import { formatSpec } from '../spec';
import { renderSection } from '../spec/render';
import { CN_NUMERALS } from '../spec/sections';
import { SECTION_PLACEHOLDER } from '../spec/placeholders';
import { insertionPoint, outlineApplies, stdSections } from './sections';

const rule = defineRule({
  id: 'section-missing',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '缺少必需的章节（一至六）', en: 'A required section (一 to 六) is missing' },
  tags: ['structure', 'section'],
  messages: {
    missing: { zh: '缺少章节“{heading}”（《条例》第五十条要求报告此项内容）', en: 'Missing section “{heading}” (required by Regulations art. 50)' },
    fix: { zh: '插入缺失的 {heading}', en: 'Insert the missing {heading}' },
  },
  check(report, ctx) {
    if (!outlineApplies(report) || report.sections.length === 0) return [];
    const present = new Set(stdSections(report).map((s) => s.std));
    const format = formatSpec(report.format);
    const out: RuleFinding[] = [];
    for (const s of format.sections) {
      if (present.has(s.n)) continue;
      const heading = `${CN_NUMERALS[s.n]}、${s.title}`;
      const at = insertionPoint(report, s.n);
      const lines = renderSection(format, s, { layout: report.dominantLayout, blankLineCells: report.blankLineCells }, SECTION_PLACEHOLDER);
      const text = at.before + lines.join(report.eol) + at.after;
      out.push({
        range: at.range,
        message: say(rule, ctx, 'missing', { heading }),
        fixes: [{ title: say(rule, ctx, 'fix', { heading }), edits: [{ range: at.range, newText: text }], safe: true, numbers: format.tables.some((t) => t.section === s.n) }],
        data: { section: s.n },
      });
    }
    return out;
  },
});
export default rule;
