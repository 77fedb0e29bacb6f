// Plain pdftotext keeps no empty cell. When a table's labels and figures also come apart (the labels of
// the last rows printed after the table, as in the 平潭 片区 reports), the figures left fit no row count:
// 金井 2023 has one cell short after （七）总计, 上海 2019 表三 most of the table blank. How many cells are
// blank is still certain, and so is a sum over every cell that fails in every placement of the figures
// (parse/separated-short.ts, rules/separated-parity.ts). The table's figures are kunming-xishan-health-2022's.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { pagesMarked } from '../../server/src/parse/separated-short';

const PIPE = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
const HEAD = 29; // 0-based index of the heading 三、收到和处理…; rows on 1-based lines 34–58
const ROWS = PIPE.slice(33, 58).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
const isFigure = (c: string) => /^\d+$/.test(c);
const at = (label: string) => ROWS.findIndex((r) => r.some((c) => c.includes(label)));
// Labels of several lines are printed after the table; their figures stay after 4.无正当理由大量反复申请's.
const LATE = [at('5.要求'), at('1.申请人'), at('2.申请人'), at('3.其他')];

type Grid = (number | null)[][];
const gridOf = (): Grid => ROWS.map((r) => r.filter(isFigure).map(Number));
const set = (g: Grid, label: string, cells: (number | null)[]) => { g[at(label)] = cells; };

/**
 * Table 三 as plain pdftotext prints such a page: a cell per line, an empty line after each, blank cells
 * (null) dropped, the LATE labels after 四、结转下年度继续办理. The figures of the first `early` rows come
 * in one run before the first label (上海 2019). `page` goes between two rows (before row `pageAt`).
 */
function raw(g: Grid, { page = [] as string[], pageAt = at('1.信访'), early = 0 } = {}): string {
  const cells = (xs: string[]) => xs.flatMap((c) => [c, '']);
  const figures = (j: number) => cells(g[j].filter((v): v is number => v !== null).map(String));
  const header = PIPE.slice(HEAD + 1, HEAD + 4).flatMap((l) => cells(l.split('|').map((c) => c.trim()).filter(Boolean)));
  const body: string[] = [];
  const late: string[] = [];
  for (let j = 0; j < early; j++) body.push(...figures(j));
  ROWS.forEach((r, j) => {
    if (j === pageAt) body.push(...page);
    const labels = r.filter((c) => !isFigure(c));
    if (LATE.includes(j)) late.push(...labels);
    else body.push(...cells(labels));
    if (j >= early) body.push(...figures(j));
  });
  return [...PIPE.slice(0, HEAD + 1), ...header, ...body, ...late, '', ...PIPE.slice(58)].join('\n');
}

const findings = (text: string, rule: string) => checkText(text).findings.filter((f) => f.rule === rule);
const sums = (text: string) => checkText(text).findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'balance-mismatch');
const t3 = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!;
const lineOf = (text: string, f: { range: { start: { line: number } } }) => text.split('\n')[f.range.start.line];
const show = (fs: { rule: string; message: string }[]) => fs.map((f) => `${f.rule} ${f.message}`).join('\n');

