// Placeholder text govreport inserted (a fix's “请填写本部分内容”, a snippet's “在此填写…方面的工作情况。”,
// the skeleton's 机关名称 or a section's requirement sentence) is not content: until the author
// replaces it, the report must not check clean. The list is spec/placeholders.ts, the one the fix
// and the snippets insert from.
import { defineRule, say, type RuleFinding } from './rule';
import { AGENCY_PLACEHOLDER, LINE_PLACEHOLDERS } from '../spec/placeholders';
import { range } from '../parse/text';

const rule = defineRule({
  id: 'placeholder-text',
  defaultSeverity: 'warning',
  fixable: 'no',
  description: { zh: '模板或代码片段的占位文字尚未替换', en: 'Template or snippet placeholder text not yet replaced' },
  tags: ['content'],
  messages: {
    placeholder: { zh: '占位文字“{text}”尚未替换为实际内容', en: 'Placeholder text “{text}” has not been replaced with the actual content' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    const end = report.annexLine ?? report.lines.length;
    for (let i = 0; i < end; i++) {
      const line = report.lines[i];
      for (const p of LINE_PLACEHOLDERS) {
        const at = line.indexOf(p);
        if (at >= 0) out.push({ range: range(i, at, i, at + p.length), message: say(rule, ctx, 'placeholder', { text: p }) });
      }
      // The agency name of the skeleton: the title starts with it, the signature is just it.
      const trimmed = line.trim();
      if (trimmed === AGENCY_PLACEHOLDER || (i === report.title?.line && trimmed.startsWith(AGENCY_PLACEHOLDER))) {
        const at = line.indexOf(AGENCY_PLACEHOLDER);
        out.push({ range: range(i, at, i, at + AGENCY_PLACEHOLDER.length), message: say(rule, ctx, 'placeholder', { text: AGENCY_PLACEHOLDER }) });
      }
    }
    return out;
  },
});
export default rule;
