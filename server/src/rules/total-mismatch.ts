// Totals equal the sum of their parts: the 总计 column (across), the （七）总计 row (down) and
// the review/litigation totals. When one part cell explains both a row and a column that
// disagree, that cell is the culprit and the fix corrects it instead of the totals.
import type { Cell, Fix, Report, Table } from '../model';
import { defineRule, rowName, say, type RuleContext, type RuleFinding } from './rule';
import { blankTotals, grid, sumAt, sumColumn, sumOf, type Grid } from './arithmetic';
import { droppedRows } from './dropped-cells';
import { apartFaults, showBound } from './separated-sums';
import { parityFault } from './separated-parity';
import { specOf } from './util';

const rule = defineRule({
  id: 'total-mismatch',
  defaultSeverity: 'error',
  fixable: 'yes',
  description: { zh: '总计不等于各分项之和', en: 'A total differs from the sum of its parts' },
  tags: ['arithmetic', 'table'],
  messages: {
    across: { zh: '{row}的{total} {actual} ≠ 各项之和 {expected}（{parts}）', en: '{row}: {total} {actual} ≠ sum of parts {expected} ({parts})' },
    down: { zh: '“{column}”列的（七）总计 {actual} ≠ 各办理结果之和 {expected}', en: 'Column “{column}”: (七) total {actual} ≠ sum of outcomes {expected}' },
    culprit: { zh: '此数与所在行的合计和所在列的合计都不一致：按两处合计，应为 {expected}', en: 'This value disagrees with both its row total and its column total: both imply {expected}' },
    fixTotal: { zh: '将总计改为 {expected}', en: 'Set the total to {expected}' },
    fixCell: { zh: '将此数改为 {expected}', en: 'Change this value to {expected}' },
    apartAcross: { zh: '{row}的{total} {actual} ≠ 各项之和 {expected}（{apart}）', en: '{row}: {total} {actual} ≠ sum of parts {expected} ({apart})' },
    apartDown: { zh: '“{column}”列的（七）总计 {actual} ≠ 各办理结果之和 {expected}（{apart}）', en: 'Column “{column}”: (七) total {actual} ≠ sum of outcomes {expected} ({apart})' },
    apartDownAll: { zh: '（七）总计各列（{columns}）之和 {actual} ≠ 各办理结果各列之和 {expected}（{apart}）', en: '(七) total over every column ({columns}) {actual} ≠ the outcomes over every column {expected} ({apart})' },
    apartParity: { zh: '“{table}”取自不分列的文本，数值无法逐格对应；但全表 {figures} 个数值之和 {sum} 是奇数，而每行的“{total}”等于各项之和时，全表之和是“{total}”列之和的两倍，必为偶数：无论怎样对应，至少有一行的“{total}”与各项之和不符（“{total}”空白或填错，空白按 0 计）；是哪一行无法从文本判断，请对照 PDF 原件核对', en: 'Table “{table}” comes from text without columns and its figures cannot be matched cell by cell; but its {figures} figures add up to {sum}, an odd number, while a table whose every “{total}” is the sum of its row’s parts adds up to twice its “{total}” column, an even number: however the figures are placed, some row’s “{total}” differs from the sum of its parts (blank or wrong; blank reads as 0). Which row, the text does not tell: check against the PDF' },
    apart: { zh: '该表取自不分列的文本，行名称与数值分开排列，无法逐格对应；但无论怎样对应，此处都对不上', en: 'the table comes from text without columns, its labels and figures apart and not matched cell by cell; but however they are matched, this does not add up' },
    dropped: { zh: '“{table}”有 {count} 行（如{row}：{values}）的“{total}”与各项之和对不上：从 PDF 复制的文字不保留空白单元格，这些数虽无法判断各属哪一列，但最后一个数都不等于其余之和，即{total}一栏空白（空白按 0 计）或填错；请对照原文核对', en: '“{table}”: {count} {count:row|rows} (e.g. {row}: {values}) {count:does|do} not add up to {count:its|their} “{total}”: text copied from a PDF drops empty cells, so which column each value is in cannot be told, but in none of them is the last value the sum of the others — the {total} cell is empty (read as 0) or wrong; check against the original' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
      const g = grid(report, t);
      if (g && (g.spec.across?.length || g.spec.down?.length)) out.push(...checkGrid(report, g, ctx));
      if (t.unread?.partial) out.push(...apartTotals(report, t, ctx));
      // A PDF copy's short rows are not in the grid; what is certain of their totals is said once a table.
      const spec = g?.spec ?? specOf(report, t);
      const never = spec && droppedRows(t, spec)?.neverBalanced;
      if (spec && never?.length) {
        const r = never[0];
        out.push({
          range: r.range,
          // Several rows: the column was left out (a warning, like a blank total column); one row is a sum error.
          severity: never.length >= 2 ? 'warning' : undefined,
          message: say(rule, ctx, 'dropped', { table: spec.name[ctx.lang], count: never.length, row: rowName(r, ctx, { spec, report }), values: r.values.map((c) => c.text).join(' '), total: spec.columns[spec.columns.length - 1].label }),
          data: { rows: never.length },
        });
      }
    }
    return out;
  },
});

