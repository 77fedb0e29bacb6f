// Issue 11, `pdftotext -layout` text (corpus kind pdf-layout): tables read column-wise. Documents are
// built in memory in the shape pdftotext gives real reports (test/fixtures/real/*.pdf-layout.txt):
// header cells stacked one piece a line in their column, the merged group cell of table 三 printed in
// pieces beside the sub-rows, empty cells left as spaces, running headers/footers of printed pages.
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/check';
import { applyFixList, fixAll } from '../../server/src/fix';
import type { GovreportConfig } from '../../server/src/config';
import type { Finding, Table } from '../../server/src/model';
import { isPrintFurniture as isRunningLine } from '../../server/src/parse/pdf-furniture';

const loud = (fs: Finding[], rules = ['table-label', 'table-unbalanced', 'row-numbering', 'table-row-missing']) =>
  fs.filter((f) => (f.severity === 'error' || f.severity === 'warning') && rules.includes(f.rule)).map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`);
const table = (text: string, id: string): Table => checkText(text).report.tables.find((t) => t.id === id)!;
const row = (t: Table, id: string) => t.rows.find((r) => r.id === id)!;
const cells = (t: Table, id: string) => row(t, id).values.map((v) => (v.kind === 'blank' ? '_' : v.text)).join(' ');
const header = (t: Table, column: string) => t.headers.filter((h) => h.columnId === column).map((h) => h.cell.text).join('+');

const zeros = '0    0   0   0    0    0   0';
// Table 三 of a 2021 report as pdftotext -layout prints it (平潭 2021): stacked headers, the group
// cells in pieces at the left, labels wrapped with the figures on the middle line.
// 平潭 2021: short header words one space apart (商业 科研), the first piece of 自然人 pulled left.
const T3_HEAD_2021 = `
 三、收到和处理政府信息公开申请情况

                                                                          申请人情况

                                                                               法人或其他组织
  （本列数据的勾稽关系为：第一项加第二项之和，等于第 自
                                                                                       社会   法律       总
  三项加第四项之和）                 然                                                  商业 科研             其
                                                                                       公益   服务       计
                                                                          人    企业 机构             他
                                                                                       组织   机构`;
// 平潭 2023: one character a line (商 / 业 / 企 / 业), 自 one space after the long left cell.
const T3_HEAD = `
 三、收到和处理政府信息公开申请情况

                                                                          申请人情况

                                                                               法人或其他组织
  （本列数据的勾稽关系为：第一项加第二项之和，等于第三 自                                                 商   科
                                                                                       社会   法律       总
  项加第四项之和）                                                                然    业   研             其
                                                                                       公益   服务       计
                                                                          人    企   机             他
                                                                                       组织   机构
                                                                               业   构`;
const T3_BODY = `
  一、本年新收政府信息公开申请数量                                                        64   0   0   2    0    4   70

  二、上年结转政府信息公开申请数量                                                        0    0   0   0    0    0   0
  三、本年              （一）予以公开                                               27   0   0   2    0    1   30
  度办理结              （二）部分公开（区分处理的，只计这一情
                                                                          5    0   0   0    0    0   5
  果                 形，不计其他情形）

                                   1.属于国家秘密                               ${zeros}
                                   2.其他法律行政法规禁止公开                         ${zeros}
                                   3.危及“三安全一稳定”                           ${zeros}
                    （三）不           4.保护第三方合法权益                            ${zeros}
                    予公开            5.属于三类内部事务信息                           1    0   0   0    0    0   1
                                   6.属于四类过程性信息                            ${zeros}
                                   7.属于行政执法案卷                             6    0   0   0    0    0   6
                                   8.属于行政查询事项                             1    0   0   0    0    0   1
                                   1.本机关不掌握相关政府信息                         22   0   0   0    0    3   25
                    （四）无
                                   2.没有现成信息需要另行制作                         ${zeros}
                    法提供
                                   3.补正后申请内容仍不明确                          ${zeros}

                    （五）不           1.信访举报投诉类申请                            ${zeros}
                    予处理            2.重复申请                                 ${zeros}
                                   3.要求提供公开出版物                            ${zeros}
                                   4.无正当理由大量反复申请                          ${zeros}
                                    5.要求行政机关确认或重新出具已获取信
                                                                              0    0        0   0        0       0   0
                                    息

                                    1.申请人无正当理由逾期不补
                                    正、行政机关不再处理其政府信                            0    0        0   0        0       0   0
                                    息公开申请
                    （六）其
                                    2.申请人逾期未按收费通知要求
                    他处理
                                    缴纳费用、行政机关不再处理其                            0    0        0   0        0       0   0
                                    政府信息公开申请

                                    3.其他                                      1    0        0   0        0       0   1
                    （七）总计                                               63   0        0   2        0       4   69
  四、结转下年度继续办理                                                            1    0        0   0        0       0   1

 四、政府信息公开行政复议、行政诉讼情况
