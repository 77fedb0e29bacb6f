// Plain pdftotext text whose tables come out with labels and figures apart (parse/separated.ts,
// rule table-unreadable): shaped like test/fixtures/real/*.pdf-raw.txt, built from a clean sample.
// The same tables one cell per line (a copied web page) must be read and checked as before.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import type { Finding } from '../../server/src/model';
import { gridsOf, records } from '../../server/src/cli/exportData';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const LINES = KUNMING.split('\n');
/** 1-based line numbers of the sample's table 三 (heading at 30, rows 34–58) and table 二 blocks. */
const T3_ROWS = [34, 58];
const ROW_RULES = ['table-unbalanced', 'table-label', 'table-row-missing', 'row-numbering', 'total-mismatch', 'balance-mismatch'];

function cellsOf(line: string): string[] {
  return line.split('|').map((c) => c.trim()).filter(Boolean);
}

/** A row line as label + figures (group cells such as 三、本年度办理结果 are written before the label). */
function splitRow(line: string): { labels: string[]; values: string[] } {
  const c = cellsOf(line);
  const values = c.filter((x) => /^\d+$/.test(x));
  return { labels: c.filter((x) => !/^\d+$/.test(x)), values };
}

/** One cell per line, blank lines between, as plain pdftotext prints one-cell blocks. */
const cellPerLine = (cells: string[]) => cells.flatMap((x) => [x, '']);

/**
 * Table 三 as plain pdftotext gives a wide table: the first `own` rows read row by row, then the
 * figures of the next `block` rows as column blocks (one block of `block` lines per column), then
 * their labels, a page number, and the remaining rows row by row again.
 */
function separatedT3(own: number, block: number): string[] {
  const rows = LINES.slice(T3_ROWS[0] - 1, T3_ROWS[1]).map(splitRow);
  const out: string[] = [];
  for (const r of rows.slice(0, own)) out.push(...cellPerLine([...r.labels, ...r.values]));
  const blocked = rows.slice(own, own + block);
  for (let col = 0; col < 7; col++) { for (const r of blocked) out.push(r.values[col]); out.push(''); }
  for (const r of blocked) out.push(...r.labels);
  out.push('', '-3-', '');
  for (const r of rows.slice(own + block)) out.push(...cellPerLine([...r.labels, ...r.values]));
  return out;
}

function withT3(rows: string[]): string {
  const header = LINES.slice(30, 33).flatMap((l) => cellPerLine(cellsOf(l)));
  return [...LINES.slice(0, 30), ...header, ...rows, ...LINES.slice(T3_ROWS[1])].join('\n');
}

function rowsOneCellPerLine(): string[] {
  return LINES.slice(T3_ROWS[0] - 1, T3_ROWS[1]).flatMap((l) => cellPerLine(cellsOf(l)));
}

function inTable(text: string, fs: Finding[], id: string): Finding[] {
  const t = checkText(text).report.tables.find((x) => x.id === id)!;
  return fs.filter((f) => f.range.start.line >= t.range.start.line && f.range.start.line < t.endLine);
}

