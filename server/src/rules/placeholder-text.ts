// Placeholder text govreport inserted (a fix's “请填写本部分内容”, a snippet's “在此填写…方面的工作情况。”,
// the skeleton's 机关名称 or a section's requirement sentence) is not content: until the author
// replaces it, the report must not check clean. The list is spec/placeholders.ts, the one the fix
// and the snippets insert from.
import { defineRule, say, type RuleFinding } from './rule';
import { AGENCY_PLACEHOLDER, LINE_PLACEHOLDERS } from '../spec/placeholders';
import { positionAt, range } from '../parse/text';

// The placeholders by the unit(s) searched for: the fill-in sentences (（请填写…, 在此填写…) all have 写 as
// their fourth unit, the others are grouped by their first four units; one search per group. 写 and 称 (of
// 机关名称) are searched rather than the heads because V8 scans two-byte text for one byte of the needle's
// first unit: 写 and 称 share that byte with few units of a report, 在, （ and 机 with many (measured on
// the samples: 0.4 µs instead of 4 µs a report for these three searches).
interface Group { needle: string; offset: number; members: string[] }
const GROUPS: Group[] = [];
for (const p of LINE_PLACEHOLDERS) {
  const [needle, offset] = p[3] === '写' ? ['写', 3] : [p.slice(0, 4), 0];
  const g = GROUPS.find((x) => x.needle === needle);
  if (g) g.members.push(p);
  else GROUPS.push({ needle, offset, members: [p] });
}
const AGENCY_NEEDLE = AGENCY_PLACEHOLDER.length - 1;

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
    const { text, lineStarts } = report;
    // One native search of the whole text per group of placeholders (a report holds none, or a few): a
    // loop over every line and every placeholder made this the costliest rule on typical reports. The
    // findings are sorted by position below, so the order they are found in does not matter.
    const lineOf = (offset: number): number => positionAt(lineStarts, offset).line;
    for (const { needle, offset, members } of GROUPS) {
      // Per member: where its next occurrence may start (occurrences do not overlap) and the line it was last reported on.
      const next = members.map(() => 0);
      const seen = members.map(() => -1);
      for (let hit = text.indexOf(needle); hit >= 0; hit = text.indexOf(needle, hit + 1)) {
        const at = hit - offset;
        // Most hits of 写 start no placeholder: the line is looked up only for one that does.
        if (at < 0 || !members.some((p) => text.startsWith(p, at))) continue;
        const i = lineOf(at);
        if (i >= end) break;
        members.forEach((p, k) => {
          if (at < next[k] || !text.startsWith(p, at)) return;
          next[k] = at + p.length;
          if (i === seen[k]) return; // once per line, as written
          seen[k] = i;
          const col = at - lineStarts[i];
          out.push({ range: range(i, col, i, col + p.length), message: say(rule, ctx, 'placeholder', { text: p }) });
        });
      }
    }
    // The agency name of the skeleton: the title starts with it, the signature is just it. Found by its
    // last unit (称, see GROUPS); the name never overlaps itself, so every hit is a separate occurrence.
    for (let hit = text.indexOf(AGENCY_PLACEHOLDER[AGENCY_NEEDLE]); hit >= 0; hit = text.indexOf(AGENCY_PLACEHOLDER[AGENCY_NEEDLE], hit + 1)) {
      const at = hit - AGENCY_NEEDLE;
      if (at < 0 || !text.startsWith(AGENCY_PLACEHOLDER, at)) continue;
      const i = lineOf(at);
      if (i >= end) break;
      const line = report.lines[i];
      const trimmed = line.trim();
      if (trimmed === AGENCY_PLACEHOLDER || (i === report.title?.line && trimmed.startsWith(AGENCY_PLACEHOLDER) && line.indexOf(AGENCY_PLACEHOLDER) === at - lineStarts[i])) {
        const col = at - lineStarts[i];
        out.push({ range: range(i, col, i, col + AGENCY_PLACEHOLDER.length), message: say(rule, ctx, 'placeholder', { text: AGENCY_PLACEHOLDER }) });
      }
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  },
});
export default rule;