/** The sums of a table read without columns that fail however its figures are placed (separated-sums.ts). */
function apartTotals(report: Report, t: Table, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  const faults = apartFaults(report, t);
  // A row's total already certain to be wrong says all the whole table's sum would.
  if (!faults.some((f) => f.kind === 'across')) out.push(...apartParity(report, t, ctx));
  for (const f of faults) {
    if (f.kind === 'balance') continue;
    const columns = f.spec.columns;
    const vars = { apart: say(rule, ctx, 'apart', {}), actual: showBound(f.side), expected: showBound(f.other) };
    const message = f.kind === 'across'
      ? say(rule, ctx, 'apartAcross', { ...vars, row: rowName(f.row, ctx, { spec: f.spec, report }), total: columns[columns.length - 1].label })
      : f.column === undefined
        ? say(rule, ctx, 'apartDownAll', { ...vars, columns: columns.map((c) => c.label).join('、') })
        : say(rule, ctx, 'apartDown', { ...vars, column: columns[f.column].label });
    out.push({ range: f.row.labelRange ?? f.row.range, message, data: { apart: 1 } });
  }
  return out;
}

/** The whole table's sum, when it fails whatever the placement (separated-parity.ts): said once, on its first row. */
function apartParity(report: Report, t: Table, ctx: RuleContext): RuleFinding[] {
  const f = parityFault(report, t);
  if (!f) return [];
  const total = f.spec.columns.find((c) => c.id === f.spec.across![0].total)!.label;
  return [{ range: f.row.labelRange ?? f.row.range, message: say(rule, ctx, 'apartParity', { table: f.spec.name[ctx.lang], figures: f.figures, sum: f.sum, total }), data: { apart: 1, sum: f.sum } }];
}

interface Miss { rowId: string; colId: string; cell: Cell; actual: number; expected: number; kind: 'across' | 'down'; parts: string; rows: string[] }

function checkGrid(report: Report, g: Grid, ctx: RuleContext): RuleFinding[] {
  const misses: Miss[] = [];
  const cols = g.spec.columns;
  // A total column left blank in several filled rows is number-invalid's one finding for the table, not
  // one error per row plus one for the column's grand total (which then sums blanks).
  const left = blankTotals(g);
  // Column positions and part rows are looked up once per sum rule, not once per row or column, and the
  // sums are added in place: this runs for every table of every check, and nearly every sum holds.
  for (const rule of g.spec.across ?? []) {
    const blankRows = new Set(left.find((x) => x.rule === rule)?.rows);
    const ti = g.col(rule.total);
    const pi = rule.parts.map((p) => g.col(p));
    for (const [rowId, { row, values }] of g.rows) {
      if (blankRows.has(rowId)) continue;
      const total = values[ti];
      if (total === undefined) continue;
      const sum = sumAt(values, pi);
      if (sum === undefined || total === sum) continue;
      misses.push({ rowId, colId: rule.total, cell: row.values[ti], actual: total, expected: sum, kind: 'across', parts: pi.map((i) => values[i]).join('+'), rows: [rowId] });
    }
  }
  for (const rule of g.spec.down ?? []) {
    const totalRow = g.rows.get(rule.total);
    // Every part row must be readable; a missing row is table-row-missing's finding, not a sum error.
    if (!totalRow || rule.parts.some((p) => !g.rows.has(p))) continue;
    const partValues = rule.parts.map((p) => g.rows.get(p)!.values);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      if (left.some((x) => x.rule.total === c.id && x.rows.some((r) => rule.parts.includes(r)))) continue;
      const total = totalRow.values[i];
      if (total === undefined) continue;
      const sum = sumColumn(partValues, i);
      if (sum === undefined || total === sum) continue;
      misses.push({ rowId: rule.total, colId: c.id, cell: totalRow.row.values[i], actual: total, expected: sum, kind: 'down', parts: '', rows: [rule.total, ...rule.parts] });
    }
  }
  const out: RuleFinding[] = [];
  const used = new Set<Miss>();
  // One wrong cell breaks one row sum and one column sum by the same amount: find such pairs. A total
  // column left at 0 in every row whose parts hold figures was never filled in: its row misses say so
  // themselves, and no part cell is to blame for them (平潭海坛 2024 表三).
  const unfilled = unfilledTotals(misses);
  for (const a of misses.filter((m) => m.kind === 'across' && !unfilled.has(m.colId))) {
    for (const d of misses.filter((m) => m.kind === 'down')) {
      if (used.has(a) || used.has(d)) continue;
      const c = culprit(g, a, d);
      if (c === undefined) continue;
      used.add(a); used.add(d);
      const cell = g.rows.get(a.rowId)!.row.values[g.col(d.colId)];
      out.push({
        range: cell.range,
        message: say(rule, ctx, 'culprit', { expected: c }),
        fixes: ambiguous(g, [...a.rows, ...d.rows]) ? undefined : [fix(say(rule, ctx, 'fixCell', { expected: c }), cell, c)],
        data: { expected: c },
      });
    }
  }
  for (const m of misses) {
    if (used.has(m)) continue;
    const colLabel = cols.find((c) => c.id === m.colId)?.label ?? m.colId;
    const rowLabel = rowName(g.rows.get(m.rowId)!.row, ctx, { spec: g.spec, report });
    out.push({
      range: m.cell.range,
      message: m.kind === 'across'
        ? say(rule, ctx, 'across', { row: rowLabel, total: colLabel, actual: m.actual, expected: m.expected, parts: m.parts })
        : say(rule, ctx, 'down', { column: colLabel, actual: m.actual, expected: m.expected }),
      fixes: ambiguous(g, m.rows) ? undefined : [fix(say(rule, ctx, 'fixTotal', { expected: m.expected }), m.cell, m.expected, totalIsSafe(g, m))],
      data: { expected: m.expected, actual: m.actual },
    });
  }
  return out;
}

