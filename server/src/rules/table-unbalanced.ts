// Rows with more or fewer value cells than the table has columns, and header columns the format
// does not have. The fix removes/inserts a cell only where the row's own arithmetic says which.
import type { Report, Row, Table } from '../model';
import { capitalised, defineRule, rowName, say, type RuleContext, type RuleFinding } from './rule';
import { numeric, specOf, checkedTables } from './util';
import { acrossHolds, columnIndex } from './arithmetic';
import { insertCellAfter, precedes, removeCell } from './table-edit';
import type { TableSpec } from '../spec/types';
import { labelKey } from '../parse/text';
import { dropsEmptyCells } from '../parse/pdf-rows';
import { addsUpSomewhere, droppedRows } from './dropped-cells';

const rule = defineRule({
  id: 'table-unbalanced',
  defaultSeverity: 'error',
  fixable: 'partly',
  description: { zh: '表格某行的单元格数与列数不符，或表头多出格式中没有的列', en: 'A row has more or fewer cells than the table has columns, or an extra header column' },
  tags: ['table', 'layout'],
  messages: {
    more: { zh: '{label}有 {actual} 个数值，但本表只有 {expected} 列', en: '{label} has {actual} {actual:value|values} but the table has {expected} {expected:column|columns}' },
    fewer: { zh: '{label}只有 {actual} 个数值，本表应有 {expected} 列', en: '{label} has only {actual} {actual:value|values}; the table has {expected} {expected:column|columns}' },
    blankLost: { zh: '{label}只有 {actual} 个数值，本表应有 {expected} 列：缺的一格只能是 0（无论在哪一列，本行都相加一致），应是留空的空白单元格（复制或转换成文字时空白单元格不留痕迹）；空白按 0 计，宜填 0', en: '{label} has only {actual} {actual:value|values}; the table has {expected} {expected:column|columns}: the missing one can only be 0 (in any column the row adds up), so it is a cell left blank (copied or converted text drops blank cells without a trace); blank counts as 0, better write 0' },
    extraHeader: { zh: '表头多出一列“{label}”：{format} 年格式中本表没有此列，也没有数值填写', en: 'Extra header column “{label}”: the {format} format has no such column in this table and no value fills it' },
    removeHeader: { zh: '删除多余的表头“{label}”', en: 'Delete the extra header “{label}”' },
    remove: { zh: '删除多余的单元格（第 {pos} 个）', en: 'Delete the extra cell (number {pos})' },
    insert: { zh: '补上缺失的单元格 {value}（第 {pos} 个）', en: 'Insert the missing cell {value} (number {pos})' },
    dropped: { zh: '表格“{table}”有 {count} 行的数值少于 {expected} 列（如{label}只有 {actual} 个数值）：从 PDF 复制的文字不保留空白单元格，无法判断这些数值各属哪一列；请对照原文核对这些行', en: 'Table “{table}” has {count} {count:row|rows} with fewer than {expected} values (e.g. {label} has {actual}): text copied from a PDF drops empty cells, so which column each value belongs to cannot be told; check these rows against the original' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of checkedTables(report)) {
      const spec = specOf(report, t);
      if (!spec) continue;
      if (t.id.startsWith('t2.')) out.push(...extraHeaders(report, t, spec, ctx));
      // A PDF copy without its empty cells: its short rows are said once, as an info.
      const dropped = dropsEmptyCells(t, spec.columns.length);
      const short: Row[] = [];
      for (const r of t.rows) {
        const expected = spec.columns.length;
        if (r.values.length === expected || (r.values.length === 0 && !r.id)) continue;
        if (dropped && r.values.length < expected) { short.push(r); continue; }
        const label = ctx.lang === 'en' ? capitalised(rowName(r, ctx, { asRow: true, spec, report })) : rowName(r, ctx, { asRow: true, spec, report });
        const first = r.values[0] ?? r.labelCells[0];
        const last = r.values[r.values.length - 1] ?? r.labelCells[r.labelCells.length - 1];
        const rangeCells = r.values.length ? { start: first.range.start, end: last.range.end } : r.range;
        const blank = (t.layout === 'spaced' || t.layout === 'cell-per-line') && lacksOnlyABlank(spec, r);
        out.push({
          range: rangeCells,
          severity: blank ? 'warning' : undefined,
          message: say(rule, ctx, blank ? 'blankLost' : r.values.length > expected ? 'more' : 'fewer', { label, actual: r.values.length, expected }),
          fixes: repair(report, t, spec, r, ctx),
          data: { expected, actual: r.values.length },
        });
      }
      // total-mismatch's one finding for rows that cannot add up says the same of the copy (dropped-cells.ts).
      // In a table of several across totals (表四) a row that adds up under some placement of its values holds
      // nothing to check against the original. 表三's rows (one total, its last column) keep the info: which
      // cell was blank is still worth a look (金井 2023's lone empty 商业企业 cell).
      const d = droppedRows(t, spec);
      // Only rows one space apart: a tab keeps an empty cell, so a tab row short of cells really lost them.
      const unsettled = d ? short : short.filter((r) => !(spaceApart(report, r) && addsUpSomewhere(spec, r)));
      if (unsettled.length && !((d?.neverBalanced.length ?? 0) >= 2)) {
        const r = unsettled[0];
        out.push({
          range: r.range,
          severity: 'info',
          message: say(rule, ctx, 'dropped', { table: spec.name[ctx.lang], count: unsettled.length, expected: spec.columns.length, label: rowName(r, ctx, { asRow: true, spec, report }), actual: r.values.length }),
          data: { expected: spec.columns.length, rows: unsettled.length },
        });
      }
    }
    return out;
  },
});