describe('separated PDF text (plain pdftotext): labels and figures apart', () => {
  it('a table whose figures come as column blocks away from their labels gets one info finding and no row findings', () => {
    const text = withT3(separatedT3(4, 10));
    const { findings, report } = checkText(text);
    const t3 = report.tables.find((t) => t.id === 't3')!;
    assert.ok(t3.unread, 'table 三 is recognised as separated');
    const unread = findings.filter((f) => f.rule === 'table-unreadable');
    assert.equal(unread.length, 1);
    assert.equal(unread[0].severity, 'info');
    assert.match(unread[0].message, /收到和处理政府信息公开申请情况/);
    assert.match(unread[0].message, /pdftotext -layout/);
    assert.match(unread[0].message, /govreport check 报告\.pdf/);
    assert.deepEqual(inTable(text, findings, 't3').filter((f) => ROW_RULES.includes(f.rule)).map((f) => `${f.rule} ${f.message}`), []);
    // The other tables are still read and checked: a wrong total in table 四 is still found.
    const broken = text.replace('0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 2 |', '0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 3 |');
    assert.ok(checkText(broken).findings.some((f) => f.rule === 'total-mismatch'));
  });

  it('without the detection the same text reports its rows as broken (the test can fail)', () => {
    const text = withT3(separatedT3(4, 10));
    const t3 = checkText(text).report.tables.find((t) => t.id === 't3')!;
    const bare = t3.rows.filter((r) => r.id && r.values.length === 0);
    const piled = t3.rows.filter((r) => r.values.length > 7);
    assert.ok(bare.length >= 10 && piled.length >= 1, 'the row-by-row reading leaves labels bare and figures piled');
  });

  it('in such a table a row label missing words from its middle is still flagged; a label cut by a line break is not', () => {
    const slip = withT3(separatedT3(4, 10)).replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const labels = checkText(slip).findings.filter((f) => f.rule === 'table-label');
    assert.deepEqual(labels.map((f) => f.message), ['行名称“2.其他法律行政止公开”不规范，标准名称为“2.其他法律行政法规禁止公开”']);
    const cut = withT3(separatedT3(4, 10)).replace('2.其他法律行政法规禁止公开', '2.其他法律行政法规禁\n止公开').replace('5.属于三类内部事务信息', '5.属于三类内部事务信');
    assert.deepEqual(checkText(cut).findings.filter((f) => f.rule === 'table-label').map((f) => f.message), []);
  });

  it('export gives no figures of such a table (they would be guesses), and every figure of the others', () => {
    const { report } = checkText(withT3(separatedT3(4, 10)));
    const recs = records(gridsOf([{ file: 'r.txt', report }]), true);
    assert.deepEqual(recs.filter((r) => r.ids!.table === 't3'), []);
    assert.ok(recs.some((r) => r.ids!.table === 't4') && recs.some((r) => r.ids!.table === 't2.1'));
  });

  it('sections, title and prose are still checked in such a report', () => {
    const text = withT3(separatedT3(4, 10)).replace('五、存在的主要问题及改进情况', '五、存在的主要问题和改进措施');
    assert.ok(checkText(text).findings.some((f) => f.rule === 'section-title'));
  });

  it('the same table one cell per line (a copied web page) is read and checked as before', () => {
    const text = withT3(rowsOneCellPerLine());
    const { findings, report } = checkText(text);
    const t3 = report.tables.find((t) => t.id === 't3')!;
    assert.equal(t3.unread, undefined);
    assert.equal(t3.rows.filter((r) => r.id && r.values.length === 7).length, 25);
    assert.deepEqual(findings.filter((f) => f.rule === 'table-unreadable'), []);
    assert.deepEqual(findings.filter((f) => ROW_RULES.includes(f.rule)).map((f) => f.message), []);
  });

  it('one cell per line with a row that lost a cell, or has one too many, is table-unbalanced, not unreadable', () => {
    const rows = rowsOneCellPerLine();
    const at = rows.indexOf('2.重复申请');
    const lost = [...rows.slice(0, at + 2), ...rows.slice(at + 4)];
    const extra = [...rows.slice(0, at + 2), '0', '', ...rows.slice(at + 2)];
    for (const [name, r] of [['lost', lost], ['extra', extra]] as const) {
      const { findings, report } = checkText(withT3(r));
      assert.equal(report.tables.find((t) => t.id === 't3')!.unread, undefined, name);
      assert.ok(findings.some((f) => f.rule === 'table-unbalanced' && f.message.includes('重复申请')), name);
      assert.ok(!findings.some((f) => f.rule === 'table-unreadable'), name);
    }
  });

  it('a 表二 block whose figures sit partly after the wrong label (规章 | 0 | 行政规范性文件 77 | 0 0 132 470) is unreadable', () => {
    const block = ['第二十条第(一)项', '信息内容', '本年制发件数 本年废止件数 现行有效件数', '规章', '0', '行政规范性文件 77', '0', '0', '132', '470'];
    const text = [...LINES.slice(0, 15), ...cellPerLine(block), ...LINES.slice(19)].join('\n');
    const { findings, report } = checkText(text);
    assert.ok(report.tables.find((t) => t.id === 't2.1')!.unread);
    assert.equal(findings.filter((f) => f.rule === 'table-unreadable').length, 1);
    assert.ok(!findings.some((f) => f.rule === 'table-unbalanced'));
  });

  it('one bare row and one loose row of figures (本年处理决定数量 | 550 | 行政许可) are read as that row', () => {
    const block = ['第二十条第(五)项', '信息内容', '本年处理决定数量', '550', '行政许可'];
    const text = [...LINES.slice(0, 19), ...cellPerLine(block), ...LINES.slice(22)].join('\n');
    const { findings, report } = checkText(text);
    const t = report.tables.find((x) => x.id === 't2.5')!;
    assert.equal(t.unread, undefined);
    assert.deepEqual(t.rows.map((r) => [r.id, r.values.map((v) => v.text)]), [['licensing', ['550']]]);
    assert.ok(!findings.some((f) => f.rule === 'table-unbalanced' || f.rule === 'table-unreadable'));
  });

  it('two bare rows and loose figures (179 | 0 | 行政处罚 | 行政强制) are not guessed: unreadable', () => {
    const block = ['第二十条第(六)项', '信息内容', '本年处理决定数量', '179', '0', '行政处罚', '行政强制'];
    const text = [...LINES.slice(0, 22), ...cellPerLine(block), ...LINES.slice(26)].join('\n');
    const { findings, report } = checkText(text);
    assert.ok(report.tables.find((x) => x.id === 't2.6')!.unread);
    assert.equal(findings.filter((f) => f.rule === 'table-unreadable').length, 1);
  });

  it('table 四 whose figures come in unequal pieces between header fragments is unreadable; equal sub-tables are read', () => {
    const head = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const pieces = [['0', '0', '0', '0'], ['未经复议直接起诉'], ['0', '2', '0', '0'], ['总计'], ['0'], ['复议后起诉', '结果维持'], ['0', '0', '0', '0', '2'], ['总计'], ['0']];
    const t4At = LINES.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const build = (body: string[][]) => [...LINES.slice(0, t4At), ...cellPerLine([...head, ...body.flat()]), ...LINES.slice(t4At + 5)].join('\n');
    const bad = checkText(build(pieces));
    assert.ok(bad.report.tables.find((t) => t.id === 't4')!.unread);
    assert.ok(!bad.findings.some((f) => f.rule === 'total-mismatch'));
    assert.deepEqual(bad.findings.filter((f) => f.rule === 'table-unreadable').map((f) => f.message.split('，')[0]), ['表格“政府信息公开行政复议、行政诉讼情况”的数值在文本中被表头文字分成 5 段']);
    const sub = [['0', '0', '0', '0', '0'], ['未经复议直接起诉'], ['0', '2', '0', '0', '2'], ['复议后起诉'], ['0', '0', '0', '0', '0']];
    const good = checkText(build(sub));
    const t4 = good.report.tables.find((t) => t.id === 't4')!;
    assert.equal(t4.unread, undefined);
    assert.equal(t4.rows[0].values.length, 15);
  });
});
