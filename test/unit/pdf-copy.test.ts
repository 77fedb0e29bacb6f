// Issue 11, text copied from a PDF viewer (`pdftotext -raw`, corpus kind pdf-copy): one row a line with
// single spaces between cells, page furniture between rows, header cells printed over several lines or one
// character a line, labels wrapped onto the next lines, empty cells dropped. Documents are built from a
// sample report rewritten the way a PDF viewer's copy writes it (see test/fixtures/real/*.pdf-copy.txt).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import type { Finding } from '../../server/src/model';
import { isPageFurniture, isPrintFurniture } from '../../server/src/parse/pdf-furniture';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');

/** The sample as a PDF viewer copies it: every table row one line, cells one space apart. */
const PDF_COPY = KUNMING.split('\n').map((l) => (l.includes('|') ? l.split('|').map((c) => c.trim()).filter(Boolean).join(' ') : l)).join('\n');
const HEADER = ['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况', '自然人 法人或其他组织 总计', '商业 企业 科研 机构 社会公益组织 法律服务机构 其他'].join('\n');
assert.ok(PDF_COPY.includes(HEADER));

const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`);
const t3Of = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!;
const rowsOf = (text: string) => t3Of(text).rows.map((r) => `${r.id}=${r.values.map((v) => v.value).join(',')}`);
const withHeader = (lines: string[]) => PDF_COPY.replace(HEADER, ['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '申请人情况', ...lines].join('\n'));
/** Puts `lines` before the table 三 row that starts with `before`. */
const insertBefore = (text: string, before: string, lines: string[]) => text.replace(`\n${before}`, `\n${lines.join('\n')}\n${before}`);

describe('issue 11: text copied from a PDF viewer (pdf-copy)', () => {
  it('the sample as a PDF copy reads the same rows and gives no warning or error', () => {
    assert.deepEqual(loud(checkText(PDF_COPY).findings), []);
    assert.equal(t3Of(PDF_COPY).rows.length, 25);
  });

  describe('page furniture (class 3)', () => {
    it('page numbers and a browser print header/footer are furniture; figures, dates and prose are not', () => {
      for (const t of ['- 3 -', '-3-', '— 3 —', '第3页 共5页', '3/5', 'https://www.pingtan.gov.cn/zwgk/t20200120_80576.htm 4/7', 'https://www.shanghai.gov.cn/（2019年上海市人民政府办公厅政府信息公开工作年度报告，发布日期 2020-01-31） 5/7', '11/30/26, 1:47 AM 平潭综合实验区2019年度政府信息公开工作年度报告']) {
        assert.ok(isPrintFurniture(t), t);
      }
      for (const t of ['3', '25', '3 0 0 0 0 0 3', '2023年1月31日', '行政许可 97', 'https://www.example.gov.cn/xxgk/', '1.属于国家秘密 1 0 0 0 0 0 1', '本机关2023年度共收到申请21件。']) {
        assert.ok(!isPrintFurniture(t), t);
      }
      assert.ok(isPageFurniture('平潭综合实验区2019年度政府信息公开工作年度报告'));
    });

    it('a page break inside table 三 (print footer with commas, print header, page number) keeps one table, no label takes the furniture', () => {
      const text = insertBefore(PDF_COPY, '2.没有现成信息需要另行制作', [
        '11/30/26, 1:54 AM 2019年某某区卫生健康局政府信息公开工作年度报告',
        'https://www.example.gov.cn/（2019年某某区卫生健康局政府信息公开工作年度报告，发布日期 2020-01-31） 5/7',
        '- 4 -',
      ]).replace('\n行政许可', '\nhttps://www.example.gov.cn/xxgk/2023/t1.htm 2/7\n行政许可');
      assert.deepEqual(rowsOf(text), rowsOf(PDF_COPY));
      assert.deepEqual(loud(checkText(text).findings), []);
      const t25 = checkText(text).report.tables.find((t) => t.id === 't2.5')!;
      assert.deepEqual(t25.rows.map((r) => r.label), ['行政许可']);
    });

    it('a real prose paragraph after the table still ends it', () => {
      const text = insertBefore(PDF_COPY, '四、政府信息公开行政复议', ['本年度共办理政府信息公开申请6件，均已按期答复，答复率100%，未发生因答复不及时引发的复议诉讼情况，另有说明如下。']);
      assert.equal(t3Of(text).range.end.line < text.split('\n').findIndex((l) => l.startsWith('本年度共办理')), true);
    });
  });

  describe('header cells over several lines or stacked one character a line (class 3)', () => {
    const COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other', 'total'];
    const columnIds = (text: string) => new Set(t3Of(text).headers.map((h) => h.columnId).filter(Boolean));
    it('自然 / 人, 总 / 计, 社会公 / 益组织: each column once, no table-label', () => {
      const text = withHeader(['自然', '人', '法人或其他组织', '总', '计', '商业', '企业', '科研', '机构', '社会公', '益组织', '法律服', '务机构', '其', '他']);
      assert.deepEqual(loud(checkText(text).findings), []);
      assert.deepEqual(columnIds(text), new Set(COLUMNS));
    });
    it('characters stacked and read across the columns (社 会 公 益 法 律 服 务 … 组 织 机 构), a page break inside', () => {
      const text = withHeader(['自然', '人', '法人或其他组织 总', '计', ...'商业企业科研机构社会公益法律服务其他'.split(''), '11/30/26, 1:52 AM 某某2024年度政府信息公开工作年度报告', ...'组织机构'.split('')]);
      assert.deepEqual(loud(checkText(text).findings), []);
      assert.deepEqual(columnIds(text), new Set(COLUMNS));
    });
    it('a stacked header that is misworded (法律服务机关) is still flagged', () => {
      const text = withHeader(['自然', '人', '法人或其他组织', '总', '计', '商业', '企业', '科研', '机构', '社会公', '益组织', '法律服', '务机关', '其', '他']);
      assert.deepEqual(loud(checkText(text).findings).map((f) => f.replace(/^\d+ /, '')), ['table-label 列名称“法律服务机关”不规范，标准名称为“法律服务机构”']);
    });
  });

  describe('labels wrapped onto the next lines (class 3)', () => {
    it('a label over four lines, its figures on the fifth, is one row with its values', () => {
      const text = PDF_COPY.replace('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0', '2、申请人逾期未按收费通知要\n求缴纳费用、\n行政机关不再处理\n其政府信息公开申请\n0 0 0 0 0 0 0');
      assert.deepEqual(rowsOf(text), rowsOf(PDF_COPY));
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('group cells wrapped (（六）其 / 他处理) are the group, not glued to the sub-row', () => {
      const text = PDF_COPY.replace('(六)其他处理 1.申请人', '(六)其\n他处理\n1.申请人');
      assert.deepEqual(rowsOf(text), rowsOf(PDF_COPY));
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('group cells printed one character a line (三 / 、 / 本 / 年 / 度 …, （三）不 / 予公开) are the groups', () => {
      const text = PDF_COPY.replace('三、本年度办理结果 (一)予以公开', '三\n、\n本\n年\n度\n办\n理\n结\n果\n(一)予以公开').replace('(三)不予公开 1.属于', '(三)不\n予公开\n1.属于');
      const t3 = t3Of(text);
      assert.deepEqual(rowsOf(text), rowsOf(PDF_COPY));
      assert.deepEqual(t3.stray.map((c) => c.text), []);
      assert.deepEqual(t3.groups.map((g) => g.cells.map((c) => c.text).join('')), t3Of(PDF_COPY).groups.map((g) => g.cells.map((c) => c.text).join('')));
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('a wrapped label with a real slip (法规禁 lost) is still flagged', () => {
      const text = PDF_COPY.replace('2.其他法律行政法规禁止公开 0', '2.其他法律行政\n止公开\n0');
      assert.ok(loud(checkText(text).findings).some((f) => f.includes('table-label') && f.includes('“2.其他法律行政') && f.includes('标准名称为“2.其他法律行政法规禁止公开”')), loud(checkText(text).findings).join('\n'));
    });
  });

  describe('table-row-missing names a sub-row with its group', () => {
    it('（六）其他处理 written as one 2019 row in a 2021 report: each missing sub-row says which group it belongs to', () => {
      const text = PDF_COPY.replace(/\(六\)其他处理 1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他 [^\n]*/, '(六)其他处理 0 0 0 0 0 0 0');
      const msgs = checkText(text).findings.filter((f) => f.rule === 'table-row-missing').map((f) => f.message);
      assert.equal(msgs.length, 3, msgs.join('\n'));
      // The group was written as one row: the message says so (branch pdflayout's wording), naming the group.
      assert.ok(msgs.every((m) => /“[(（]六[)）]其他处理”在本格式中分为子行/.test(m)), msgs.join('\n'));
      assert.ok(msgs.some((m) => m.includes('缺少行“3.其他”')), msgs.join('\n'));
    });
    it('a missing row of no group keeps the plain message', () => {
      const text = PDF_COPY.replace(/\n四、结转下年度继续办理[^\n]*/, '');
      const msgs = checkText(text).findings.filter((f) => f.rule === 'table-row-missing').map((f) => f.message);
      assert.deepEqual(msgs.map((m) => /缺少行“四、结转下年度继续办理”$/.test(m)), [true]);
    });
  });

  describe('empty cells dropped by the copy (class 2)', () => {
    // 上海 2019 as copied from the PDF: empty cells leave no trace (`（一）予以公开 258 12 1 1`).
    const dropped = PDF_COPY.replace('一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6', '一、本年新收政府信息公开申请数量 6 6')
      .replace('(一)予以公开 4 0 0 0 0 0 4', '(一)予以公开 4 4')
      .replace('1.本机关不掌握相关政府信息 2 0 0 0 0 0 2', '1.本机关不掌握相关政府信息 2 2')
      .replace('(七)总计 6 0 0 0 0 0 6', '(七)总计 6 6');
    it('rows that cannot be placed column by column: one info for the table, no error per row', () => {
      const fs = checkText(dropped).findings.filter((f) => f.rule === 'table-unbalanced');
      assert.deepEqual(fs.map((f) => f.severity), ['info']);
      assert.match(fs[0].message, /有 4 行的数值少于 7 列/);
      assert.deepEqual(loud(checkText(dropped).findings).filter((f) => f.includes('table-unbalanced')), []);
    });
    it('表四 of several totals: a row that adds up under some placement is left alone, one that adds up under none keeps the info (上海 2019 表四 `5 2 7 8 1 9`)', () => {
      const t4 = (row: string) => checkText(PDF_COPY.replace('\n0 0 0 0 0 0 2 0 0 2 0 0 0 0 0', `\n${row}`)).findings.filter((f) => f.rule === 'table-unbalanced');
      // 复议 5 + 2 = 7, 直接起诉 8 + 1 = 9 (and other placements): nothing to check against the original.
      assert.deepEqual(t4('5 2 7 8 1 9'), []);
      // 8 + 1 ≠ 10 wherever the figures go: the copy's short row is still worth a look.
      const fs = t4('5 2 7 8 1 10');
      assert.deepEqual(fs.map((f) => f.severity), ['info']);
      assert.match(fs[0].message, /有 1 行的数值少于 15 列/);
    });
    it('rows that add up under no placement (the 总计 column left empty, 上海 2019): one warning for the table instead of the info', () => {
      // The last value of a short row is its total, or the total is empty: 258 12 1 1 adds up either way never.
      const blank = dropped.replace('(一)予以公开 4 4', '(一)予以公开 3 1').replace('1.本机关不掌握相关政府信息 2 2', '1.本机关不掌握相关政府信息 2');
      const fs = checkText(blank).findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'table-unbalanced');
      assert.deepEqual(fs.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.severity}`), [`${blank.split('\n').findIndex((l) => l.includes('(一)予以公开 3 1')) + 1} total-mismatch warning`]);
      assert.match(fs[0].message, /^“收到和处理政府信息公开申请情况”有 2 行（如“\(一\)予以公开”：3 1）的“总计”与各项之和对不上：从 PDF 复制的文字不保留空白单元格/);
      // One such row alone is a sum error of that row.
      const one = dropped.replace('(一)予以公开 4 4', '(一)予以公开 3 1');
      assert.deepEqual(checkText(one).findings.filter((f) => f.rule === 'total-mismatch').map((f) => f.severity), ['error']);
      // Rows whose last value is the sum of the others may add up: no total-mismatch.
      assert.deepEqual(checkText(dropped).findings.filter((f) => f.rule === 'total-mismatch'), []);
    });
    it('prose against such rows: flagged only when no placement of the values gives its figure (上海 2019: 予以公开及部分公开258件)', () => {
      const blank = dropped.replace('(一)予以公开 4 4', '(一)予以公开 3 1').replace('1.本机关不掌握相关政府信息 2 2', '1.本机关不掌握相关政府信息 2');
      const withProse = (n: number) => blank.replace('(二)依申请公开\n', `(二)依申请公开\n2022年共受理政府信息公开申请6件。予以公开及部分公开${n}件，占50%。\n`);
      const narrative = (n: number) => checkText(withProse(n)).findings.filter((f) => f.rule === 'narrative-mismatch').map((f) => f.message);
      assert.match(narrative(3)[0], /^正文“予以公开及部分公开3件”与表三不一致：表中“（一）予以公开”加“（二）部分公开”为 4 件（从 PDF 复制的文字不保留空白单元格/);
      // 4: the total left empty (3 + 1); 1: the last value is the total.
      assert.deepEqual(narrative(4), []);
      assert.deepEqual(narrative(1), []);
      // Several figures in one report against the same rows: each is judged by its own placements
      // (a reading cached with the first figure would take 1 as the table's value for the later ones).
      const twice = (a: number, b: number) => checkText(blank.replace('(二)依申请公开\n', `(二)依申请公开\n2022年共受理政府信息公开申请6件。予以公开及部分公开${a}件，占50%。\n2022年共受理政府信息公开申请6件。予以公开及部分公开${b}件，占50%。\n`)).findings.filter((f) => f.rule === 'narrative-mismatch').map((f) => f.message);
      assert.deepEqual(twice(1, 4), []);
      const later = twice(1, 3);
      assert.equal(later.length, 1);
      assert.match(later[0], /^正文“予以公开及部分公开3件”与表三不一致：表中“（一）予以公开”加“（二）部分公开”为 4 件/);
    });
    it('a row that lost one cell in a complete table is still an error', () => {
      const text = PDF_COPY.replace('(一)予以公开 4 0 0 0 0 0 4', '(一)予以公开 4 0 0 0 0 4');
      const fs = checkText(text).findings.filter((f) => f.rule === 'table-unbalanced');
      assert.deepEqual(fs.map((f) => f.severity), ['error']);
    });
  });
});