/** Whether a row's values are separated by single spaces (a PDF viewer's copy), not by tabs. */
function spaceApart(report: Report, r: Row): boolean {
  for (let k = 1; k < r.values.length; k++) {
    const p = r.values[k - 1];
    const c = r.values[k];
    if (c.line !== p.line || report.lines[c.line].slice(p.to, c.from) !== ' ') return false;
  }
  return true;
}

function extraHeaders(report: Report, t: Table, spec: TableSpec, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  const ids = columnIndex(spec);
  // Nearly every table has no header of another table's column: that is known before the counts below.
  if (!t.headers.some((h) => h.columnId && !ids.has(h.columnId))) return out;
  const rowHeader = labelKey(spec.rowHeader ?? '');
  const valueColumns = Math.max(0, ...t.rows.map((r) => r.values.length));
  const headers = t.headers.filter((h) => labelKey(h.cell.text) !== rowHeader);
  headers.forEach((h, k) => {
    if (!h.columnId || ids.has(h.columnId)) return;
    // Only flag a column no value fills: more header cells than values in any row.
    if (headers.length <= valueColumns) return;
    const prev = k > 0 ? headers[k - 1].cell : t.headers[0]?.cell;
    const fixes = prev && prev !== h.cell ? [{ title: say(rule, ctx, 'removeHeader', { label: h.cell.text }), edits: [removeCell(prev, h.cell)], safe: true, numbers: false }] : [];
    out.push({ range: h.cell.range, message: say(rule, ctx, 'extraHeader', { label: h.cell.text, format: report.format }), fixes });
  });
  return out;
}

/** Candidate repairs that make the row's arithmetic hold; a fix only when they all agree. */
function repair(report: Report, t: Table, spec: TableSpec, r: Row, ctx: RuleContext) {
  const expected = spec.columns.length;
  const values = r.values.map((c) => numeric(c));
  const diff = r.values.length - expected;
  if (Math.abs(diff) !== 1 || values.some((v) => v === undefined)) return [];
  const solutions = oneCellRepairs(spec, values, diff);
  if (!solutions) return [];
  // All repairs give the same row: take the last position, which keeps the edit at the row's end.
  const s = solutions[solutions.length - 1];
  if (diff === 1) {
    const prev = s.pos > 0 ? r.values[s.pos - 1] : r.labelCells[r.labelCells.length - 1];
    if (!prev) return [];
    return [{ title: say(rule, ctx, 'remove', { pos: s.pos + 1 }), edits: [removeCell(prev, r.values[s.pos])], safe: true, numbers: true }];
  }
  const prev = s.pos > 0 ? r.values[s.pos - 1] : r.labelCells[r.labelCells.length - 1];
  // No place to write a first cell when the label's last piece stands after the figures (wrapped PDF label).
  if (!prev || (s.pos === 0 && r.values.length && !precedes(prev, r.values[0]))) return [];
  // The new cell must not run into the text after it. One cell per line: it gets its own line, which
  // is only right after the last thing on a line; other layouts: only before a separator or the end.
  const rest = report.lines[prev.range.end.line].slice(prev.range.end.character);
  const safe = t.layout === 'cell-per-line' ? /^[\s|]*$/.test(rest) : /^(?:[ \t]*(?:\||\t|$)| {2,})/.test(rest);
  return [{ title: say(rule, ctx, 'insert', { pos: s.pos + 1, value: s.value ?? 0 }), edits: [insertCellAfter(report, t, prev, String(s.value ?? 0))], safe, numbers: true }];
}

