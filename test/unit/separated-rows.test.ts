// Plain pdftotext prints a row label written over several lines as a text block of its own, after the
// table, while the row's figures stay in page order after the row above (parse/separated-rows.ts).
// Shaped like test/fixtures/real/huaian-gov-2024.pdf-raw.txt (the published PDF): 二、上年结转 holding
// 21 figures with (一)/(二) bare, 4.无正当理由大量反复申请 holding 35 with 5./(六)1–3 bare.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { substitutedInLine } from '../../server/src/rules/table-label';
import { isPageFurniture, isPrintFurniture } from '../../server/src/parse/pdf-furniture';

const PIPE = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
const HEAD = 29; // 0-based index of the heading 三、收到和处理…; rows on 1-based lines 34–58
const ROWS = PIPE.slice(33, 58).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
const isFigure = (c: string) => /^\d+$/.test(c);

/**
 * Table 三 as plain pdftotext prints it: a cell per line, an empty line after each; the labels of the
 * rows whose index is in `apart` are left out where they stand and printed after the table's last row,
 * each cut in two lines (as a two-line table cell comes out), while their figures stay in place.
 */
function t3Text(apart: number[], edit: (rows: string[][]) => void = () => {}): string {
  const rows = ROWS.map((r) => r.slice());
  edit(rows);
  const body: string[] = [];
  const late: string[] = [];
  rows.forEach((r, i) => {
    const labels = r.filter((c) => !isFigure(c));
    const figures = r.filter(isFigure);
    if (apart.includes(i)) {
      // The group cell beside such rows ((六)其他处理) is a two-line block of its own too.
      for (const label of labels) late.push(...(label.length > 6 ? [label.slice(0, Math.min(12, label.length >> 1)), label.slice(Math.min(12, label.length >> 1))] : [label]), '');
    } else body.push(...labels.flatMap((c) => [c, '']));
    body.push(...figures.flatMap((c) => [c, '']));
  });
  const header = PIPE.slice(HEAD + 1, HEAD + 4).flatMap((l) => l.split('|').map((c) => c.trim()).filter(Boolean).flatMap((c) => [c, '']));
  return [...PIPE.slice(0, HEAD + 1), ...header, ...body, ...late, ...PIPE.slice(58)].join('\n');
}

/** The same, but the 35 figures after 4.无正当理由… as 7 lines of 5: pdftotext's block of a column, read top to bottom. */
function columnBlocks(apart: number[], edit?: (rows: string[][]) => void): string {
  const text = t3Text(apart, edit);
  const at = text.indexOf('4.无正当理由大量反复申请');
  const rest = text.slice(at).split('\n');
  const figures: string[] = [];
  let k = 2;
  while (figures.length < 35) { if (rest[k] !== '') figures.push(rest[k]); k++; }
  const blocks = [0, 1, 2, 3, 4, 5, 6].flatMap((c) => [...[0, 1, 2, 3, 4].map((r) => figures[r * 7 + c]), '']);
  return text.slice(0, at) + [rest[0], '', ...blocks, ...rest.slice(k)].join('\n');
}

const ROW = (label: string) => ROWS.findIndex((r) => r.some((c) => c.includes(label)));
// (一)予以公开, (二)部分公开 after 二、上年结转; 5.要求…, (六)1., 2., 3. after 4.无正当理由大量反复申请.
const HUAIAN = [ROW('予以公开'), ROW('部分公开'), ROW('5.要求'), ROW('1.申请人'), ROW('2.申请人'), ROW('3.其他')];
const t3 = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!;
const ROW_RULES = ['table-unbalanced', 'table-label', 'table-row-missing', 'row-numbering', 'total-mismatch', 'balance-mismatch'];

