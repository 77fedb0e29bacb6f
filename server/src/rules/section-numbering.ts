// Section headings carry the ordinal of their standard position (一、 … 六、); the fix renumbers.
import { defineRule, say, type RuleFinding } from './rule';
import { CN_NUMERALS } from '../spec/sections';
import { outlineApplies, stdSections } from './sections';
import { range } from '../parse/text';
import type { Range, Report } from '../model';

const CN_ORDINAL = /^[一二三四五六七八九十]/;
const ARABIC_ORDINAL = /^\d/;

/** The range of a list or bullet marker (and its spaces) between the heading's start and its title. */
function listMarker(report: Report, line: number, from: number, to: number): Range | undefined {
  return /^\s*[-*•·●]\s*$/.test(report.lines[line].slice(from, to)) ? range(line, from, line, to) : undefined;
}

const rule = defineRule({
  id: 'section-numbering',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '章节标题的序号错误或缺失（一、二、……六、）', en: 'Wrong or missing ordinal on a section heading' },
  tags: ['structure', 'section', 'numbering'],
  messages: {
    wrong: { zh: '章节序号应为“{expected}”，而不是“{actual}”', en: 'The section ordinal should be “{expected}”, not “{actual}”' },
    missing: { zh: '章节标题缺少序号“{expected}”', en: 'The section heading lacks its ordinal “{expected}”' },
    lost: { zh: '章节序号“{actual}”缺少数字，应为“{expected}”', en: 'The section ordinal “{actual}” has lost its numeral; it should be “{expected}”' },
    marker: { zh: '章节标题以列表符号“{actual}”开头而没有序号，标准序号为“{expected}”', en: 'The section heading starts with the list marker “{actual}” instead of its ordinal “{expected}”' },
    arabic: { zh: '章节标题用阿拉伯数字编号（“{actual}”等 {n} 处），标准序号为“一、”至“六、”', en: 'The section headings are numbered in arabic numerals (“{actual}” and others, {n} in all); the standard ordinals are 一、 to 六、' },
    arabicFix: { zh: '把 {n} 个章节序号改为 一、至六、', en: 'Change the {n} section ordinals to 一、 … 六、' },
    fix: { zh: '改为 {expected}', en: 'Change to {expected}' },
    insert: { zh: '插入序号 {expected}', en: 'Insert the ordinal {expected}' },
  },
  check(report, ctx) {
    if (!outlineApplies(report)) return [];
    const out: RuleFinding[] = [];
    // An outline numbered 1、 … 6、 is one choice of style, reported once with one fix for every heading.
    const arabic: { range: Range; newText: string }[] = [];
    for (const s of stdSections(report)) {
      const expected = `${CN_NUMERALS[s.std!]}、`;
      // A list marker left by a web copy (- 总体情况) stands where the ordinal goes: layout, so only a hint.
      const marker = s.ordinal ? undefined : listMarker(report, s.headingLine, s.headingRange.start.character, s.titleRange.start.character);
      if (marker) {
        out.push({ range: marker, severity: 'hint', message: say(rule, ctx, 'marker', { expected, actual: report.lines[s.headingLine].slice(marker.start.character, marker.end.character).trim() }), fixes: [{ title: say(rule, ctx, 'fix', { expected }), edits: [{ range: marker, newText: expected }], safe: true, numbers: false }] });
      } else if (!s.ordinal) {
        const at = range(s.titleRange.start.line, s.titleRange.start.character, s.titleRange.start.line, s.titleRange.start.character);
        out.push({ range: s.headingRange, message: say(rule, ctx, 'missing', { expected }), fixes: [{ title: say(rule, ctx, 'insert', { expected }), edits: [{ range: at, newText: expected }], safe: true, numbers: false }] });
      } else if (ARABIC_ORDINAL.test(s.ordinal.text) && s.ordinal.value === s.std) {
        arabic.push({ range: s.ordinal.range, newText: expected });
      } else if (s.ordinal.value !== s.std || !CN_ORDINAL.test(s.ordinal.text)) {
        // 、主动公开… (numeral lost) or a wrong number: the ordinal is replaced, the title is left alone.
        out.push({
          range: s.ordinal.range,
          message: say(rule, ctx, s.ordinal.value === 0 ? 'lost' : 'wrong', { expected, actual: s.ordinal.text }),
          fixes: [{ title: say(rule, ctx, 'fix', { expected }), edits: [{ range: s.ordinal.range, newText: expected }], safe: true, numbers: false }],
        });
      }
    }
    if (arabic.length) {
      const first = stdSections(report).find((s) => s.ordinal?.range === arabic[0].range)!;
      const actual = first.ordinal!.text;
      const expected = arabic[0].newText;
      out.push({
        range: arabic[0].range,
        message: say(rule, ctx, 'arabic', { actual, expected, n: arabic.length }),
        fixes: [{ title: say(rule, ctx, 'arabicFix', { n: arabic.length }), edits: arabic, safe: true, numbers: false }],
      });
    }
    return out;
  },
});
export default rule;
