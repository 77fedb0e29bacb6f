// Sections 一 → 六 in their fixed order.
import { defineRule, say, type RuleFinding } from './rule';
import { CN_NUMERALS } from '../spec/sections';
import { outlineApplies, stdSections } from './sections';

const rule = defineRule({
  id: 'section-order',
  defaultSeverity: 'warning',
  fixable: 'no',
  description: { zh: '章节顺序错误', en: 'Sections out of order' },
  tags: ['structure', 'section'],
  messages: {
    order: { zh: '章节顺序错误：“{title}”（第{n}部分）应排在“{prev}”（第{pn}部分）之前', en: 'Sections out of order: “{title}” (part {n}) must come before “{prev}” (part {pn})' },
  },
  check(report, ctx) {
    if (!outlineApplies(report)) return [];
    const out: RuleFinding[] = [];
    let max: { n: number; title: string } | undefined;
    for (const s of stdSections(report)) {
      const n = s.std!;
      if (max && n < max.n) out.push({ range: s.headingRange, message: say(rule, ctx, 'order', { title: s.title, n: CN_NUMERALS[n], prev: max.title, pn: CN_NUMERALS[max.n] }) });
      if (!max || n > max.n) max = { n, title: s.title };
    }
    return out;
  },
});
export default rule;
