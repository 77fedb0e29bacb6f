// Value cells must be numbers of the column's kind: counts are integers ≥ 0, 本年增/减 may be signed,
// amounts may be decimals; no units in count cells, no full-width digits, no letters for digits.
// Empty cells read as 0 (docs/format.md R3-4): one finding per table says where they are.
import type { Cell, Fix, PartialReading, Range, Report, Row, Table, TextEdit } from '../model';
import type { ColumnSpec, TableSpec } from '../spec/types';
import { defineRule, rowName, say, type RuleContext, type RuleFinding } from './rule';
import { specOf, tableAnchor } from './util';
import { blankTotals, grid, sumOf, type BlankTotals, type Grid } from './arithmetic';
import { range } from '../parse/text';

const FULL = /[０-９]/g;
const UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(\S+)$/;

const rule = defineRule({
  id: 'number-invalid',
  defaultSeverity: 'warning',
  fixable: 'partly',
  description: { zh: '应为数字的单元格不是规范数字（带单位、全角数字、负数、小数等）', en: 'A cell that should be a number is not a clean number' },
  tags: ['table', 'number'],
  messages: {
    fullwidth: { zh: '“{text}”使用了全角数字', en: '“{text}” uses full-width digits' },
    unit: { zh: '“{text}”在数字单元格中带有单位：单位应写在表头', en: '“{text}” has a unit inside a numeric cell: put the unit in the header' },
    scaledUnit: { zh: '“{text}”在数字单元格中带有单位“{unit}”：金额单元格中只可写“元”，请换算为元，或把单位写在表头', en: '“{text}” carries the unit “{unit}” inside the cell: only 元 may stand in an amount cell; convert to yuan, or put the unit in the header' },
    dropUnit: { zh: '去掉单位，改为 {value}', en: 'Drop the unit: {value}' },
    separator: { zh: '“{text}”含有千位分隔符', en: '“{text}” contains thousands separators' },
    dash: { zh: '“{text}”按 0 计：没有数据时宜填 0', en: '“{text}” counts as 0: write 0 when there is nothing to count' },
    toZero: { zh: '改为 0', en: 'Write 0' },
    letters: { zh: '“{text}”不是数字，是否为 {value}？', en: '“{text}” is not a number: is it {value}?' },
    useValue: { zh: '改为 {value}', en: 'Write {value}' },
    approx: { zh: '“{text}”不是确切的数字：统计表应填确切件数', en: '“{text}” is not an exact number: the table needs the exact count' },
    negative: { zh: '“{text}”是负数，但本列是件数', en: '“{text}” is negative, but this column counts items' },
    decimal: { zh: '“{text}”是小数，但本列是件数', en: '“{text}” is a decimal, but this column counts items' },
    signed: { zh: '“{text}”带有正号，本列不是增减数', en: '“{text}” carries a plus sign, but this column is not a change' },
    garbled: { zh: '“{text}”位数过多，无法作为数字核对', en: '“{text}” has too many digits to be checked as a number' },
    blanks: { zh: '“{table}”有 {count} 个空白单元格（{where}），其余单元格填了 0：空白按 0 计，宜统一填 0', en: '“{table}” has {count} empty {count:cell|cells} ({where}) while other cells hold 0: empty reads as 0; write 0 throughout' },
    blanksOnly: { zh: '“{table}”有 {count} 个空白单元格（{where}）：空白按 0 计', en: '“{table}” has {count} empty {count:cell|cells} ({where}): empty reads as 0' },
    blanksApart: { zh: '“{table}”取自不分列的文本，其中的数值比表格的单元格少 {count} 个，恰为 {rows} 行（{bare} 行的名称后没有任何数值）：文本不保留空白单元格，这些单元格是空白的（空白按 0 计），而其余单元格填了 0，宜统一填 0', en: '“{table}” comes from text without columns and holds {count} {count:figure|figures} fewer than its cells, {rows} {rows:row|rows}’ worth ({bare} {bare:label stands|labels stand} without any figure): text keeps no empty cell, so those cells are empty (read as 0) while other cells hold 0; write 0 throughout' },
    blanksScattered: { zh: '“{table}”取自不分列的文本，{rows} 行共 {cells} 个单元格，文本中只有 {figures} 个数值{where}：文本不保留空白单元格，所以有 {count} 个单元格是空白的（空白按 0 计），但是哪几格无法从文本判断，请对照 PDF 原件{mixed}', en: '“{table}” comes from text without columns: its {rows} {rows:row has|rows have} {cells} {cells:cell|cells}, but the text holds {figures} {figures:figure|figures}{where}. Text keeps no empty cell, so {count} {count:cell is|cells are} empty (read as 0); which ones, the text does not tell: check the PDF{mixed}' },
    shortAfter: { zh: '（数值不成整行的：{rows}）', en: ' (figures not making whole rows: {rows})' },
    figuresAfter: { zh: '{label}后 {count} 个', en: '{count} after {label}' },
    figuresLoose: { zh: '不在行名称之后的 {count} 个', en: '{count} after no label' },
    unevenMore: { zh: '等共 {count} 处', en: '; {more} more' },
    mixedZeros: { zh: '；其余单元格填了 0，宜统一填 0', en: '; the other cells hold 0: write 0 throughout' },
    blankRow: { zh: '{label}整行', en: 'all of {label}' },
    blankCells: { zh: '{label}的{columns}', en: '{columns} of {label}' },
    more: { zh: '等 {count} 行', en: 'and {count} more {count:row|rows}' },
    blankTotal: { zh: '“{table}”的“{column}”列在 {count} 行空白（{rows}），而这些行的各项填了数：空白按 0 计，总计便与各项之和不符{others}', en: 'Column “{column}” of “{table}” is empty in {count} {count:row|rows} ({rows}) whose parts hold figures: empty reads as 0, so {count:that total disagrees|those totals disagree} with their parts{others}' },
    otherBlanks: { zh: '；另有 {count} 个空白单元格按 0 计', en: '; {count} other empty {count:cell reads|cells read} as 0' },
    fillSums: { zh: '在空白的“{column}”中填写各项之和（{count} 处）', en: 'Write the sum of the parts into the empty “{column}” cells ({count})' },
    andZeros: { zh: '，其余空白单元格填 0（{count} 处）', en: ' and 0 into the other empty cells ({count})' },
    fillZero: { zh: '空白单元格填 0（{count} 处）', en: 'Write 0 into the empty cells ({count})' },
    toAscii: { zh: '改为半角数字 {value}', en: 'Use ASCII digits {value}' },
    dropSep: { zh: '去掉千位分隔符', en: 'Remove the separators' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
      const spec = specOf(report, t);
      if (!spec) continue;
      // A table read without columns whose text lacks whole rows of figures: said once, without a place to fix.
      const apart = t.unread?.partial;
      if (apart?.blank) out.push(apartBlanks(report, ctx, t, spec, apart));
      const blanks: { row: Row; col: number; cell: Cell }[] = [];
      let zeros = 0;
      const recut = t.layout === 'spaced' || t.layout === 'aligned';
      for (const r of t.rows) {
        if (r.values.length !== spec.columns.length) continue;
        r.values.forEach((c, i) => {
          if (c.kind === 'blank') { blanks.push({ row: r, col: i, cell: c }); return; }
          if (c.value === 0) zeros++;
          cellFinding(report, ctx, spec.columns[i], c, out, recut);
        });
      }
      if (!blanks.length) continue;
      const g = grid(report, t);
      const left = g ? blankTotals(g) : [];
      out.push(left.length ? blankTotalFinding(report, ctx, g!, left, blanks) : blankFinding(report, ctx, t, spec, blanks, zeros > 0));
    }
    return out;
  },
});