type Repair = { pos: number; values: (number | undefined)[]; value?: number };

/** Every one-cell removal (diff 1) or insertion (diff -1) that makes the row's arithmetic hold, when they all give one row. */
function oneCellRepairs(spec: TableSpec, values: (number | undefined)[], diff: number): Repair[] | undefined {
  const solutions: Repair[] = [];
  const holds = (v: (number | undefined)[]) => (!spec.across?.length ? v.every((x) => x === v[0]) : acrossHolds(spec, v));
  if (diff === 1) {
    for (let p = 0; p < values.length; p++) {
      const v = withoutAt(values, p);
      if (holds(v)) solutions.push({ pos: p, values: v });
    }
  } else {
    for (let p = 0; p <= values.length; p++) {
      for (const candidate of candidatesAt(spec, values, p)) {
        const v = values.slice(0, p).concat([candidate], values.slice(p));
        if (holds(v)) solutions.push({ pos: p, values: v, value: candidate });
      }
    }
  }
  return solutions.length === 0 || !solutions.every((s) => sameValues(s.values, solutions[0].values)) ? undefined : solutions;
}

/** The values without the one at p, in one copy (a row of a fix's every position is tried). */
function withoutAt(values: (number | undefined)[], p: number): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let i = 0; i < values.length; i++) if (i !== p) out.push(values[i]);
  return out;
}

/** Whether two repaired rows are the same figures (compared in place: no string is made per solution). */
function sameValues(a: (number | undefined)[], b: (number | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A row one figure short whose only completion is a 0 (wherever it goes, the row is the same and adds up): the cell the
 * row lacks was left empty — a PDF copy drops empty cells without a trace (平潭 金井片区 2023, 四、结转下年度继续办理
 * `0 0 0 0 0 0`), and so does a saved page with its cells as blocks when the cell holds nothing at all (`<td></td>`).
 * That is a blank cell among figures (blank = 0, R3-4), not a row that does not fit the table. Only asked of texts that
 * drop empty cells (single-space rows, one cell a line): tab- and pipe-separated text keeps them.
 */
function lacksOnlyABlank(spec: TableSpec, r: Row): boolean {
  if (r.values.length !== spec.columns.length - 1) return false;
  const values = r.values.map((c) => numeric(c));
  if (values.some((v) => v === undefined)) return false;
  return oneCellRepairs(spec, values, -1)?.every((s) => s.value === 0) ?? false;
}

/** Values a missing cell at position p could hold: the one that balances the row, or the row's constant. */
function candidatesAt(spec: TableSpec, values: (number | undefined)[], p: number): number[] {
  if (!spec.across?.length) return values.length && values.every((x) => x === values[0]) ? [values[0]!] : [];
  const out = new Set<number>();
  for (let guess = 0; guess <= 1; guess++) {
    const v = values.slice(0, p).concat([0], values.slice(p));
    const idx = columnIndex(spec);
    for (const rule of spec.across) {
      const ti = idx.get(rule.total)!;
      const parts = rule.parts.map((x) => idx.get(x)!);
      if (p === ti) out.add(parts.reduce((a, i) => a + (v[i] ?? 0), 0));
      else if (parts.includes(p)) {
        const rest = parts.filter((i) => i !== p).reduce((a, i) => a + (v[i] ?? 0), 0);
        const val = (v[ti] ?? 0) - rest;
        if (val >= 0) out.add(val);
      }
    }
  }
  return [...out];
}

export default rule;
