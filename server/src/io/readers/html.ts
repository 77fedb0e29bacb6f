// Web pages → tab-layout text. Government sites publish the report inside layout tables (a page
// table, a content cell, then the report's own tables), with &nbsp; for empty cells and rowspan/
// colspan headers. A table that holds another table is layout: its cells are read as blocks. A
// table without a nested table is a data table: one line per row, merged cells expanded (grid.ts).
// htmlparser2: a fast, forgiving parser (implied end tags for td/tr/p) with a small DOM.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import * as iconv from 'iconv-lite';
import { TextBuilder, cellText, type ExtractResult } from './source';
import { gridFromSpans, type SpanCell } from './grid';
import { boundDepth } from './html-depth';
import { BLOCK, DROP, cellsOf, hasTable, isElement, rowsOf, span } from './html-dom';

/** Decodes a web page: BOM, then <meta charset> / http-equiv, then UTF-8, then GB18030 (GBK pages). */
export function decodeHtml(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf-16be');
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head);
  let label = m?.[1].toLowerCase();
  // GB2312 and GBK pages use GB18030 characters freely; the superset decodes them all.
  if (label === 'gb2312' || label === 'gbk' || label === 'x-gbk' || label === 'cp936') label = 'gb18030';
  if (label && label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label)) return iconv.decode(buf, label);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

/**
 * A table used for page layout rather than data: one that holds another table, has a single
 * column (a frame around the article), or has a cell with a page of running text in it.
 */
function isLayoutTable(table: Element): boolean {
  if (hasTable(table)) return true;
  let wide = false;
  for (const tr of rowsOf(table)) {
    const cells = cellsOf(tr);
    if (cells.length > 1) wide = true;
    for (const td of cells) if (inlineText(td).length > 1000) return true;
  }
  return !wide;
}

/** All text of a node, with <br> and block ends as spaces (a cell is one field). */
function inlineText(n: ChildNode): string {
  if (n.type === 'text') return n.data;
  if (!isElement(n) || DROP.has(n.name)) return '';
  if (n.name === 'br') return ' ';
  let s = '';
  for (const c of n.children) s += inlineText(c);
  return BLOCK.has(n.name) ? ` ${s} ` : s;
}

class HtmlWalker {
  readonly out = new TextBuilder();
  private line = '';

  flush(): void {
    // HTML whitespace collapses; &nbsp; (U+00A0) is kept until the line is cleaned.
    const t = this.line.replace(/[ \t\n\r\f]+/g, ' ');
    this.line = '';
    this.out.paragraph(t);
  }

  walk(n: ChildNode): void {
    if (n.type === 'text') { this.line += n.data; return; }
    if (!isElement(n) || DROP.has(n.name)) return;
    if (n.name === 'br') { this.flush(); return; }
    // An empty paragraph (<p>&nbsp;</p>, CMS editors' spacer) is a blank line.
    if (n.name === 'p' && !/[^\s\u00a0]/.test(inlineText(n))) { this.flush(); this.out.blank(); return; }
    if (n.name === 'table' && !isLayoutTable(n)) { this.flush(); this.dataTable(n); return; }
    const block = BLOCK.has(n.name);
    if (block) this.flush();
    for (const c of n.children) this.walk(c);
    if (block) this.flush();
  }

  private dataTable(table: Element): void {
    for (const c of table.children) if (isElement(c) && c.name === 'caption') this.out.paragraph(cellText(inlineText(c)));
    const rows: SpanCell[][] = rowsOf(table).map((tr) => cellsOf(tr).map((td) => ({
      text: cellText(inlineText(td)),
      colspan: span(td, 'colspan'),
      rowspan: span(td, 'rowspan'),
    })));
    this.out.table(gridFromSpans(rows));
  }
}

const TITLE = /政府信息公开.{0,20}报告|信息公开.{0,10}年报/;

interface Weight { sentences: number; title: boolean }

/** Sentences (。) and whether the report title is inside, for every element, bottom-up in one pass. */
function weigh(n: ChildNode, out: Map<Element, Weight>): Weight {
  if (n.type === 'text') {
    let sentences = 0;
    for (let i = n.data.indexOf('。'); i >= 0; i = n.data.indexOf('。', i + 1)) sentences++;
    return { sentences, title: n.data.length < 100 && TITLE.test(n.data) };
  }
  if (!isElement(n) || DROP.has(n.name)) return { sentences: 0, title: false };
  const w: Weight = { sentences: 0, title: false };
  for (const c of n.children) {
    const x = weigh(c, out);
    w.sentences += x.sentences;
    w.title ||= x.title;
  }
  out.set(n, w);
  return w;
}

/**
 * The article of a published page: the innermost element that still holds the report title (when
 * there is one) and nearly all of its sentences. The site's header, menus, breadcrumbs, "print /
 * close" links and footer around it would otherwise come before the title and after the signature.
 */
function article(roots: ChildNode[]): ChildNode[] {
  const weights = new Map<Element, Weight>();
  let total = 0;
  let title = false;
  for (const r of roots) { const w = weigh(r, weights); total += w.sentences; title ||= w.title; }
  if (total < 3) return roots;
  let nodes = roots;
  for (;;) {
    const inner = nodes.filter(isElement).map((e) => e.children).flat().filter(isElement)
      .find((e) => { const w = weights.get(e); return !!w && w.sentences >= total * 0.8 && (!title || w.title); });
    // Only one candidate can hold 80 % of the sentences; descending stops where the content splits.
    if (!inner) return nodes;
    nodes = [inner];
  }
}

export function extractHtml(bytes: Uint8Array): ExtractResult {
  const html = boundDepth(decodeHtml(bytes));
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const w = new HtmlWalker();
  for (const c of article(doc.children)) w.walk(c);
  w.flush();
  const text = w.out.text;
  if (!text.trim()) return { ok: false, message: { zh: '网页中没有可读的文字', en: 'The web page contains no readable text' } };
  return { ok: true, kind: 'html', text, lines: w.out.lines, notes: [] };
}
