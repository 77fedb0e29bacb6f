// The .docx/.html/.pdf readers: the five samples rendered to each format give the text's findings
// (with locations in the document), merged cells and blanks survive, page furniture goes, and bad
// files get a clear message.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, LevelFormat } from 'docx';
// @ts-expect-error pdfkit ships no types
import PDFDocument from 'pdfkit';
import { checkText } from '../../server/src/check';
import { reportText } from '../../server/src/io/source-file';
import { extractSource } from '../../server/src/io/readers/load';
import { describeLocation, locate, type ExtractResult } from '../../server/src/io/readers/source';
import { gridFromSpans, placeSpans } from '../../server/src/io/readers/grid';
import { relayout } from '../../server/src/io/readers/relayout';

const FIX = join(__dirname, '..', 'fixtures');
const RENDERED = join(__dirname, '..', 'fixtures-readers');
const key = (f: { rule: string; message: string }): string => `${f.rule}: ${f.message}`;

function ok(r: ExtractResult): Extract<ExtractResult, { ok: true }> {
  if (!r.ok) assert.fail(r.message.en);
  return r;
}

function pdfOf(draw: (doc: any) => void, options: Record<string, unknown> = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', bufferPages: true, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('readers: the five samples as .docx, .html and .pdf', () => {
  for (const name of readdirSync(FIX).filter((f) => f.endsWith('.txt'))) {
    const expected = checkText(readFileSync(join(FIX, name), 'utf8')).findings.map(key).sort();
    for (const ext of ['docx', 'html', 'pdf']) {
      it(`${name.replace('.txt', '.' + ext)} gives the text's findings, each with a location in the document`, async () => {
        const file = join(RENDERED, name.replace('.txt', '.' + ext));
        const r = await reportText(file, readFileSync(file));
        assert.ok(r.ok && r.source, `${file} not extracted`);
        const found = checkText(r.text).findings;
        assert.deepEqual(found.map(key).sort(), expected);
        for (const f of found) {
          const loc = locate(r.source.lines, f.range.start.line, f.range.start.character);
          if (!r.text.split('\n')[f.range.start.line]) continue; // findings at an empty line (e.g. "no title")
          assert.ok(loc, `${key(f)} has no location`);
          if (ext === 'pdf') assert.ok(loc.page && loc.line, `${key(f)}: ${JSON.stringify(loc)}`);
          else assert.ok(loc.paragraph || (loc.table && loc.row), `${key(f)}: ${JSON.stringify(loc)}`);
        }
      });
    }
  }
});

