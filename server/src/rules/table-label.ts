// Row and column labels in the standard wording (typos, truncation, old wording); fix restores it.
import type { Fix, Range, Report } from '../model';
import { defineRule, say, writtenLabel, type RuleContext, type RuleFinding } from './rule';
import { dropsFigures, judgeLabel, rowSpecOf, spansSeparator, specOf } from './util';
import { stripKey } from '../parse/template';
import { labelKey, range } from '../parse/text';
import { rowLabel } from '../spec/render';
import { isRestOfCutHeader } from '../parse/cut-headers';
import { columnIndex } from './arithmetic';

const rule = defineRule({
  id: 'table-label',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '表格的行、列名称与标准表述不同（错字、截断、旧表述）', en: 'A row or column label differs from the standard wording' },
  tags: ['table', 'wording'],
  messages: {
    row: { zh: '行名称“{actual}”不规范，标准名称为“{expected}”', en: 'Row label “{actual}” is not standard; the standard label is “{expected}”' },
    column: { zh: '列名称“{actual}”不规范，标准名称为“{expected}”', en: 'Column label “{actual}” is not standard; the standard label is “{expected}”' },
    unknown: { zh: '“{actual}”不是{table}中的标准行', en: '“{actual}” is not a standard row of {table}' },
    fix: { zh: '改为标准名称 {expected}', en: 'Use the standard label {expected}' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
      const spec = specOf(report, t);
      if (!spec) continue;
      // A table whose text gives labels and figures apart (table-unreadable) has its labels broken
      // by the layout; only a slip no line break makes is the author's (see authorsSlip).
      const unread = !!t.unread || !!t.labelsApart;
      for (const r of t.rows) {
        // No label cells is no label range (asked by count: the range is built only for a finding).
        if (r.labelCells.length === 0) continue;
        const rs = rowSpecOf(spec, r);
        if (!rs) {
          if (!r.id && !unread) out.push({ range: r.labelRange!, message: say(rule, ctx, 'unknown', { actual: writtenLabel(r, report), table: spec.name[ctx.lang] }) });
          continue;
        }
        const verdict = judgeLabel(r.label, rs.label, rs.aliases, rs.typos);
        if (verdict === 'standard' || verdict === 'accepted') continue;
        if (unread && !(r.labelCells.length === 1 && authorsSlip(r.label, stripKey(rs.label).key)) && !substitutedInLine(r.labelCells, stripKey(rs.label).key)) continue;
        const labelRange = r.labelRange!;
        // Replace only the words after the ordinal; a wrong ordinal is row-numbering's fix.
        const start = r.ordinal ? afterSpaces(report, r.ordinal.range) : labelRange.start;
        const target: Range = range(start.line, start.character, labelRange.end.line, labelRange.end.character);
        out.push({
          range: labelRange,
          message: say(rule, ctx, 'row', { actual: r.labelCells.map((c) => c.text).join(''), expected: rowLabel(rs) }),
          // A label split over several cells or lines is rejoined by the fix: offered, but not applied blindly.
          // In text that prints labels apart, other cells' pieces stand between a label's lines: no rewrite of the span.
          fixes: unread && r.labelCells.length > 1 ? [] : [labelFix(report, target, rs.label, r.labelCells.length === 1 && !spansSeparator(report, target), ctx)],
          data: { expected: rs.label },
        });
      }
      if (t.id === 't4' || unread) continue;
      for (const h of t.headers) {
        const ci = h.columnId === undefined ? undefined : columnIndex(spec).get(h.columnId);
        if (ci === undefined) continue;
        const col = spec.columns[ci];
        // A header written over several lines is judged once, as its parts joined.
        if (h.parts && h.parts[0] !== h.cell) continue;
        const actual = h.parts ? h.parts.map((c) => c.text).join('') : h.cell.text;
        const key = labelKey(actual);
        const std = stdKey(col.label);
        // Header cells are often cut by merged-cell export (本年新 | 本年新): a prefix is layout, not a typo.
        if (std.startsWith(key) && key.length >= 2) continue;
        if (!h.parts && isRestOfCutHeader(t, h, std)) continue;
        const verdict = judgeLabel(key, col.label, col.aliases, col.typos);
        if (verdict === 'standard' || verdict === 'accepted') continue;
        const last = h.parts ? h.parts[h.parts.length - 1].range.end : h.cell.range.end;
        const where: Range = range(h.cell.range.start.line, h.cell.range.start.character, last.line, last.character);
        out.push({
          range: where,
          message: say(rule, ctx, 'column', { actual, expected: col.label }),
          // A header rejoined from several lines is offered, not applied blindly (as for row labels).
          fixes: [labelFix(report, where, col.label, !h.parts && !spansSeparator(report, where), ctx)],
          data: { expected: col.label },
        });
      }
    }
    return out;
  },
});

// Keys of the spec's column labels, computed once: the spec never changes.
const stdKeys = new Map<string, string>();
function stdKey(label: string): string {
  let v = stdKeys.get(label);
  if (v === undefined) { v = labelKey(label); stdKeys.set(label, v); }
  return v;
}

/**
 * Whether a label read from one line is the standard wording with characters missing from its middle
 * (其他法律行政止公开 for 其他法律行政法规禁止公开): a line break cuts a label's end or start, never its middle.
 */
export function authorsSlip(key: string, std: string): boolean {
  if (key.length >= std.length) return false;
  let p = 0;
  while (p < key.length && key[p] === std[p]) p++;
  let q = 0;
  while (q < key.length - p && key[key.length - 1 - q] === std[std.length - 1 - q]) q++;
  return p >= 2 && q >= 2 && p + q === key.length;
}

/**
 * Whether a label read from several lines is the standard wording (or its start or end: a line break
 * cuts those) with one or two characters replaced inside one line (不再受理 for 不再处理). A layout cuts
 * and glues, shifting what follows; it never puts other characters in the place of a line's own.
 */
export function substitutedInLine(cells: readonly { text: string }[], std: string): boolean {
  const parts = cells.map((c, i) => (i === 0 ? stripKey(c.text).key : labelKey(c.text)));
  const key = parts.join('');
  if (key.length < 6 || key.length > std.length) return false;
  const owner: number[] = [];
  parts.forEach((p, i) => { for (let k = 0; k < p.length; k++) owner.push(i); });
  const at = (off: number) => {
    let a = -1;
    let b = -1;
    for (let k = 0; k < key.length; k++) {
      if (key[k] === std[off + k]) continue;
      if (a < 0) a = k;
      else if (k - a > 1 || k !== b + 1) return false;
      b = k;
    }
    if (a < 0) return false;
    // Two equal characters of the same line on each side of the replaced ones.
    return a >= 2 && b <= key.length - 3 && owner[a - 2] === owner[a] && owner[b + 2] === owner[b];
  };
  return at(0) || at(std.length - key.length);
}

/** Writes the standard name over the label as written; a rename that would delete figures is only offered. */
function labelFix(report: Report, target: Range, label: string, safe: boolean, ctx: RuleContext): Fix {
  const drops = dropsFigures(report, target, label);
  return { title: say(rule, ctx, 'fix', { expected: label }), edits: [{ range: target, newText: label }], safe: safe && !drops, numbers: drops };
}

function afterSpaces(report: { lines: string[] }, r: Range) {
  const line = report.lines[r.end.line] ?? '';
  let c = r.end.character;
  while (c < line.length && /\s/.test(line[c])) c++;
  return { line: r.end.line, character: c };
}

export default rule;