`;
const T3 = T3_HEAD + T3_BODY;

describe('pdftotext -layout tables (issue 11, kind pdf-layout)', () => {
  describe('class 3: header cells stacked in their column', () => {
    it('社会 / 公益 / 组织, 法律 / 服务 / 机构, 总 / 计 are each one header, judged joined: no column-name warning', () => {
      const t = table(T3, 't3');
      assert.equal(header(t, 'nonprofit'), '社会+公益+组织');
      assert.equal(header(t, 'legal'), '法律+服务+机构');
      assert.equal(header(t, 'total'), '总+计');
      assert.deepEqual(loud(checkText(T3).findings), []);
    });
    it('the top piece pulled beside the long left cell (…等于第三 自 above 然 / 人) is found again', () => {
      assert.equal(header(table(T3, 't3'), 'natural'), '自+然+人');
    });
    it('stacked single characters (商 / 业 / 企 / 业) make one header', () => {
      assert.equal(header(table(T3, 't3'), 'business'), '商+业+企+业');
    });
    it('short header words one space apart (商业 科研 above 企业 机构) are pieces of their own columns', () => {
      const t = table(T3_HEAD_2021 + T3_BODY, 't3');
      assert.equal(header(t, 'business'), '商业+企业');
      assert.equal(header(t, 'research'), '科研+机构');
      assert.deepEqual(loud(checkText(T3_HEAD_2021 + T3_BODY).findings), []);
    });
    it('a stacked header with a real slip is still flagged, quoting the pieces joined', () => {
      const text = T3.replace('公益   服务', '公义   服务');
      assert.ok(loud(checkText(text).findings).some((f) => f.includes('列名称“社会公义组织”')), loud(checkText(text).findings).join('\n'));
    });
  });

  describe('class 3: the group cell printed in pieces beside the sub-rows', () => {
    it('度办理结 / （三）不 / 予公开 / 他处理 are neither glued to a label nor split a wrapped one', () => {
      const t = table(T3, 't3');
      assert.equal(cells(t, 'r6_2'), '0 0 0 0 0 0 0');
      assert.equal(row(t, 'r6_2').score >= 1, true);
      assert.equal(cells(t, 'r3_4'), '0 0 0 0 0 0 0');
      assert.ok(t.stray.some((c) => c.text === '他处理'));
      assert.deepEqual(loud(checkText(T3).findings), []);
    });
    it('a group piece one space before its first sub-row (（四）无法 1.本机关不掌握相关政 / 府信息) is cut off', () => {
      const text = T3.replace('                                   1.本机关不掌握相关政府信息                         22   0   0   0    0    3   25\n                    （四）无\n',
        '                    （四）无法 1.本机关不掌握相关政\n                                                                          22   0   0   0    0    3   25\n                    提供                府信息\n');
      const t = table(text, 't3');
      assert.equal(cells(t, 'r4_1'), '22 0 0 0 0 3 25');
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('（六） / 其他 / 处理 over three lines (平潭 君山 2021): 其他 is a piece of the group, not glued into the wrapped label of 2.', () => {
      const text = T3.replace('                    （六）其\n', '                    （六）\n').replace('                    他处理\n', '                    其他\n')
        .replace('缴纳费用、行政机关不再处理其                            0    0        0   0        0       0   0\n', '缴纳费用、行政机关不再处理其                            0    0        0   0        0       0   0\n                    处理\n');
      assert.ok(text.includes('（六）\n') && text.includes('                    其他\n') && text.includes('                    处理\n'));
      const t = table(text, 't3');
      assert.equal(row(t, 'r6_2').label, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
      assert.equal(cells(t, 'r6_2'), '0 0 0 0 0 0 0');
      assert.equal(cells(t, 'r6_3'), '1 0 0 0 0 0 1');
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('其他 in the label column with no group ordinal above it stays a label (3.其他 wrapped after its number)', () => {
      const text = T3.replace('                                    3.其他                                      1    0        0   0        0       0   1\n',
        '                                    3.\n                                    其他                                      1    0        0   0        0       0   1\n');
      const t = table(text, 't3');
      assert.equal(cells(t, 'r6_3'), '1 0 0 0 0 0 1');
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('（六）2. and 3. left entirely blank (平潭 市场监管 2022): rows of blank cells, one number-invalid finding, no table-unbalanced', () => {
      const text = T3.replace('缴纳费用、行政机关不再处理其                            0    0        0   0        0       0   0\n', '缴纳费用、行政机关不再处理其\n')
        .replace('                                    3.其他                                      1    0        0   0        0       0   1\n', '                                    3.其他\n');
      const t = table(text, 't3');
      assert.equal(cells(t, 'r6_2'), '_ _ _ _ _ _ _');
      assert.equal(cells(t, 'r6_3'), '_ _ _ _ _ _ _');
      const fs = checkText(text).findings;
      assert.deepEqual(loud(fs, ['table-unbalanced']), []);
      const blank = fs.filter((f) => f.rule === 'number-invalid');
      assert.equal(blank.length, 1);
      assert.match(blank[0].message, /14 个空白单元格/);
    });
    it('a real slip in a sub-row label beside the group pieces is still flagged', () => {
      const text = T3.replace('4.保护第三方合法权益', '4.保护第三方合法权利');
      assert.ok(loud(checkText(text).findings).some((f) => f.includes('table-label') && f.includes('保护第三方合法权利')));
    });
    it('a label wrapped onto its own line is not taken for a group piece ((一)予以 / 公开)', () => {
      const text = T3.replace('  三、本年              （一）予以公开                                               27',
        '  三、本年              （一）予以\n                      公开                                                 27');
      const t = table(text, 't3');
      assert.equal(cells(t, 'r1'), '27 0 0 2 0 1 30');
    });
  });

  describe('class 3: empty cells left as spaces are placed by their column', () => {
    // 上海 2019: the page leaves cells empty; pdftotext keeps only the figures, each under its column.
    const HEAD = `
 三、收到和处理政府信息公开申请情况

                                                                         申请人情况

  （本列数据的勾稽关系为：第一项加第二项之和，                                                       法人或其他组织
                                                                         自然                              总
  等于第三项加第四项之和）                                                                 商业   科研   社会公   法律服   其
                                                                         人                               计
                                                                               企业   机构   益组织   务机构   他