describe('readers: a 10-page PDF in a large type', () => {
  it('gives the 鲁山 text report\'s findings: paragraphs wrapped over many lines and pages are joined again', async () => {
    const file = join(RENDERED, 'bench-10-pages.pdf');
    const r = await reportText(file, readFileSync(file));
    assert.ok(r.ok && r.source);
    assert.equal(Math.max(...r.source.lines.map((l) => l.page ?? 0)), 10);
    assert.deepEqual(checkText(r.text).findings.map(key).sort(), checkText(readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8')).findings.map(key).sort());
  });
});

describe('readers: HTML', () => {
  // The shape of a real county page: GBK, layout tables, a rowspan/colspan header, &nbsp; cells, furniture.
  const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>p{margin:0}</style><script>document.write('<p>广告</p>')</script></head><body>
<nav><a href="/">首页</a></nav>
<table width="100%"><tr><td><table><tr><td class="content">
<p align="center">某某县人民政府办公室2023年政府信息公开工作年度报告</p>
<p>&nbsp;</p>
<p>一、总体情况<br>本机关全年收到申请&nbsp;5&nbsp;件。</p>
<table border="1">
<tr><td rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td>一、本年新收政府信息公开申请数量</td><td>5</td><td>&nbsp;</td><td></td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
</table>
</td></tr></table></td></tr></table>
<script>var x = 1;</script></body></html>`;
  const bytes = iconv.encode(page, 'gbk');

  it('decodes a GBK page, drops script/style/nav, reads the innermost table with merged header cells and blanks', async () => {
    const r = ok(await extractSource(bytes, 'html'));
    assert.deepEqual(r.text.split('\n'), [
      '某某县人民政府办公室2023年政府信息公开工作年度报告',
      '',
      '一、总体情况',
      '本机关全年收到申请 5 件。',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '\t自然人\t法人或其他组织\t总计',
      '\t\t商业 企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
      '一、本年新收政府信息公开申请数量\t5\t\t\t0\t0\t0\t5',
      '',
    ]);
    assert.deepEqual(r.lines[7], { table: 1, row: 4, cells: [0, 17, 19, 20, 21, 23, 25, 27] });
    assert.equal(describeLocation(locate(r.lines, 7, 21)!, 'zh'), '表1 第4行 第5列');
    assert.equal(describeLocation(locate(r.lines, 3, 2)!, 'zh'), '第3段');
  });

  it('reads the article of a published page, not the site around it', async () => {
    const menu = Array.from({ length: 40 }, (_, i) => `<li><a href="/l${i}">栏目${i}</a></li>`).join('');
    const body = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n').map((l) => `<p>${l}</p>`).join('\n');
    const page = `<html><body><div class="top"><div class="logo">昆明市西山区人民政府</div><ul>${menu}</ul></div>
<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="main"><div class="info">发布时间：2023-01-28 来源：区卫健局 字号：大 中 小</div><div class="content">${body}</div>
<div class="tools">打印本页 关闭窗口</div></div>
<div class="footer">主办单位：西山区人民政府办公室。备案号：滇ICP备0000号。</div></body></html>`;
    const r = ok(await extractSource(Buffer.from(page), 'html'));
    assert.match(r.text, /^昆明市西山区卫生健康局2022年政府信息公开工作年度报告\n/);
    assert.doesNotMatch(r.text, /栏目\d|主办单位|打印本页|首页/);
    const text = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
    assert.deepEqual(checkText(r.text).findings.map(key).sort(), checkText(text).findings.map(key).sort());
  });

  it('keeps UTF-8 pages without a charset and falls back to GB18030 for undeclared GBK', async () => {
    assert.match(ok(await extractSource(Buffer.from('<p>二、主动公开</p>'), 'html')).text, /^二、主动公开\n/);
    assert.match(ok(await extractSource(iconv.encode('<p>二、主动公开</p>', 'gbk'), 'html')).text, /^二、主动公开\n/);
  });

  it('says so when a page has no text, and survives markup nested 10,000 deep', async () => {
    assert.equal((await extractSource(Buffer.from('<html><script>x</script></html>'), 'html')).ok, false);
    const deep = Buffer.from('<div>'.repeat(10_000) + '一、总体情况' + '</div>'.repeat(10_000));
    const r = await extractSource(deep, 'html');
    assert.ok(r.ok ? r.text.includes('一、总体情况') : r.message.zh.length > 0);
  });
});

describe('readers: Word', () => {
  it('expands gridSpan and vMerge, keeps empty cells, writes out automatic numbering', async () => {
    const cell = (text: string, o: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph(text)], ...o });
    const doc = new Document({
      numbering: { config: [{ reference: 'h', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }] },
      sections: [{ children: [
        new Paragraph({ text: '总体情况', numbering: { reference: 'h', level: 0 } }),
        new Paragraph(''),
        new Paragraph({ text: '主动公开政府信息情况', numbering: { reference: 'h', level: 0 } }),
        new Table({ rows: [
          new TableRow({ children: [cell('三、本年度办理结果', { verticalMerge: VerticalMergeType.RESTART }), cell('（一）予以公开'), cell('4'), cell(''), cell('4')] }),
          new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('（二）部分公开'), cell('0', { columnSpan: 2 }), cell('0')] }),
        ] }),
      ] }],
    });
    const r = ok(await extractSource(await Packer.toBuffer(doc), 'docx'));
    assert.deepEqual(r.text.split('\n'), [
      '一、总体情况',
      '',
      '二、主动公开政府信息情况',
      '三、本年度办理结果\t（一）予以公开\t4\t\t4',
      '\t（二）部分公开\t0\t\t0',
      '',
    ]);
    assert.deepEqual(locate(r.lines, 4, 9), { table: 1, row: 2, column: 3 });
  });

  it('refuses damaged, encrypted and image-only documents with a message', async () => {
    assert.match((await extractSource(Buffer.from('PK\x03\x04garbage'), 'docx') as { message: { zh: string } }).message.zh, /损坏/);
    const ole = Buffer.alloc(64); Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    assert.match((await extractSource(ole, 'docx') as { message: { zh: string } }).message.zh, /加密/);
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [] }] }));
    assert.equal((await extractSource(empty, 'docx')).ok, false);
  });
});

describe('readers: PDF', () => {
  it('drops running headers and page numbers, keeps a table that crosses a page as one run of rows', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      for (let p = 0; p < 3; p++) {
        if (p) doc.addPage();
        doc.text('Annual Report 2023', 72, 30, { lineBreak: false });
        for (let r = 0; r < 3; r++) {
          const y = 100 + r * 20;
          doc.text(`Row ${p * 3 + r + 1}`, 72, y, { lineBreak: false });
          doc.text(String(p * 3 + r), 250, y, { lineBreak: false });
          if (r !== 1) doc.text('7', 350, y, { lineBreak: false });
          doc.text('9', 450, y, { lineBreak: false });
        }
        doc.text(String(p + 1), 300, 800, { lineBreak: false });
      }
    });
    const r = ok(await extractSource(pdf, 'pdf'));
    const lines = r.text.trim().split('\n');
    assert.equal(lines.length, 9, r.text);
    assert.equal(lines[0], 'Row 1\t0\t7\t9');
    assert.equal(lines[1], 'Row 2\t1\t\t9', 'the empty cell is a blank field');
    assert.equal(lines[8], 'Row 9\t8\t7\t9');
    assert.deepEqual(locate(r.lines, 4, 0), { page: 2, line: 2, column: 1 });
    assert.equal(describeLocation(locate(r.lines, 4, 0)!, 'zh'), '第2页第2行 第1列');
  });

  it('says a scan has no text layer, an encrypted or damaged file cannot be read', async () => {
    const scan = await pdfOf((doc) => { doc.rect(50, 50, 200, 200).fill('#888'); });
    assert.match((await extractSource(scan, 'pdf') as { message: { zh: string } }).message.zh, /没有文字层.*OCR/);
    const locked = await pdfOf((doc) => { doc.text('secret'); }, { userPassword: 'x', ownerPassword: 'y' });
    assert.match((await extractSource(locked, 'pdf') as { message: { zh: string } }).message.zh, /加密/);
    assert.match((await extractSource(Buffer.from('%PDF-1.7\n1 0 obj <<>>\n%%EOF'), 'pdf') as { message: { zh: string } }).message.zh, /损坏|无法/);
    assert.match((await extractSource(Buffer.from('not a pdf'), 'pdf') as { message: { zh: string } }).message.zh, /不是 PDF/);
  });

  it('refuses a PDF of more pages than any report has, before reading them (20,000 pages took minutes)', async () => {
    // One content stream shared by every page keeps the file small; each page has text, so only the page count can refuse it.
    const n = 1001;
    const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: n }, (_, i) => `${i + 5} 0 R`).join(' ')}] /Count ${n} >>`,
      '<< /Length 34 >>\nstream\nBT /F1 12 Tf 72 700 Td (x) Tj ET\nendstream', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>')];
    let pdf = '%PDF-1.4\n';
    const offsets = objs.map((o, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
    const xref = pdf.length;
    pdf += `xref\n0 ${n + 5}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${n + 5} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const r = await extractSource(Buffer.from(pdf, 'latin1'), 'pdf');
    assert.ok(!r.ok, 'refused');
    assert.match(r.message.zh, /共 1001 页.*上限/);
    assert.match(r.message.en, /1001 pages/);
  });
});

describe('readers: grid and layouts', () => {
  it('a merged cell stands in its first position, the rest are blanks; spans are capped', () => {
    assert.deepEqual(gridFromSpans([
      [{ text: 'a', colspan: 1, rowspan: 2 }, { text: 'b', colspan: 2, rowspan: 1 }],
      [{ text: 'c', colspan: 1, rowspan: 1 }, { text: 'd', colspan: 1, rowspan: 1 }],
    ]), [['a', 'b'], ['', 'c', 'd']]);
    // A cell spanning rows and columns leaves one blank field per row below it, not one per column.
    assert.deepEqual(gridFromSpans([
      [{ text: 'g', colspan: 2, rowspan: 2 }, { text: '1', colspan: 1, rowspan: 1 }],
      [{ text: '2', colspan: 1, rowspan: 1 }],
    ]), [['g', '1'], ['', '2']]);
    assert.deepEqual(gridFromSpans([[{ text: 'x', colspan: 1e9, rowspan: 2 }], []]), [['x'], ['']]);
  });

  it('rowspans are followed across 256 columns at most: cells spanning 64×64 in every row stay a bounded grid', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [{ text: String(i), colspan: 64, rowspan: 64 }]);
    const grid = gridFromSpans(rows);
    // Without the cap, row k's cell stands after k covered cells (up to 63 blanks); past column 256 no cover is kept.
    assert.ok(Math.max(...grid.map((r) => r.length)) <= 5, `widest row: ${Math.max(...grid.map((r) => r.length))}`);
    assert.deepEqual(grid.map((r) => r.filter((x) => x !== '')), rows.map((r) => [r[0].text]), 'every cell is kept, in order');
  });

  // 上海 2019 表二: the header's 本年增/减 spans columns 2–3, the data's first value columns 1–2. A span
  // is one field, as a browser copies it, so the row keeps its three values (not four with a blank).
  it('a value spanning columns is one value, however the spans of header and data rows are aligned', () => {
    const td = (text: string, colspan = 1) => ({ text, colspan, rowspan: 1 });
    assert.deepEqual(gridFromSpans([
      [td('信息内容'), td('上一年项目数量'), td('本年增/减', 2), td('处理决定数量')],
      [td('行政许可'), td('0', 2), td('0'), td('0')],
    ]), [['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', '0', '0', '0']]);
  });

  // Misaligned spans: a cell of the row below a rowspan spans over the covered column (browsers overlap them).
  // The rowspan still ends where it says: the row after is laid out in full, not pushed right behind a blank.
  // The converter-Markdown row insert (md-html-insert.ts) places cells with the same walk, so it agrees.
  it('a rowspan overlapped by a cell spanning columns below it ends where it says', () => {
    const td = (text: string, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });
    assert.deepEqual(gridFromSpans([
      [td('A'), td('B'), td('C', 1, 2)],
      [td('D', 3)],
      [td('E'), td('F'), td('G')],
    ]), [['A', 'B', 'C'], ['D'], ['E', 'F', 'G']]);
    const cols: string[] = [];
    placeSpans([[td('A'), td('B'), td('C', 1, 2)], [td('D', 3)], [td('E'), td('F'), td('G')]], (c, row, col) => cols.push(`${c.text}${row}${col}`));
    assert.deepEqual(cols, ['A00', 'B01', 'C02', 'D10', 'E20', 'F21', 'G22']);
    // Not overlapped, the rowspan's blank field stays: 上 covers one row below.
    assert.deepEqual(gridFromSpans([[td('上', 1, 2), td('1')], [td('2')], [td('3'), td('4')]]), [['上', '1'], ['', '2'], ['3', '4']]);
  });

  it('pipe and Markdown layouts parse to the same findings as the tab layout', async () => {
    const file = join(RENDERED, 'lushan-health-2021-tab.docx');
    const r = await reportText(file, readFileSync(file));
    assert.ok(r.ok && r.source);
    const base = checkText(r.text).findings.map(key).sort();
    for (const layout of ['pipe', 'markdown'] as const) assert.deepEqual(checkText(relayout(r.source, layout)).findings.map(key).sort(), base, layout);
  });
});