/** Whether the table holds one of these rows more than once (a repeated line, a label pasted twice): the grid
 * reads the first copy, but which copy the author's figures belong to cannot be told, so no value is offered —
 * writing it into the first copy may not change what is read (fuzz seed 1930: （七）总计 fifteen times). */
function ambiguous(g: Grid, ids: string[]): boolean {
  const seen = new Set<string>();
  for (const r of g.table.rows) {
    if (!r.id || !ids.includes(r.id)) continue;
    if (seen.has(r.id)) return true;
    seen.add(r.id);
  }
  return false;
}

/** Total columns that are 0 in two or more rows whose parts add up to more, and never anything else wrong. */
function unfilledTotals(misses: Miss[]): Set<string> {
  const zero = new Map<string, number>();
  const other = new Set<string>();
  for (const m of misses) {
    if (m.kind !== 'across') continue;
    if (m.actual === 0) zero.set(m.colId, (zero.get(m.colId) ?? 0) + 1);
    else other.add(m.colId);
  }
  const out = new Set<string>();
  for (const [col, n] of zero) if (n >= 2 && !other.has(col)) out.add(col);
  return out;
}

/** Value for cell (across row, down column) that satisfies both sums, if one exists. */
function culprit(g: Grid, a: Miss, d: Miss): number | undefined {
  const row = g.rows.get(a.rowId)!;
  const ci = g.col(d.colId);
  const current = row.values[ci];
  if (current === undefined) return undefined;
  // Changing the cell by x shifts the row's difference and the column's difference together.
  const rowDelta = a.actual - a.expected; // total − Σparts
  const colDelta = d.actual - d.expected;
  const acrossRule = g.spec.across!.find((r) => r.total === a.colId)!;
  const inRowAsTotal = d.colId === acrossRule.total;
  const inColAsTotal = a.rowId === d.rowId;
  // New value v = current + x must zero both differences.
  const xRow = inRowAsTotal ? -rowDelta : rowDelta;
  const xCol = inColAsTotal ? -colDelta : colDelta;
  if (!acrossRule.parts.includes(d.colId) && !inRowAsTotal) return undefined;
  const downRule = g.spec.down!.find((r) => r.total === d.rowId)!;
  if (!downRule.parts.includes(a.rowId) && !inColAsTotal) return undefined;
  if (xRow !== xCol) return undefined;
  const v = current + xRow;
  return v >= 0 ? v : undefined;
}

/** Setting a total is safe unless the balance rule shows that total agrees with the other totals. */
function totalIsSafe(g: Grid, m: Miss): boolean {
  for (const b of g.spec.balance ?? []) {
    if (![...b.left, ...b.right].includes(m.rowId)) continue;
    const i = g.col(m.colId);
    const side = (ids: string[]) => sumOf(ids.map((id) => g.rows.get(id)?.values[i]));
    const l = side(b.left), r = side(b.right);
    if (l !== undefined && r !== undefined && l === r) return false;
  }
  return true;
}

function fix(title: string, cell: Cell, value: number, safe = true): Fix {
  return { title, edits: [{ range: cell.range, newText: String(value) }], safe: safe && Number.isSafeInteger(value), numbers: true };
}

export default rule;