`;
    const PAGE1 = `
  一、本年新收政府信息公开申请数量                                                       821   35              2     1   859

  二、上年结转政府信息公开申请数量                                                       18                              18

  三、本年度              （一）予以公开                                             258   12              1     1
  办理结果               （二）部分公开（区分处理的，只计
                                                                         3
                     这一情形，不计其他情形）

                                       1.属于国家秘密                          14
                                       2.其他法律行政法规禁
                                       止公开
`;
    const BREAK = `
https://www.example.gov.cn/（2019年某某市人民政府办公厅政府信息公开工作年度报告）              4/7
\f11/30/26, 1:54 AM                                          2019年某某市人民政府办公厅政府信息公开工作年度报告
`;
    const PAGE2 = `
                                       1.信访举报投诉类申请                       148       1
                     （七）总计                                               767       35                 2    1    805

  四、结转下年度继续办理                                                            72                                     72
`;
    it('each figure goes under its header; the empty cells are blanks (no table-unbalanced)', () => {
      const text = HEAD + PAGE1;
      const t = table(text, 't3');
      assert.equal(cells(t, 'new'), '821 35 _ _ 2 1 859');
      assert.equal(cells(t, 'carried'), '18 _ _ _ _ _ 18');
      assert.equal(cells(t, 'r1'), '258 12 _ _ 1 1 _');
      assert.equal(cells(t, 'r2'), '3 _ _ _ _ _ _');
      // A label with no figure beside it: all its cells are empty.
      assert.equal(cells(t, 'r3_2'), '_ _ _ _ _ _ _');
      assert.deepEqual(loud(checkText(text).findings, ['table-unbalanced']), []);
    });
    it('a page break (running footer and header) keeps one table; the next page is placed by its own columns', () => {
      const text = HEAD + PAGE1 + BREAK + PAGE2;
      const tables = checkText(text).report.tables.filter((t) => t.id === 't3');
      assert.equal(tables.length, 1);
      const t = tables[0];
      assert.equal(cells(t, 'r5_1'), '148 1 _ _ _ _ _');
      assert.equal(cells(t, 'r7'), '767 35 _ _ 2 1 805');
      assert.equal(cells(t, 'next'), '72 _ _ _ _ _ 72');
      assert.deepEqual(loud(checkText(text).findings, ['table-unbalanced']), []);
    });
    it('the blank total column is the finding, and filling the blanks never joins a figure', () => {
      const text = HEAD + PAGE1;
      const { findings } = checkText(text);
      const blank = findings.find((f) => f.rule === 'number-invalid' && f.message.includes('空白'));
      assert.ok(blank, findings.map((f) => f.message).join('\n'));
      const fixed = applyFixList(text, [blank.fixes![0]]).text;
      const t = table(fixed, 't3');
      // The blank 总计 gets the row's sum (main's blank-total fix), the other blanks 0; no figure is joined to another.
      assert.equal(cells(t, 'r1'), '258 12 0 0 1 1 272');
      assert.equal(cells(t, 'new'), '821 35 0 0 2 1 859');
    });
    it('a row whose figures do not fall one per column is left as read (table-unbalanced says so)', () => {
      const text = HEAD + PAGE1.replace('258   12              1     1', '258 12 1 1 1 1 1 1');
      assert.ok(loud(checkText(text).findings, ['table-unbalanced']).some((f) => f.includes('予以公开')));
    });
    it('table 四: the data row with empty cells is placed under the 15 stacked headers', () => {
      const t4 = `
 四、政府信息公开行政复议、行政诉讼情况

  行政复议                                           行政诉讼
                                                 未经复议直接起诉                                   复议后起诉
  结果        结果        其他        尚未        总
                                                 结果        结果        其他        尚未       总   结果   结果   其他   尚未   总
  维持        纠正        结果        审结        计
                                                 维持        纠正        结果        审结       计   维持   纠正   结果   审结   计

  5                             2         7      8                             1        9

 五、政府信息公开工作存在的主要问题及改进情况
