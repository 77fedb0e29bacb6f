// Value cells must be numbers of the column's kind: counts are integers ≥ 0, 本年增/减 may be signed,
// amounts may be decimals; no units, no full-width digits.
import { defineRule, say, type RuleFinding } from './rule';
import { specOf } from './util';

const FULL = /[０-９]/g;

const rule = defineRule({
  id: 'number-invalid',
  defaultSeverity: 'warning',
  fixable: 'partly',
  description: { zh: '应为数字的单元格不是规范数字（带单位、全角数字、负数、小数等）', en: 'A cell that should be a number is not a clean number' },
  tags: ['table', 'number'],
  messages: {
    fullwidth: { zh: '“{text}”使用了全角数字', en: '“{text}” uses full-width digits' },
    unit: { zh: '“{text}”在数字单元格中带有单位：单位应写在表头', en: '“{text}” has a unit inside a numeric cell: put the unit in the header' },
    separator: { zh: '“{text}”含有千位分隔符', en: '“{text}” contains thousands separators' },
    dash: { zh: '“{text}”不是数字：没有数据时填 0', en: '“{text}” is not a number: write 0 when there is nothing to count' },
    negative: { zh: '“{text}”是负数，但本列是件数', en: '“{text}” is negative, but this column counts items' },
    decimal: { zh: '“{text}”是小数，但本列是件数', en: '“{text}” is a decimal, but this column counts items' },
    signed: { zh: '“{text}”带有正号，本列不是增减数', en: '“{text}” carries a plus sign, but this column is not a change' },
    garbled: { zh: '“{text}”位数过多，无法作为数字核对', en: '“{text}” has too many digits to be checked as a number' },
    blank: { zh: '空单元格：没有数据时应填 0', en: 'Empty cell: write 0 when there is nothing to count' },
    toAscii: { zh: '改为半角数字 {value}', en: 'Use ASCII digits {value}' },
    dropSep: { zh: '去掉千位分隔符', en: 'Remove the separators' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
      const spec = specOf(report, t);
      if (!spec) continue;
      for (const r of t.rows) {
        if (r.values.length !== spec.columns.length) continue;
        r.values.forEach((c, i) => {
          const kind = spec.columns[i].kind;
          const text = c.text;
          if (c.kind === 'blank') { out.push({ range: c.range, message: say(rule, ctx, 'blank'), severity: 'info' }); return; }
          switch (c.numberIssue) {
            case 'fullwidth': {
              const ascii = report.lines[c.line].slice(c.range.start.character, c.range.end.character).replace(FULL, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
              out.push({ range: c.range, message: say(rule, ctx, 'fullwidth', { text }), fixes: [{ title: say(rule, ctx, 'toAscii', { value: ascii }), edits: [{ range: c.range, newText: ascii }], safe: true, numbers: false }] });
              return;
            }
            case 'separator':
              out.push({ range: c.range, message: say(rule, ctx, 'separator', { text }), fixes: [{ title: say(rule, ctx, 'dropSep'), edits: [{ range: c.range, newText: text.replace(/,/g, '') }], safe: true, numbers: false }] });
              return;
            case 'unit': out.push({ range: c.range, message: say(rule, ctx, 'unit', { text }) }); return;
            case 'dash': out.push({ range: c.range, message: say(rule, ctx, 'dash', { text }) }); return;
            case 'garbled': out.push({ range: c.range, message: say(rule, ctx, 'garbled', { text }) }); return;
          }
          const v = c.value ?? 0;
          if (kind === 'signed') return;
          if (v < 0) out.push({ range: c.range, message: say(rule, ctx, 'negative', { text }) });
          else if (!Number.isInteger(v) && kind === 'count') out.push({ range: c.range, message: say(rule, ctx, 'decimal', { text }) });
          else if (text.startsWith('+')) out.push({ range: c.range, message: say(rule, ctx, 'signed', { text }), severity: 'hint' });
        });
      }
    }
    return out;
  },
});
export default rule;
