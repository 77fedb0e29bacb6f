// Section headings carry the ordinal of their standard position (一、 … 六、); the fix renumbers.
import { defineRule, say, type RuleFinding } from './rule';
import { CN_NUMERALS } from '../spec/sections';
import { outlineApplies, stdSections } from './sections';
import { range } from '../parse/text';

const rule = defineRule({
  id: 'section-numbering',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '章节标题的序号错误或缺失（一、二、……六、）', en: 'Wrong or missing ordinal on a section heading' },
  tags: ['structure', 'section', 'numbering'],
  messages: {
    wrong: { zh: '章节序号应为“{expected}”，而不是“{actual}”', en: 'The section ordinal should be “{expected}”, not “{actual}”' },
    missing: { zh: '章节标题缺少序号“{expected}”', en: 'The section heading lacks its ordinal “{expected}”' },
    fix: { zh: '改为 {expected}', en: 'Change to {expected}' },
    insert: { zh: '插入序号 {expected}', en: 'Insert the ordinal {expected}' },
  },
  check(report, ctx) {
    if (!outlineApplies(report)) return [];
    const out: RuleFinding[] = [];
    for (const s of stdSections(report)) {
      const expected = `${CN_NUMERALS[s.std!]}、`;
      if (!s.ordinal) {
        const at = range(s.titleRange.start.line, s.titleRange.start.character, s.titleRange.start.line, s.titleRange.start.character);
        out.push({ range: s.headingRange, message: say(rule, ctx, 'missing', { expected }), fixes: [{ title: say(rule, ctx, 'insert', { expected }), edits: [{ range: at, newText: expected }], safe: true, numbers: false }] });
      } else if (s.ordinal.value !== s.std) {
        out.push({
          range: s.ordinal.range,
          message: say(rule, ctx, 'wrong', { expected, actual: s.ordinal.text }),
          fixes: [{ title: say(rule, ctx, 'fix', { expected }), edits: [{ range: s.ordinal.range, newText: expected }], safe: true, numbers: false }],
        });
      }
    }
    return out;
  },
});
export default rule;