/** The cell's text as the author wrote it (full-width digits and all). */
function written(report: Report, c: Cell): string {
  return (report.lines[c.line] ?? '').slice(c.from, c.to) || c.text;
}

function cellFinding(report: Report, ctx: RuleContext, col: ColumnSpec, c: Cell, out: RuleFinding[], recut: boolean): void {
  // Most cells are clean counts: nothing to say, nothing to allocate (cells cut from a line by the
  // table parser lost their full-width mark, so those are looked at as written).
  if (!c.numberIssue && !recut && c.value !== null && c.value >= 0 && Number.isInteger(c.value) && c.text.charCodeAt(0) !== 43) return;
  const text = written(report, c);
  // `numbers`: whether the fix changes a figure as read (a dash or a blank already reads as 0).
  const fix = (title: string, newText: string, safe: boolean, numbers = false): Fix => ({ title, edits: [{ range: c.range, newText }], safe, numbers });
  switch (c.numberIssue) {
    case 'fullwidth': {
      const ascii = text.replace(FULL, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      out.push({ range: c.range, message: say(rule, ctx, 'fullwidth', { text }), fixes: [fix(say(rule, ctx, 'toAscii', { value: ascii }), ascii, true)] });
      return;
    }
    case 'separator':
      out.push({ range: c.range, message: say(rule, ctx, 'separator', { text }), fixes: [fix(say(rule, ctx, 'dropSep'), c.text.replace(/,/g, ''), true)] });
      return;
    case 'unit': return unitFinding(ctx, col, c, text, out);
    // A dash or 无 reads as 0 already: writing 0 does not change the figure.
    case 'dash': out.push({ range: c.range, message: say(rule, ctx, 'dash', { text }), severity: 'info', fixes: [fix(say(rule, ctx, 'toZero'), '0', true)] }); return;
    case 'letters': {
      // l/I for 1 and O/o for 0 is the only reading; still a guess at the author's figure, so offered only.
      const value = c.text.replace(/[lI]/g, '1').replace(/[Oo]/g, '0').replace(/^0+(?=\d)/, '');
      out.push({ range: c.range, message: say(rule, ctx, 'letters', { text, value }), fixes: [fix(say(rule, ctx, 'useValue', { value }), value, false, true)] });
      return;
    }
    case 'approx': out.push({ range: c.range, message: say(rule, ctx, 'approx', { text }) }); return;
    case 'garbled': out.push({ range: c.range, message: say(rule, ctx, 'garbled', { text }) }); return;
  }
  if (hasFullWidth(text)) {
    const ascii = text.replace(FULL, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    out.push({ range: c.range, message: say(rule, ctx, 'fullwidth', { text }), fixes: [fix(say(rule, ctx, 'toAscii', { value: ascii }), ascii, true)] });
    return;
  }
  const v = c.value ?? 0;
  if (col.kind === 'signed') return;
  if (v < 0) out.push({ range: c.range, message: say(rule, ctx, 'negative', { text }) });
  else if (!Number.isInteger(v) && col.kind === 'count') out.push({ range: c.range, message: say(rule, ctx, 'decimal', { text }) });
  else if (c.text.startsWith('+')) out.push({ range: c.range, message: say(rule, ctx, 'signed', { text }), severity: 'hint' });
}

function hasFullWidth(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0xff10 && c <= 0xff19) return true; }
  return false;
}