describe('plain pdftotext: rows whose labels are printed apart get their figures back', () => {
  it('a row holding k rows of figures, the k−1 next rows bare: every row gets its own 7 figures, as in the web page', () => {
    const text = t3Text(HUAIAN);
    const t = t3(text);
    assert.equal(t.unread, undefined);
    assert.equal(t.labelsApart, true);
    const web = t3(t3Text([]));
    const grid = (x: typeof t) => x.rows.filter((r) => r.id).map((r) => `${r.id}:${r.values.map((v) => v.text).join(' ')}`).sort();
    assert.deepEqual(grid(t), grid(web));
    const { findings } = checkText(text);
    assert.deepEqual(findings.filter((f) => ROW_RULES.includes(f.rule) || f.rule === 'table-unreadable').map((f) => f.message), []);
  });

  it('the table is then checked: a wrong figure in a row whose label was printed apart is found', () => {
    // (六)3.其他 gets a 1 in the 自然人 column: neither its row's 总计 nor the column's (七)总计 adds up.
    const text = t3Text(HUAIAN, (rows) => { rows[ROW('3.其他')][1] = '1'; });
    const f = checkText(text).findings.filter((x) => x.rule === 'total-mismatch');
    // The wrong cell is pinpointed: its row's total and its column's total both say it should be 0.
    assert.deepEqual(f.map((x) => [text.split('\n')[x.range.start.line], x.message]), [['1', '此数与所在行的合计和所在列的合计都不一致：按两处合计，应为 0']]);
  });

  it('a moved row that lost a figure (an empty cell pdftotext drops) leaves the count off: still one info, no row findings', () => {
    const text = t3Text(HUAIAN, (rows) => { rows[ROW('2.申请人')].splice(2, 1); });
    const t = t3(text);
    assert.ok(t.unread);
    const { findings } = checkText(text);
    assert.equal(findings.filter((f) => f.rule === 'table-unreadable').length, 1);
    assert.deepEqual(findings.filter((f) => ['table-unbalanced', 'total-mismatch', 'balance-mismatch'].includes(f.rule)).map((f) => f.message), []);
  });

  it('extra figures whose rows do not follow in order are not guessed (a label missing from the text)', () => {
    // 4.无正当理由… lost: 3.要求提供公开出版物 holds 21 figures, but the next row in order, 5.要求…, is one row, not two.
    const text = t3Text([ROW('5.要求')]).replace('4.无正当理由大量反复申请\n', '');
    assert.ok(t3(text).unread);
    assert.ok(!t3(t3Text([ROW('5.要求')])).unread, 'with the label the same text is read');
  });

  it('figures of those rows printed as column blocks (successive lines: one block, column-major) are not rebuilt', () => {
    // One figure not 0: were they all 0, every order of them would be the same table (parse/separated-settled.ts).
    const one = (rows: string[][]) => { rows[ROW('3.其他')][1] = '1'; };
    assert.ok(!t3(t3Text(HUAIAN.slice(2), one)).unread);
    assert.ok(t3(columnBlocks(HUAIAN.slice(2), one)).unread);
  });

  it('figures under no label are not guessed', () => {
    const text = t3Text(HUAIAN).replace('一、本年新收政府信息公开申请数量\n', '');
    assert.ok(t3(text).unread);
  });

  it('labels of a rebuilt table are judged as layout: a cut label is no finding, 不再受理 inside one line is', () => {
    const fine = checkText(t3Text(HUAIAN)).findings.filter((f) => f.rule === 'table-label');
    assert.deepEqual(fine.map((f) => f.message), []);
    const slip = t3Text(HUAIAN, (rows) => { const r = rows[ROW('1.申请人')]; r[r.length - 8] = r[r.length - 8].replace('不再处理', '不再受理'); });
    const labels = checkText(slip).findings.filter((f) => f.rule === 'table-label');
    assert.equal(labels.length, 1);
    assert.match(labels[0].message, /不再受理/);
    // Other cells' pieces may stand between the label's lines: no rewrite of that span is offered.
    assert.deepEqual(labels[0].fixes, []);
  });
});

describe('substitutedInLine: characters replaced inside one line of a label read from several', () => {
  const STD = '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
  it('one or two characters replaced inside a line, the label cut at its end or start', () => {
    assert.ok(substitutedInLine([{ text: '1.申请人无正当理由逾期不补' }, { text: '正、行政机关不再受理其政府信' }], STD));
    assert.ok(substitutedInLine([{ text: '行政机关不再受理其' }, { text: '政府信息公开申请' }], STD));
  });
  it('not: the standard wording cut, a replacement at a line break, three characters, or glued fragments', () => {
    assert.ok(!substitutedInLine([{ text: '1.申请人无正当理由逾期不补' }, { text: '正、行政机关不再处理其政府信' }], STD));
    assert.ok(!substitutedInLine([{ text: '1.申请人无正当理由逾期不补' }, { text: 'X行政机关不再处理' }], STD));
    assert.ok(!substitutedInLine([{ text: '1.申请人无正当理由逾期不补' }, { text: '正、行政机关XYZ其政府信' }], STD));
    assert.ok(!substitutedInLine([{ text: '2.申请人逾期未按收费通知要求缴他处理' }, { text: '纳费用' }], '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'));
  });
});

describe('header words one space apart with one header mistyped', () => {
  const block = (head: string) => [...PIPE.slice(0, 15), ...['第二十条第(一)项', '信息内容', head, '规章', '0', '0', '0', '行政规范性文件', '2', '0', '77'].flatMap((c) => [c, '']), ...PIPE.slice(19)].join('\n');
  it('先行有效件数 beside two exact headers is read as the header it is, and reported', () => {
    const f = checkText(block('本年制发件数 本年废止件数 先行有效件数')).findings.filter((x) => x.rule === 'table-label');
    assert.deepEqual(f.map((x) => x.message), ['列名称“先行有效件数”不规范，标准名称为“现行有效件数”']);
  });
  it('two words off is not a header line: no column finding is made up', () => {
    const f = checkText(block('本年制发件数 本年作废件数 先行有效件数')).findings.filter((x) => x.rule === 'table-label' && x.message.startsWith('列名称'));
    assert.deepEqual(f.map((x) => x.message), []);
  });
});