describe('plain pdftotext: blank cells of a table read without columns, by count', () => {
  it('the table without blanks is read as before: its figures put back, nothing about blanks', () => {
    const text = raw(gridOf());
    assert.equal(t3(text).unread, undefined, 'the late rows get their figures back (separated-rows.ts)');
    assert.deepEqual(show(findings(text, 'number-invalid')), '');
  });

  it('one cell short (金井 2023): one warning that one cell is blank, where the text falls short, no fix, no sum', () => {
    const g = gridOf();
    set(g, '四、结转下年度', [0, null, 0, 0, 0, 0, 0]);
    const text = raw(g);
    const t = t3(text);
    assert.ok(t.unread?.partial?.scattered, 'read as a count: every row open');
    assert.equal(t.unread.partial.blank, 1);
    assert.equal(t.unread.partial.known.size, 0, 'no row is certain when a cell may be missing from any');
    const f = findings(text, 'number-invalid');
    assert.equal(f.length, 1, show(f));
    assert.equal(f[0].severity, 'warning', 'the other cells hold 0: blanks mixed with zeros');
    assert.match(f[0].message, /25 行共 175 个单元格，文本中只有 174 个数值（数值不成整行的：“四、结转下年度继续办理”后 6 个）/);
    assert.match(f[0].message, /有 1 个单元格是空白的（空白按 0 计），但是哪几格无法从文本判断，请对照 PDF 原件/);
    assert.deepEqual(f[0].fixes ?? [], [], 'any fix would guess the cell');
    assert.equal(lineOf(text, f[0]), '(七)总计');
    assert.deepEqual(show(sums(text)), '', 'blank reads as 0: every sum can hold');
    assert.ok(findings(text, 'table-unreadable').length === 1, 'the table is still said to be unread');
    // English too.
    const en = checkText(text, { lang: 'en' }).findings.find((x) => x.rule === 'number-invalid');
    assert.match(en?.message ?? '', /holds 174 figures \(figures not making whole rows: 6 after “四、结转下年度继续办理”\)/);
  });

  it('blanks somewhere in the middle: the rows where the text falls short are named, the count is exact', () => {
    const g = gridOf();
    set(g, '1.本机关不掌握', [2, null, null, 0, 0, 0, 2]);
    set(g, '2.重复申请', [0, 0, 0, null, 0, 0, 0]);
    const text = raw(g);
    const f = findings(text, 'number-invalid');
    assert.equal(f.length, 1, show(f));
    assert.match(f[0].message, /文本中只有 172 个数值（数值不成整行的：“1.本机关不掌握相关政府信息”后 5 个、“2.重复申请”后 6 个）：.*有 3 个单元格是空白的/);
  });

  it('most of the table blank and the 总计 column left blank (上海 2019): the blanks, and a 总计 wrong in every placement', () => {
    // Every 0 left blank; 总计 blank in the result rows: 新收 5 = 5, 予以公开 3, 不掌握 2, （七）总计 5 = 5.
    const g: Grid = gridOf().map((r) => r.map((v) => (v === 0 ? null : v)));
    set(g, '一、本年新收', [5, null, null, null, null, null, 5]);
    set(g, '(一)予以公开', [3, null, null, null, null, null, null]);
    set(g, '1.本机关不掌握', [2, null, null, null, null, null, null]);
    set(g, '(七)总计', [5, null, null, null, null, null, 5]);
    const text = raw(g, { early: 2 });
    const blanks = findings(text, 'number-invalid');
    assert.equal(blanks.length, 1, show(blanks));
    assert.equal(blanks[0].severity, 'info', 'no cell holds 0: blanks only');
    assert.match(blanks[0].message, /有 169 个单元格是空白的/);
    const s = sums(text);
    assert.equal(s.length, 1, show(s));
    assert.equal(s[0].rule, 'total-mismatch');
    assert.equal(s[0].severity, 'error');
    assert.match(s[0].message, /全表 6 个数值之和 25 是奇数.*至少有一行的“总计”与各项之和不符/);
    assert.deepEqual(s[0].fixes ?? [], []);
    assert.equal(lineOf(text, s[0]), '一、本年新收政府信息公开申请数量', 'said once, where the table\'s rows start');
  });

  it('the same blanks with every 总计 filled: the sum is even, no sum finding, the blanks still said', () => {
    const g: Grid = gridOf().map((r) => r.map((v) => (v === 0 ? null : v)));
    set(g, '一、本年新收', [5, null, null, null, null, null, 5]);
    set(g, '(一)予以公开', [3, null, null, null, null, null, 3]);
    set(g, '1.本机关不掌握', [2, null, null, null, null, null, 2]);
    set(g, '(七)总计', [5, null, null, null, null, null, 5]);
    const text = raw(g, { early: 2 });
    assert.deepEqual(show(sums(text)), '');
    assert.match(findings(text, 'number-invalid')[0]?.message ?? '', /有 167 个单元格是空白的/);
  });

  it('an odd sum with a wrong 总计 somewhere the text cannot place, among zeros', () => {
    const g = gridOf();
    set(g, '1.本机关不掌握', [2, 0, 0, 0, 0, 0, 3]);
    set(g, '3.其他', [0, 0, null, 0, 0, 0, 0]);
    const s = sums(raw(g));
    assert.equal(s.length, 1, show(s));
    assert.match(s[0].message, /全表 174 个数值之和 37 是奇数/);
  });

  it('not when a text cell holds a digit that is no ordinal: a figure may be glued to it', () => {
    // No cell is blank: 2.重复申请's first 0 is glued to its label, the text holds one figure fewer.
    const g = gridOf();
    set(g, '2.重复申请', [0, 0, 0, 0, 0, 0]);
    const text = raw(g).replace('\n2.重复申请\n', '\n2.重复申请0\n');
    assert.equal(t3(text).rows.find((r) => r.id === 'r5_2')?.label, '重复申请0');
    assert.equal(t3(text).unread?.partial, undefined);
    assert.deepEqual(show(findings(text, 'number-invalid')), '');
  });

  it('not when a row of the format is missing from the text: its figures could be anywhere', () => {
    // 2.重复申请's label is lost, its figures stay (after 1.信访's); 8 cells are blank. Counted over the 24 rows
    // read, the text would seem one figure short: "1 blank cell" would be wrong.
    const g = gridOf();
    set(g, '四、结转下年度', [null, null, null, null, null, null, null]);
    set(g, '3.补正后', [0, 0, 0, 0, 0, 0, null]);
    const text = raw(g).replace('\n2.重复申请\n', '\n');
    assert.equal(t3(text).rows.some((r) => r.id === 'r5_2'), false);
    assert.equal(t3(text).unread?.partial, undefined);
    assert.deepEqual(show(findings(text, 'number-invalid')), '');
  });

  it('not when a row is read only from a header piece without its ordinal: the table may lack that row', () => {
    // The page has no 3.其他 row at all (table-row-missing); the header word 其他 printed among the rows reads as it.
    const g = gridOf();
    set(g, '四、结转下年度', [0, null, 0, 0, 0, 0, 0]);
    set(g, '3.其他', [null, null, null, null, null, null, null]);
    const text = raw(g).replace('\n3.其他\n', '\n').replace('\n1.属于国家秘密\n\n', '\n1.属于国家秘密\n\n其\n他\n\n');
    const r63 = t3(text).rows.filter((r) => r.id === 'r6_3');
    assert.deepEqual(r63.map((r) => [r.label, !!r.ordinal]), [['其他', false]]);
    assert.equal(t3(text).unread?.partial, undefined);
    assert.deepEqual(show(findings(text, 'number-invalid')), '');
  });

  it('not across a page break that carries no page number: a bare page number would be one more figure', () => {
    const g = gridOf();
    set(g, '四、结转下年度', [0, null, 0, 0, 0, 0, 0]);
    const bare = raw(g, { page: ['7', '', '\f'] });
    assert.equal(t3(bare).unread?.partial, undefined);
    assert.deepEqual(show(findings(bare, 'number-invalid')), '');
    // The same break with its page number (`- 7 -`) or a browser's footer is read as before.
    const numbered = raw(g, { page: ['- 7 -', '', '\f'] });
    assert.equal(t3(numbered).unread?.partial?.blank, 1);
    const footer = raw(g, { page: ['https://www.example.gov.cn/2023/t1.htm', '', '3/4', '', '\f11/30/26, 9:43 AM', '', '某某局2022年政府信息公开工作年度报告', ''] });
    assert.equal(t3(footer).unread?.partial?.blank, 1);
  });

  it('pagesMarked: a form feed next to a bare number needs a page number or print footer within three lines', () => {
    assert.equal(pagesMarked(['0', '', '- 3 -', '\f1.属于', '0'], 0, 4), true);
    assert.equal(pagesMarked(['0', '', '3', '\f1.属于', '0'], 0, 4), false);
    assert.equal(pagesMarked(['1.属于', '', '3', '\f2.其他', '0'], 0, 4), false);
    assert.equal(pagesMarked(['1.属于', '\f', '3', '2.其他', '0'], 0, 4), false, 'a page number at the top of the page');
    assert.equal(pagesMarked(['0', '\f第 3 页', '0'], 0, 2), true);
    assert.equal(pagesMarked(['https://a.gov.cn/x.htm', '0', '3/4', '\f11/30/26, 9:43 AM', '0'], 0, 4), true, 'a figure between footer lines');
    assert.equal(pagesMarked(['1.属于', '', '\f2.其他', '0'], 0, 3), true, 'no page number printed: nothing to mistake');
    assert.equal(pagesMarked(['0', '1', '0'], 0, 2), true, 'no page break: nothing to check');
  });
});