/**
 * Units: a count cell carries none (12项 → 12, the figure unchanged). An amount without a unit in the
 * format (采购总金额, docs/format.md §2.3) may carry 元 in the cell; a scaled unit (万元) makes the figure
 * read as yuan wrong. A money column states its unit in the header: the same unit again is harmless.
 */
function unitFinding(ctx: RuleContext, col: ColumnSpec, c: Cell, text: string, out: RuleFinding[]): void {
  const m = UNIT.exec(c.text);
  const unit = m?.[2] ?? '';
  const value = m?.[1] ?? '';
  if (col.kind === 'amount') {
    if (unit === '元') return;
    out.push({ range: c.range, message: say(rule, ctx, 'scaledUnit', { text, unit }) });
    return;
  }
  if (col.kind === 'money') {
    if (unit !== '%' && col.label.includes(`单位：${unit}`)) return;
    out.push({ range: c.range, message: say(rule, ctx, 'unit', { text }) });
    return;
  }
  out.push({ range: c.range, message: say(rule, ctx, 'unit', { text }), fixes: value ? [{ title: say(rule, ctx, 'dropUnit', { value }), edits: [{ range: c.range, newText: value }], safe: false, numbers: false }] : [] });
}

/** One finding for all empty cells of a table: where they are, and one fix writing 0 into each. */
function apartBlanks(report: Report, ctx: RuleContext, t: Table, spec: TableSpec, p: PartialReading): RuleFinding {
  let zeros = 0;
  for (const cells of p.known.values()) for (const c of cells) if (c.value === 0) zeros++;
  for (const v of p.pool) if (v === 0) zeros++;
  const mixed = zeros > p.blank;
  // Said beside the total the blank rows add into (表三's （七）总计: the spec's column-sum row), as the blank-cell
  // finding of a table read by columns is; that label not read, on the table's first line.
  const totalId = spec.down?.[0]?.total;
  const total = totalId === undefined ? undefined : p.labels.get(totalId);
  const range = total?.labelRange ?? total?.range ?? tableAnchor(report, t);
  if (p.scattered) return scatteredBlanks(report, ctx, t, spec, p, mixed, range);
  const bare = p.open.filter((id) => !p.labels.get(id)?.values.length).length;
  return {
    range,
    severity: mixed ? 'warning' : 'info',
    message: say(rule, ctx, 'blanksApart', { table: spec.name[ctx.lang], count: p.blank, rows: p.blank / p.width, bare }),
    data: { blanks: p.blank, table: t.id },
  };
}

