// Ordinals of table 三's rows (一、 (一) 1.) follow the template; the fix renumbers.
import { defineRule, say, type RuleFinding } from './rule';
import { rowSpecOf, specOf, checkedTables } from './util';
import { ordinalText } from '../spec/render';
import { CN_NUMERALS } from '../spec/sections';

const rule = defineRule({
  id: 'row-numbering',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '表格行的序号错误（如 1. 2. 4.）', en: 'Wrong sub-item numbering in a table' },
  tags: ['table', 'numbering'],
  messages: {
    wrong: { zh: '序号应为“{expected}”，而不是“{actual}”（“{label}”）', en: 'The ordinal should be “{expected}”, not “{actual}” (“{label}”)' },
    fix: { zh: '改为 {expected}', en: 'Change to {expected}' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of checkedTables(report)) {
      const spec = specOf(report, t);
      if (!spec) continue;
      for (const r of t.rows) {
        const rs = rowSpecOf(spec, r);
        if (!rs?.ordinal || !r.ordinal || r.ordinal.value === rs.ordinal.value) continue;
        const expected = renumber(r.ordinal.text, rs.ordinal.value) ?? ordinalText(rs.ordinal);
        out.push({
          range: r.ordinal.range,
          message: say(rule, ctx, 'wrong', { expected, actual: r.ordinal.text, label: rs.label }),
          fixes: [{ title: say(rule, ctx, 'fix', { expected }), edits: [{ range: r.ordinal.range, newText: expected }], safe: true, numbers: false }],
        });
      }
    }
    return out;
  },
});

/** Keeps the author's punctuation (4． → 5．, （四） → （五）) and changes only the numeral. */
function renumber(written: string, value: number): string | undefined {
  if (/\d/.test(written)) return written.replace(/\d+/, String(value));
  if (/[一二三四五六七八九十]/.test(written)) return written.replace(/[一二三四五六七八九十]+/, CN_NUMERALS[value]);
  return undefined;
}

export default rule;
