// A required section with nothing under it.
import { defineRule, say, type RuleFinding } from './rule';
import { outlineApplies, sectionHasContent, sectionTablesAllMissing, stdSections } from './sections';

const rule = defineRule({
  id: 'section-empty',
  defaultSeverity: 'warning',
  fixable: 'no',
  description: { zh: '必需的章节没有内容', en: 'A required section has no content' },
  tags: ['structure', 'section'],
  messages: {
    empty: { zh: '章节“{title}”没有内容；没有需要报告的事项时应写明“无”', en: 'Section “{title}” is empty; write 无 when there is nothing to report' },
  },
  check(report, ctx) {
    if (!outlineApplies(report)) return [];
    const out: RuleFinding[] = [];
    for (const s of stdSections(report)) {
      // A section that should hold tables and holds nothing (tables published as images): table-missing says so
      // once — unless it is turned off, when this rule still reports the empty section.
      const tablesSay = ctx.ruleOn?.('table-missing') !== false && sectionTablesAllMissing(report, s);
      if (!sectionHasContent(report, s) && !tablesSay) out.push({ range: s.headingRange, message: say(rule, ctx, 'empty', { title: s.title }) });
    }
    return out;
  },
});
export default rule;