/**
 * Blank cells that make no whole rows (parse/separated-short.ts): how many is certain, where is not. Said
 * once, with the rows whose figures do not come in whole rows as the text has them; no fix, as any would
 * guess the cells.
 */
function scatteredBlanks(report: Report, ctx: RuleContext, t: Table, spec: TableSpec, p: PartialReading, mixed: boolean, range: Range): RuleFinding {
  const uneven: string[] = [];
  let count = 0;
  for (const r of t.rows) {
    if (!r.values.length || r.values.length % p.width === 0) continue;
    if (++count > 3) continue;
    uneven.push(r.labelCells.length ? say(rule, ctx, 'figuresAfter', { label: rowName(r, ctx, { spec, report }), count: r.values.length }) : say(rule, ctx, 'figuresLoose', { count: r.values.length }));
  }
  const more = count > 3 ? say(rule, ctx, 'unevenMore', { count, more: count - 3 }) : '';
  return {
    range,
    severity: mixed ? 'warning' : 'info',
    message: say(rule, ctx, 'blanksScattered', {
      table: spec.name[ctx.lang], rows: p.open.length, cells: p.open.length * p.width, figures: p.pool.length - p.blank, count: p.blank,
      where: uneven.length ? say(rule, ctx, 'shortAfter', { rows: uneven.join(ctx.lang === 'zh' ? '、' : ', ') + more }) : '',
      mixed: mixed ? say(rule, ctx, 'mixedZeros', {}) : '',
    }),
    data: { blanks: p.blank, table: t.id },
  };
}

function blankFinding(report: Report, ctx: RuleContext, t: Table, spec: TableSpec, blanks: { row: Row; col: number; cell: Cell }[], mixed: boolean): RuleFinding {
  const byRow = new Map<Row, number[]>();
  for (const b of blanks) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b.col]);
  const parts: string[] = [];
  for (const [row, cols] of byRow) {
    if (parts.length === 3) { parts.push(say(rule, ctx, 'more', { count: byRow.size - 3 })); break; }
    const label = rowName(row, ctx, { spec, report });
    parts.push(cols.length === spec.columns.length ? say(rule, ctx, 'blankRow', { label }) : say(rule, ctx, 'blankCells', { label, columns: cols.map((i) => spec.columns[i].label).join('、') }));
  }
  const edits = zeroEdits(report, t, blanks.map((b) => b.cell));
  const first = blanks[0].row;
  // Rows left blank throughout are said where they end, next to the total below them.
  const whole = [...byRow.values()].every((cols) => cols.length === spec.columns.length);
  const where: Range = whole ? blanks[blanks.length - 1].cell.range : first.range ?? blanks[0].cell.range;
  return {
    range: where,
    severity: mixed ? 'warning' : 'info',
    message: say(rule, ctx, mixed ? 'blanks' : 'blanksOnly', { table: spec.name[ctx.lang], count: blanks.length, where: parts.join('；') }),
    // An empty cell reads as 0 (docs/format.md R3-4): writing 0 states the same figure. A row whose label took in
    // figures (…处理其0000000政府信息…, lines run together) has its cells elsewhere: the zeros written would be read
    // into the label again and fix-all would write them pass after pass — offered, not applied unseen.
    fixes: [{ title: say(rule, ctx, 'fillZero', { count: blanks.length }), edits, safe: ![...byRow.keys()].some((r) => /[0-9０-９]/.test(r.label)), numbers: false }],
    data: { blanks: blanks.length, table: t.id },
  };
}