describe('an unread table whose every label was read: rows missing from the text', () => {
  // (六)其他处理 written as one row, the 2019 way, in a 2021 table whose figures cannot be placed (洪泽区 2023/2024).
  const oneRow = (rows: string[][]) => {
    const at = rows.findIndex((r) => r.some((c) => c.startsWith('1.申请人')));
    rows.splice(at, 3, ['(六)其他处理', '0', '0', '0', '0', '0', '0', '0']);
  };
  const APART = [ROW('5.要求')];
  it('the sub-rows of （六）其他处理 are reported missing, with no fix (where rows stand is the layout\'s)', () => {
    const text = columnBlocks(APART, oneRow);
    assert.ok(t3(text).unread?.labelsRead);
    const f = checkText(text).findings.filter((x) => x.rule === 'table-row-missing');
    const missing = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'];
    assert.deepEqual(f.map((x) => missing.find((m) => x.message.includes(`缺少行“${m}”：“（六）其他处理”在本格式中分为子行`))), missing);
    assert.ok(f.every((x) => x.fixes.length === 0));
  });
  it('not when any text of the table is not a label it read (a piece of a wrapped label, a note)', () => {
    for (const odd of ['政府信息公开申请', '备注说明']) {
      const text = columnBlocks(APART, oneRow).replace('(七)总计\n', `${odd}\n\n(七)总计\n`);
      assert.ok(t3(text).unread && !t3(text).unread!.labelsRead, odd);
      assert.deepEqual(checkText(text).findings.filter((x) => x.rule === 'table-row-missing').map((x) => x.message), [], odd);
    }
  });
  it('the complete table in the same shape reports no missing row', () => {
    const text = columnBlocks(APART);
    assert.ok(t3(text).unread?.labelsRead);
    assert.deepEqual(checkText(text).findings.filter((x) => x.rule === 'table-row-missing').map((x) => x.message), []);
  });
});

describe('a numeral doubled inside one cell of a table whose figures were not read', () => {
  // The group cell printed apart as `三三、本年 | 度办理结果` (平潭 财政金融局 2019), here in a table left unread.
  const withGroup = (group: string) => columnBlocks([ROW('5.要求')]).replace('(一)予以公开\n', `${group}\n度办理结果\n\n(一)予以公开\n`);
  const doubled = (text: string) => checkText(text).findings.filter((f) => f.rule === 'row-numbering').map((f) => f.message);
  it('三三、本年 is reported, with the fix that removes one 三', () => {
    const text = withGroup('三三、本年');
    assert.ok(t3(text).unread);
    assert.deepEqual(doubled(text), ['序号应为“三、”，而不是“三三、”（序号的数字重复）']);
  });
  it('not 三、本年, nor a doubled numeral before words that begin no label of that ordinal', () => {
    assert.deepEqual(doubled(withGroup('三、本年')), []);
    assert.deepEqual(doubled(withGroup('二二、本年')), []);
    assert.deepEqual(doubled(withGroup('三三、说明')), []);
  });
});

describe('plain pdftotext: a browser print footer split over lines inside table 三 (class 3)', () => {
  // As in test/fixtures/real/pingtan-transport-2025.pdf-raw.txt: pdftotext prints the footer's address
  // alone on its line, the page counter on another, then the next page's print header.
  const FOOTER = ['https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqjtj/zfxxgknb/202601/t20260131_104920.htm', '', '3/5', '', '平潭综合实验区交通与建设局2025年度政府信息公开工作年度报告', '', '11/30/26, 6:49 AM', ''];
  const withFooter = (text: string, footer: string[]) => {
    const lines = text.split('\n');
    // The page breaks after row 4.无正当理由…'s own 7 figures, before those of the rows whose labels are printed apart.
    const at = lines.indexOf('4.无正当理由大量反复申请') + 2 + 14;
    assert.ok(at > 15);
    return [...lines.slice(0, at), ...footer, ...lines.slice(at)].join('\n');
  };
  const grid = (text: string) => t3(text).rows.filter((r) => r.id).map((r) => `${r.id}:${r.values.map((v) => v.text).join(' ')}`);

  it('the address line is page furniture: the same rows, no row takes it as its label', () => {
    const plain = t3Text(HUAIAN);
    const text = withFooter(plain, FOOTER);
    assert.deepEqual(grid(text), grid(plain));
    assert.deepEqual(checkText(text).findings.filter((f) => ROW_RULES.includes(f.rule) || f.rule === 'table-unreadable').map((f) => f.message), []);
  });

  it('a line that is not only an address (prose naming the site) is still read as text', () => {
    assert.ok(isPageFurniture(FOOTER[0]));
    assert.ok(!isPrintFurniture(FOOTER[0]), 'outside a table a lone address may be wrapped prose');
    for (const t of ['网址：https://www.pingtan.gov.cn/', 'https://www.pingtan.gov.cn', '行政许可', '(https://www.pingtan.gov.cn/zwgk/)查阅，并报']) assert.ok(!isPageFurniture(t), t);
  });
});
