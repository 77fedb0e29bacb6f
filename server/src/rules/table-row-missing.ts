// Every row of the template must be in the table; the fix inserts the row with zeros.
import { defineRule, say, type RuleFinding } from './rule';
import { specOf } from './util';
import { renderRow, rowLabel } from '../spec/render';
import { insertLines } from './table-edit';
import { grid } from './arithmetic';
import { deriveRow } from './derive';

const rule = defineRule({
  id: 'table-row-missing',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '表格缺少必需的行', en: 'A required table row is missing' },
  tags: ['table', 'structure'],
  messages: {
    missing: { zh: '表格“{table}”缺少行“{label}”', en: 'Table “{table}” lacks the row “{label}”' },
    missingSub: { zh: '表格“{table}”缺少行“{label}”：“{parent}”在本格式中分为子行，不是一行', en: 'Table “{table}” lacks the row “{label}”: in this format “{parent}” is split into sub-rows, not one row' },
    missingUnder: { zh: '表格“{table}”缺少“{group}”下的行“{label}”', en: 'Table “{table}” lacks the row “{label}” under “{group}”' },
    fix: { zh: '插入缺失的行 {label}（数值为 0）', en: 'Insert the missing row {label} (zeros)' },
    fixDerived: { zh: '插入缺失的行 {label}（按合计推算：{values}）', en: 'Insert the missing row {label} (values implied by the totals: {values})' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    // A table whose figures could not be placed but whose every label was read still shows which rows it lacks.
    for (const t of report.tables) {
      if (t.unread && !t.unread.labelsRead) continue;
      const unread = !!t.unread;
      const spec = specOf(report, t);
      if (!spec) continue;
      // Filled by loops, not map/concat: this runs for every table of every check, and most tables lack nothing.
      const present = new Set<string | undefined>();
      let anyId = false;
      for (const r of t.rows) { present.add(r.id); if (r.id) anyId = true; }
      for (const g of t.groups) present.add(g.id);
      // A table with no recognisable row at all is not "missing rows": its layout was not understood.
      if (!anyId) {
        if (!spec.unlabeledRow) continue;
      }
      for (let k = 0; k < spec.rows.length; k++) {
        const rs = spec.rows[k];
        if (present.has(rs.id) || rs.group) continue;
        const label = spec.unlabeledRow ? say(rule, ctx, 'missing', { table: spec.name[ctx.lang], label: '' }) : rowLabel(rs);
        // A sub-row missing because its group was written as one row of figures (（六）其他处理 in the 2019 way): say so.
        const parent = rs.parent ? spec.rows.find((p) => p.id === rs.parent) : undefined;
        const parentAsRow = parent && t.rows.some((r) => r.id === parent.id && r.values.length > 0) ? parent : undefined;
        // Insert after the nearest present row before it, else before the nearest one after it.
        const before = spec.rows.slice(0, k).reverse().map((p) => t.rows.find((r) => r.id === p.id)).find(Boolean);
        const after = spec.rows.slice(k + 1).map((p) => t.rows.find((r) => r.id === p.id)).find(Boolean);
        // The sums often decide what the row held (一 = (七) + 四 − 二 …): insert that, else zeros.
        const g = unread ? undefined : grid(report, t);
        const derived = g && deriveRow(g, rs.id);
        const usable = derived && derived.every((v) => Number.isInteger(v) && v >= 0);
        const values = usable ? derived : undefined;
        const safe = usable || !derived || derived.every((v) => v === 0);
        const lines = renderRow(spec, rs, { layout: t.layout, blankLineCells: (t as typeof t & { blankLineCells?: boolean }).blankLineCells, value: (i) => String(values?.[i - 1] ?? 0) });
        let edit;
        // New lines go between rows only where the neighbouring row ends (or starts) its line;
        // a table written on one line gets the fix offered, but not applied blindly.
        let ownLine = true;
        if (before) {
          edit = insertLines(report, t, before.range.end.line, lines);
          ownLine = /^[\s|]*$/.test(report.lines[before.range.end.line].slice(before.range.end.character));
        } else if (after) {
          edit = insertLines(report, t, after.range.start.line, lines, true);
          ownLine = /^[\s|]*$/.test(report.lines[after.range.start.line].slice(0, after.range.start.character));
        }
        else {
          const lastHeader = t.headers[t.headers.length - 1]?.cell ?? t.caption;
          edit = lastHeader ? insertLines(report, t, lastHeader.range.end.line, lines) : undefined;
        }
        const anchor = before?.range ?? after?.range ?? t.range;
        out.push({
          range: { start: anchor.start, end: anchor.start },
          // A sub-row is named with its group: “3.其他” alone could be any of several rows.
          message: spec.unlabeledRow ? label
            : parentAsRow ? say(rule, ctx, 'missingSub', { table: spec.name[ctx.lang], label, parent: rowLabel(parentAsRow) })
            : parent ? say(rule, ctx, 'missingUnder', { table: spec.name[ctx.lang], group: rowLabel(parent), label })
            : say(rule, ctx, 'missing', { table: spec.name[ctx.lang], label }),
          // Where its rows stand in an unread table's text is the layout's: no place to insert one.
          fixes: edit && !unread ? [{ title: say(rule, ctx, values && values.some((v) => v !== 0) ? 'fixDerived' : 'fix', { label: spec.unlabeledRow ? '' : label, values: values?.join(' ') ?? '' }), edits: [edit], safe: !!safe && ownLine, numbers: true }] : [],
          data: { row: rs.id },
        });
      }
    }
    return out;
  },
});
export default rule;