/**
 * A total column left blank beside filled parts (上海 2019 表三 总计 in rows （一）–（六）): one warning for the
 * table naming the column and rows — total-mismatch leaves those rows and that column to this finding. The sums
 * are the author's figures only by inference, so writing them is offered, never applied unseen.
 */
function blankTotalFinding(report: Report, ctx: RuleContext, g: Grid, left: BlankTotals[], blanks: { row: Row; col: number; cell: Cell }[]): RuleFinding {
  const totals = new Set<Cell>();
  const sums: TextEdit[] = [];
  const rows: string[] = [];
  for (const { rule: sum, rows: ids } of left) {
    for (const id of ids) {
      const { row, values } = g.rows.get(id)!;
      const cell = row.values[g.col(sum.total)];
      totals.add(cell);
      sums.push(zeroInto(report, cell, String(sumOf(sum.parts.map((p) => values[g.col(p)])))));
      if (rows.length < 3) rows.push(rowName(row, ctx, { spec: g.spec, report }));
    }
  }
  const column = left.map((x) => g.spec.columns[g.col(x.rule.total)].label).join('、');
  const others = blanks.filter((b) => !totals.has(b.cell));
  const first = g.rows.get(left[0].rows[0])!.row.values[g.col(left[0].rule.total)];
  // One fix for both: writing 0 into the other blanks alone would leave the blank totals at the rows' ends,
  // where the parser reads them as padding once no other cell of the table is empty.
  const edits = [...sums, ...others.map((b) => zeroInto(report, b.cell))];
  const title = say(rule, ctx, 'fillSums', { column, count: sums.length }) + (others.length ? say(rule, ctx, 'andZeros', { count: others.length }) : '');
  const fixes: Fix[] = [{ title, edits, safe: false, numbers: true }];
  return {
    range: first.range,
    severity: 'warning',
    message: say(rule, ctx, 'blankTotal', {
      table: g.spec.name[ctx.lang], column, count: sums.length,
      rows: rows.join('、') + (sums.length > rows.length ? say(rule, ctx, 'more', { count: sums.length - rows.length }) : ''),
      others: others.length ? say(rule, ctx, 'otherBlanks', { count: others.length }) : '',
    }),
    fixes,
    data: { blanks: blanks.length, blankTotals: sums.length, table: g.table.id },
  };
}

/**
 * Zeros for empty cells. A row whose text dropped its empty cells has them all at the end of its label
 * (parse/blank-rows.ts): one edit writes them there, each on a line of its own in a one-cell-per-line table.
 */
function zeroEdits(report: Report, t: Table, cells: Cell[]): TextEdit[] {
  const at = new Map<string, Cell[]>();
  for (const c of cells) {
    const key = `${c.line}:${c.from}`;
    at.set(key, [...(at.get(key) ?? []), c]);
  }
  const out: TextEdit[] = [];
  for (const group of at.values()) {
    const c = group[0];
    const line = report.lines[c.line] ?? '';
    const afterText = c.from > 0 && c.from >= line.length && line.trim() !== '';
    if (t.layout === 'cell-per-line' && afterText) {
      out.push({ range: range(c.line, line.length, c.line, line.length), newText: `${report.eol}0`.repeat(group.length) });
      continue;
    }
    const one = zeroInto(report, c);
    out.push(group.length === 1 ? one : { range: one.range, newText: one.newText.repeat(group.length) });
  }
  return out;
}

/** Writes 0 (or a figure) into an empty cell: between tabs as is, between pipes with a space each side. */
function zeroInto(report: Report, c: Cell, text = '0'): TextEdit {
  const line = report.lines[c.line] ?? '';
  const at = Math.min(c.from, line.length);
  const padded = line[at - 1] === ' ' && line[at] === '|';
  // An empty cell placed by its column (pdftotext -layout) can sit at the end of its line, after a figure:
  // the written figure must not join the figure beside it.
  const apart = (ch: string | undefined) => ch === undefined || /[\s|]/.test(ch);
  const newText = padded ? `${text} ` : (apart(line[at - 1]) ? '' : ' ') + text + (apart(line[at]) ? '' : ' ');
  return { range: range(c.line, at, c.line, at), newText };
}

export default rule;