`;
      assert.equal(cells(table(t4, 't4'), 'data'), '5 _ _ 2 7 8 _ _ 1 9 _ _ _ _ _');
    });
  });

  describe('class 12: 2019 headers broken around the 信息内容 line', () => {
    const T21 = `
 二、主动公开政府信息情况

  第二十条第（一）项

                                   本年新                     本年新
  信息内容                                                                    对外公开总数量
                                   制作数量                    公开数量

  规章                               0                       0              0

  规范性文件                            89                      89             89
`;
    it('本年新 / 制作数量 is one column of the same table', () => {
      const tables = checkText(T21).report.tables.filter((t) => t.id === 't2.1');
      assert.equal(tables.length, 1);
      assert.equal(header(tables[0], 'made'), '本年新+制作数量');
      assert.deepEqual(loud(checkText(T21).findings, ['table-label']), []);
    });
    it('a real slip in the second piece is still flagged', () => {
      const text = T21.replace('制作数量', '制做数量');
      assert.ok(loud(checkText(text).findings, ['table-label']).some((f) => f.includes('本年新制做数量')), loud(checkText(text).findings).join('\n'));
    });
  });

  describe('（六）其他处理 written as one row (2019) in a 2021 table', () => {
    it('each missing sub-row says that its group was written as one row', () => {
      const start = T3.indexOf('                                    1.申请人无正当理由逾期不补');
      const end = T3.indexOf('                    （七）总计');
      const text = T3.slice(0, start) + '                    （六）其他处理                                              1    0        0   0        0       0   1\n' + T3.slice(end);
      // The format is the user's choice here (a 2021 report; the table alone reads as 2019).
      const missing = checkText(text, { config: { format: '2021' } as GovreportConfig }).findings.filter((f) => f.rule === 'table-row-missing').map((f) => f.message);
      assert.equal(missing.length, 3, missing.join('\n'));
      for (const m of missing) assert.ok(m.includes('“（六）其他处理”在本格式中分为子行'), m);
    });
    it('a sub-row missing from a table written with its sub-rows is named with its group', () => {
      const text = T3.replace('                                    3.其他                                      1    0        0   0        0       0   1\n', '');
      const missing = checkText(text).findings.filter((f) => f.rule === 'table-row-missing').map((f) => f.message);
      assert.deepEqual(missing, ['表格“收到和处理政府信息公开申请情况”缺少“（六）其他处理”下的行“3.其他”']);
    });
  });

  describe('a three-line label cut by a page break (平潭 交通 2023): the figures beside its first line', () => {
    // `1.申请人无正当理由逾期不补正、 0 … 0` / `行政机关不再处理其政府信息公开` / footer, header / `申请` / the
    // last figure under 总计: one row (六)1 with its 7 figures, as in the web page.
    const OLD = T3_BODY.split('\n');
    const at = OLD.findIndex((l) => l.includes('1.申请人无正当理由逾期不补'));
    const figs = OLD[at + 1];
    const lastFig = figs.lastIndexOf('0');
    const cut = (middle: string) => T3_HEAD + [
      ...OLD.slice(0, at),
      '                                    1.申请人无正当理由逾期不补正、' + figs.slice(36 + '1.申请人无正当理由逾期不补正、'.length, lastFig).trimEnd(),
      '                                    ' + middle,
      'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202402/t20240204_86867.htm                                   3/4',
      '11/30/26, 6:47 AM                                     平潭综合实验区交通与建设局2023年度政府信息公开工作年度报告',
      '',
      '                                    申请',
      ' '.repeat(lastFig) + '0',
      ...OLD.slice(at + 3),
    ].join('\n');

    it('is one row (六)1 with 7 figures and no finding', () => {
      const text = cut('行政机关不再处理其政府信息公开');
      assert.deepEqual(loud(checkText(text).findings), []);
      const t = table(text, 't3');
      assert.equal(cells(t, 'r6_1'), '0 0 0 0 0 0 0');
      assert.equal(row(t, 'r6_1').labelCells.map((c) => c.text).join('|'), '1.申请人无正当理由逾期不补正、|行政机关不再处理其政府信息公开|申请');
    });

    it('a slip in the middle line (不再受理) is still flagged', () => {
      const found = loud(checkText(cut('行政机关不再受理其政府信息公开')).findings, ['table-label']);
      assert.ok(found.some((f) => f.includes('不再受理')), found.join('\n'));
    });
  });

  describe('running headers and footers of a printed page', () => {
    it('are recognised, and prose is not', () => {
      assert.ok(isRunningLine('11/30/26, 1:54 AM                                          2019年某某市人民政府办公厅政府信息公开工作年度报告'));
      assert.ok(isRunningLine('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202202/t20220208_80613.htm                                   3/4'));
      assert.ok(!isRunningLine('本年度共收到申请21件，办结21件，详见https://www.example.gov.cn/list 第3/4期。'));
      assert.ok(!isRunningLine('2019年，我办共受理申请821件，其中1/3来自企业。'));
    });
  });

  describe('a stray piece of text between the figures of a row (parse/layout-row-stray.ts)', () => {
    const TOTAL = '（七）总计                                               63   0        0   2        0       4   69';
    // The 总计 cell is also mistyped (68 for 69), so there is a total to fix.
    const withTotal = (line: string) => T3.replace(TOTAL, line.replace('4   69', '4   68'));
    const arithmetic = (text: string) => checkText(text).findings.filter((f) => ['total-mismatch', 'table-unbalanced', 'number-invalid', 'balance-mismatch'].includes(f.rule) && f.severity !== 'hint').map((f) => `${f.rule} ${f.message}`);
    for (const [name, line] of [['a unit word', TOTAL.replace('2        0', '2    件   0')], ['a stray letter', TOTAL.replace('0        0   2', '0   x    0   2')]]) {
      it(`${name} does not cut the 总计 row in two: the row keeps its 7 figures, one total finding, fix-all converges in one pass`, () => {
        const text = withTotal(line);
        const t = table(text, 't3');
        assert.equal(cells(t, 'r7'), '63 0 0 2 0 4 68');
        assert.deepEqual(t.rows.filter((r) => !r.id).map((r) => r.label), []);
        const before = arithmetic(text);
        assert.deepEqual(before.filter((f) => !f.startsWith('balance-mismatch')), ['total-mismatch 此数与所在行的合计和所在列的合计都不一致：按两处合计，应为 69']);
        // Without numeric fixes nothing is written into the row (no blank→0 into the row's misread "blanks").
        const textOnly = fixAll(text);
        assert.equal(textOnly.text.split('\n').find((l) => l.includes('（七）总计')), text.split('\n').find((l) => l.includes('（七）总计')));
        const all = fixAll(text, {}, 10, undefined, { numbers: true });
        assert.deepEqual(all.steps.map((s) => s.rules.filter((r) => r === 'total-mismatch').length), [1]);
        assert.deepEqual(arithmetic(all.text), []);
      });
    }
  });
});
