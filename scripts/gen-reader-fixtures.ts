// Renders the five sample text reports as Word (.docx), web page (.html, GBK-encoded for one) and
// PDF files into test/fixtures-readers/, in the shapes real ones have: Word tables with empty
// cells; pages with nested layout tables, site furniture, &nbsp; cells and spacer paragraphs; PDFs
// with running headers, page numbers, wrapped paragraphs and tables crossing pages.
// The generated files are committed (the PDF needs Debian's fonts-wqy-microhei, CI lacks it):
// `npx tsx scripts/gen-reader-fixtures.ts` after changing a sample or this script.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
// @ts-expect-error pdfkit ships no types; this script uses a handful of its calls
import PDFDocument from 'pdfkit';
import { lineCells, isMarkdownRule } from '../server/src/parse/cells';
import { normalizeLine } from '../server/src/parse/text';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
// Beside test/fixtures, not in it: the CLI tests walk that folder and count its five reports.
const OUT = path.join(ROOT, 'test', 'fixtures-readers');
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export type Block = { type: 'p'; text: string } | { type: 'table'; rows: string[][] };

/** A text report as blocks: runs of pipe/tab/aligned rows are tables (blank cells kept), other lines paragraphs. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').forEach((line, i) => {
    const norm = normalizeLine(line);
    if (isMarkdownRule(norm)) return;
    let cells: string[] | undefined;
    if (norm.includes('|') || norm.includes('\t')) {
      cells = line.split(/[|｜\t]/).map((c) => c.trim());
      if (norm.trimStart().startsWith('|')) cells.shift();
      if (norm.trimEnd().endsWith('|') && norm.trimStart().startsWith('|')) cells.pop();
    } else if (lineCells(i, line, norm).shape === 'aligned') cells = line.trim().split(/ {2,}|\u3000{2,}/);
    if (!cells) { blocks.push({ type: 'p', text: line.trim() }); return; }
    const last = blocks[blocks.length - 1];
    if (last?.type === 'table') last.rows.push(cells);
    else blocks.push({ type: 'table', rows: [cells] });
  });
  return blocks;
}

const width = (rows: string[][]): number => Math.max(...rows.map((r) => r.length));

async function docx(blocks: Block[]): Promise<Buffer> {
  const children = blocks.map((b) => {
    if (b.type === 'p') return new Paragraph({ text: b.text });
    const n = width(b.rows);
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map((r) => new TableRow({ children: Array.from({ length: n }, (_, k) => new TableCell({ children: [new Paragraph({ text: r[k] ?? '' })] })) })),
    });
  });
  const doc = new Document({ creator: 'govreport', title: 'report', sections: [{ children }] });
  return Packer.toBuffer(doc);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(blocks: Block[], title: string, charset: string): string {
  const body = blocks.map((b) => {
    if (b.type === 'p') return b.text ? `<p style="text-indent:2em">${esc(b.text).replace(/ /g, '&nbsp;')}</p>` : '<p>&nbsp;</p>';
    const n = width(b.rows);
    const rows = b.rows.map((r) => `  <tr>${Array.from({ length: n }, (_, k) => `<td>${r[k] ? esc(r[k]) : '&nbsp;'}</td>`).join('')}</tr>`);
    return `<table border="1" cellspacing="0" cellpadding="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  });
  // The shape of a county government site: a page table, a navigation bar, the article cell, a footer.
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${esc(title)}</title><style>td{font-size:12px}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计</div>");</script></head>
<body>
<nav><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/zwgk/">政务公开</a></nav>
<table width="1000" align="center" border="0"><tr><td>
<table width="100%" border="0"><tr><td class="article">
${body.join('\n')}
</td></tr></table>
</td></tr></table>
<script>window.onload = function () { console.log('loaded'); };</script>
</body></html>
`;
}

function pdf(blocks: Block[], header: string, prose = 11, layout: 'landscape' | 'portrait' = 'landscape'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout, margins: { top: 60, bottom: 60, left: 60, right: 60 }, bufferPages: true, info: { Title: header, CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
  doc.font(FONT, 'WenQuanYiMicroHei');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  for (const b of blocks) {
    if (b.type === 'p') {
      if (!b.text) { doc.fontSize(prose).moveDown(1.5); continue; }
      doc.fontSize(prose).text(b.text, left, doc.y, { width: usable, indent: 2 * prose, lineGap: prose / 3 });
      continue;
    }
    // Table: columns as wide as their widest cell, the font shrunk until the widest row fits.
    let size = 9;
    let widths: number[] = [];
    for (; size >= 4; size -= 0.5) {
      doc.fontSize(size);
      widths = Array.from({ length: width(b.rows) }, (_, k) => Math.max(20, ...b.rows.map((r) => (r[k] ? doc.widthOfString(r[k]) : 0))) + 2.5 * size);
      if (widths.reduce((a, w) => a + w, 0) <= usable) break;
    }
    const rowH = size * 1.9;
    for (const r of b.rows) {
      if (doc.y + rowH > bottom()) doc.addPage();
      const y = doc.y;
      let x = left;
      r.forEach((c, k) => {
        if (c) doc.text(c, x + size / 2, y + size / 2, { lineBreak: false });
        x += widths[k];
      });
      doc.y = y + rowH;
    }
    doc.x = left;
  }
  // Running header and page number on every page, as a word processor prints them.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const m = doc.page.margins;
    doc.page.margins = { ...m, top: 0, bottom: 0 };
    doc.fontSize(8).text(header, left, 30, { lineBreak: false });
    doc.fontSize(9).text(`- ${i + 1} -`, doc.page.width / 2 - 10, doc.page.height - 40, { lineBreak: false });
    doc.page.margins = m;
  }
  doc.end();
  return done;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    const blocks = blocksOf(text);
    const base = path.join(OUT, name.replace(/\.txt$/, ''));
    const title = blocks.find((b): b is Extract<Block, { type: 'p' }> => b.type === 'p' && b.text.includes('报告'))?.text ?? name;
    fs.writeFileSync(`${base}.docx`, await docx(blocks));
    // One page is GBK, as older county sites still serve them.
    const gbk = name.startsWith('kunming');
    const page = html(blocks, title, gbk ? 'gb2312' : 'utf-8');
    fs.writeFileSync(`${base}.html`, gbk ? iconv.encode(page, 'gbk') : page);
    if (fs.existsSync(FONT)) fs.writeFileSync(`${base}.pdf`, await pdf(blocks, title));
    console.log(name);
  }
  // The benchmark's 10-page PDF: the 鲁山 report in a large type.
  const lushan = blocksOf(fs.readFileSync(path.join(FIXTURES, 'lushan-health-2021-tab.txt'), 'utf8'));
  if (fs.existsSync(FONT)) fs.writeFileSync(path.join(OUT, 'bench-10-pages.pdf'), await pdf(lushan, '卫健委2021年政府信息公开工作年度报告', 24, 'landscape'));
}

if (require.main === module) main().catch((e) => { console.error(e); process.exitCode = 1; });
