// Ordinals of table 三's rows (一、 (一) 1.) follow the template; the fix renumbers.
import type { Cell, Table } from '../model';
import { defineRule, say, type RuleContext, type RuleFinding } from './rule';
import { labelKey, range } from '../parse/text';
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
    doubled: { zh: '序号应为“{expected}”，而不是“{actual}”（序号的数字重复）', en: 'The ordinal should be “{expected}”, not “{actual}” (its numeral is doubled)' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    // A numeral doubled inside one cell (三三、本年) is the author's in any table, even one whose figures were not read.
    for (const t of report.tables) {
      const spec = specOf(report, t);
      if (spec) out.push(...doubledInCell(t, spec, ctx));
    }
    for (const t of checkedTables(report)) {
      const spec = specOf(report, t);
      if (!spec) continue;
      out.push(...doubledOrdinals(t, ctx));
      for (const r of t.rows) {
        const rs = rowSpecOf(spec, r);
        if (!rs?.ordinal || !r.ordinal || r.ordinal.value === rs.ordinal.value) continue;
        // Labels printed apart from their figures come glued to other cells' pieces ((四)无法 2.没有…):
        // an ordinal counts only on a label read whole from one line.
        if (t.labelsApart && (r.labelCells.length > 1 || r.score < 1)) continue;
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

/**
 * A label whose ordinal's numeral is written twice (三三、本年度办理结果): the reader takes the label
 * from its known ordinal on and leaves the extra numeral a stray cell just before it, on the same line.
 * (The numeral doubled inside one cell is doubledInCell's.)
 */
function doubledOrdinals(t: Table, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Without stray cells there is no extra numeral: asked before the labels are gathered.
  if (!t.stray.length) return out;
  const labels: Cell[] = [];
  for (const g of t.groups) if (g.cells.length) labels.push(g.cells[0]);
  for (const r of t.rows) if (r.labelCells.length) labels.push(r.labelCells[0]);
  for (const c of labels) {
    const m = /^([一二三四五六七八九十]+)、/.exec(c.text);
    if (!m) continue;
    const s = t.stray.find((x) => x.line === c.line && x.from + x.text.length === c.from && x.text === m[1]);
    if (!s) continue;
    const actual = s.text + m[0];
    out.push({
      range: range(s.line, s.from, c.line, c.from + m[0].length),
      message: say(rule, ctx, 'doubled', { expected: m[0], actual }),
      fixes: [{ title: say(rule, ctx, 'fix', { expected: m[0] }), edits: [{ range: s.range, newText: '' }], safe: true, numbers: false }],
    });
  }
  return out;
}

const DOUBLED = /^\s*([一二三四五六七八九十])\1、/;

/**
 * A group, label or stray cell written with its numeral twice (三三、本年 | 度办理结果, plain or -raw pdftotext): a line
 * never doubles a character, so when the rest (三、本年…) begins a label of the table that has that ordinal, the
 * first numeral is the author's slip.
 */
function doubledInCell(t: Table, spec: NonNullable<ReturnType<typeof specOf>>, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Only cells whose first numeral is written twice are gathered (nearly never): the test is cheap, the
  // array of every first cell of every table of every check was not.
  const cells: Cell[] = [];
  for (const g of t.groups) if (g.cells.length && DOUBLED.test(g.cells[0].text)) cells.push(g.cells[0]);
  for (const r of t.rows) if (r.labelCells.length && DOUBLED.test(r.labelCells[0].text)) cells.push(r.labelCells[0]);
  for (const c of t.stray) if (DOUBLED.test(c.text)) cells.push(c);
  for (const c of cells) {
    const m = DOUBLED.exec(c.text);
    if (!m) continue;
    const value = CN_NUMERALS.indexOf(m[1]);
    const rest = labelKey(c.text.slice(m[0].length));
    if (rest.length < 2 || !spec.rows.some((rs) => rs.ordinal?.style === 'cn' && rs.ordinal.value === value && labelKey(rs.label).startsWith(rest))) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const start = c.from + lead;
    out.push({
      range: range(c.line, start, c.line, start + 3),
      message: say(rule, ctx, 'doubled', { expected: `${m[1]}、`, actual: `${m[1]}${m[1]}、` }),
      fixes: [{ title: say(rule, ctx, 'fix', { expected: `${m[1]}、` }), edits: [{ range: range(c.line, start, c.line, start + 1), newText: '' }], safe: true, numbers: false }],
    });
  }
  return out;
}

/** Keeps the author's punctuation (4． → 5．, （四） → （五）) and changes only the numeral. */
function renumber(written: string, value: number): string | undefined {
  if (/\d/.test(written)) return written.replace(/\d+/, String(value));
  if (/[一二三四五六七八九十]/.test(written)) return written.replace(/[一二三四五六七八九十]+/, CN_NUMERALS[value]);
  return undefined;
}

export default rule;
