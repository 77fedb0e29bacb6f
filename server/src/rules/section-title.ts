// Standard section wording; variants and old-outline titles are flagged with the standard title as fix.
import { defineRule, say, type RuleFinding } from './rule';
import { LEGACY_HEADINGS, SECTIONS } from '../spec';
import { CN_NUMERALS } from '../spec/sections';
import { outlineApplies } from './sections';
import { spansSeparator } from './util';
import { differsOnlyInConjunctions } from '../parse/title-conjunctions';

const rule = defineRule({
  id: 'section-title',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '章节标题不是标准表述', en: 'Non-standard section title' },
  tags: ['structure', 'section', 'wording'],
  messages: {
    variant: { zh: '章节标题“{actual}”与标准表述不同，应为“{expected}”', en: 'Section title “{actual}” differs from the standard wording “{expected}”' },
    legacy: { zh: '“{actual}”是旧版提纲的标题，现行格式为“{expected}”', en: '“{actual}” is an old-outline title; the current format says “{expected}”' },
    extra: { zh: '“{actual}”是旧版提纲的章节，现行格式中没有此章节；其内容应写入“{into}”', en: '“{actual}” is an old-outline section that the current format does not have; its content belongs in “{into}”' },
    fix: { zh: '改为标准标题 {expected}', en: 'Use the standard title {expected}' },
  },
  check(report, ctx) {
    if (!outlineApplies(report)) return [];
    const out: RuleFinding[] = [];
    for (const s of report.sections) {
      if (s.legacyExtra) {
        const h = LEGACY_HEADINGS.find((x) => x.id === s.legacyExtra)!;
        const into = SECTIONS[h.mergeInto - 1];
        out.push({ range: s.headingRange, message: say(rule, ctx, 'extra', { actual: s.title, into: `${CN_NUMERALS[into.n]}、${into.title}` }) });
        continue;
      }
      if (s.std === undefined || s.titleMatch === 'exact') continue;
      const expected = SECTIONS[s.std - 1].title;
      out.push({
        range: s.titleRange,
        message: say(rule, ctx, s.titleMatch === 'legacy' ? 'legacy' : 'variant', { actual: s.title, expected }),
        // 与/和/及 for 、 (or the reverse) says the same thing: cosmetic.
        ...(s.titleMatch !== 'legacy' && differsOnlyInConjunctions(s.title, expected) ? { severity: 'hint' as const } : {}),
        fixes: [{ title: say(rule, ctx, 'fix', { expected }), edits: [{ range: s.titleRange, newText: expected }], safe: !spansSeparator(report, s.titleRange), numbers: false }],
        data: { expected },
      });
    }
    return out;
  },
});
export default rule;
