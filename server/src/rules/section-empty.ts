// A required section with nothing under it.
import { defineRule, say, type RuleFinding } from './rule';
import { outlineApplies, stdSections } from './sections';

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
      let content = s.tables.length > 0;
      for (let i = s.bodyStartLine; !content && i < s.bodyEndLine; i++) {
        if (report.normLines[i].trim() === '') continue;
        // The signature block after 六 (agency, date) is not content of the section.
        if (report.publishDate && i >= report.publishDate.line - 1 && s.bodyEndLine - 1 <= report.publishDate.line + 1 && i >= report.publishDate.line - 1) continue;
        content = true;
      }
      if (!content) out.push({ range: s.headingRange, message: say(rule, ctx, 'empty', { title: s.title }) });
    }
    return out;
  },
});
export default rule;