describe('plain pdftotext: a label read twice, both with figures after them', () => {
  it('the 总计 column header printed as 总 / 计 among the rows (上海 2019): its figures are in the pool, the row is (七)总计', () => {
    const g = gridOf();
    set(g, '四、结转下年度', [0, null, 0, 0, 0, 0, 0]);
    // The header pieces stand after 1.属于国家秘密's label, the figures after them are that row's.
    const text = raw(g).replace('\n1.属于国家秘密\n\n', '\n1.属于国家秘密\n\n总\n计\n\n');
    const t = t3(text);
    assert.equal(t.rows.filter((r) => r.id === 'r7').length, 2, 'the header read as a second 总计, with figures');
    const p = t.unread?.partial;
    assert.ok(p?.scattered);
    assert.equal(p.labels.get('r7')?.label, '总计');
    assert.ok(p.labels.get('r7')?.ordinal, 'the row with its ordinal is the label');
    assert.equal(p.blank, 1);
  });
});

describe('plain pdftotext: a print footer that keeps the page title beside its address', () => {
  it('is a page break inside the table, not prose ending it', () => {
    const footer = ['https://www.shanghai.gov.cn/（2022年某某局政府信息公开工作年度报告，发布日期 2023-01-31）', '', '5/7', '', '\f11/30/26, 1:54 AM', ''];
    const text = raw(gridOf(), { page: footer });
    const t = t3(text);
    assert.ok(t.rows.some((r) => r.id === 'next'), 'the rows after the footer are table 三\'s');
    assert.equal(t.unread, undefined, 'and the table reads as without the footer');
    assert.deepEqual(show(findings(text, 'table-row-missing')), '');
  });
});
