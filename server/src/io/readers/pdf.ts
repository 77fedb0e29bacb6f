// PDF → tab-layout text with pdfjs-dist (Mozilla's PDF.js, pure JavaScript): the text items with
// their positions are put back into lines (by baseline) and cells (by the gaps between items).
// Within a run of table lines, columns are rebuilt from the fullest rows so an empty cell stays a
// blank field. Running headers and footers (repeated at the top or bottom of most pages) and page
// numbers are dropped; paragraph lines that wrap at the right margin are joined again. Pages follow
// each other with nothing in between, so a table that crosses a page stays one table.
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { TextBuilder, cellText, type ExtractResult } from './source';
import { inGrid, pageRules, readGrid, tableGrids, type Ops } from './pdf-rules';

let pdfjsLib: Promise<typeof Pdfjs> | undefined;

/**
 * PDF.js, loaded when the first PDF is opened. Its worker code runs in this thread (no worker file
 * to find next to a bundle, no thread to start). While loading, it warns on the console that it
 * cannot set up canvas rendering, which text extraction never uses: those lines are kept out of
 * the CLI's output.
 */
function loadPdfjs(): Promise<typeof Pdfjs> {
  pdfjsLib ??= (async () => {
    const log = console.log;
    console.log = () => undefined;
    try {
      // @ts-expect-error the worker module ships without type declarations
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      lib.GlobalWorkerOptions.workerSrc = 'in-thread';
      return lib;
    } finally {
      console.log = log;
    }
  })();
  return pdfjsLib;
}

interface Chunk { text: string; x0: number; x1: number }
interface PLine {
  y: number; size: number; chunks: Chunk[]; page: number;
  /** In the page's top or bottom eighth, where running headers and footers live. */ margin: boolean;
  /** A row of a ruled table, already cut into cells by its borders ('' = blank cell). */ cells?: string[];
}

interface Item { str: string; x: number; y: number; w: number; size: number }

/** Items → lines (same baseline within half a font size) → chunks (gaps wider than a character). */
function pageLines(items: Item[], page: number, height: number): PLine[] {
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PLine[] = [];
  let cur: Item[] = [];
  const close = (): void => {
    if (!cur.length) return;
    cur.sort((a, b) => a.x - b.x);
    const size = Math.max(...cur.map((i) => i.size));
    const chunks: Chunk[] = [];
    for (const it of cur) {
      const last = chunks[chunks.length - 1];
      const gap = last ? it.x - last.x1 : Infinity;
      if (last && gap < size * 0.9) {
        // A word space (Latin text, or spaces typed between CJK words); a wider gap is an aligned gap.
        const space = gap > size * 0.55 ? '  ' : gap > size * 0.2 ? ' ' : '';
        last.text += space + it.str;
        last.x1 = Math.max(last.x1, it.x + it.w);
      } else chunks.push({ text: it.str, x0: it.x, x1: it.x + it.w });
    }
    const kept = chunks.map((c) => ({ ...c, text: c.text.trim() })).filter((c) => c.text);
    const y = cur[0].y;
    if (kept.length) lines.push({ y, size, chunks: kept, page, margin: y > height * 0.875 || y < height * 0.125 });
    cur = [];
  };
  for (const it of items) {
    if (cur.length && Math.abs(cur[0].y - it.y) > Math.max(cur[0].size, it.size) * 0.5) close();
    cur.push(it);
  }
  close();
  return lines;
}

const lineText = (l: PLine): string => l.chunks.map((c) => c.text).join(' ');
// Tested on the line without whitespace (pageLabel): one quantifier per run, no backtracking.
const PAGE_NUMBER = /^[-—–_]*第?\d{1,4}页?(?:(?:\/|of|共)\d{1,4}页?)?[-—–_]*$/i;
const ROMAN_PAGE = /^[-—–]*[ivxlcIVXLC]{1,6}[-—–]*$/;
/** A line's text without whitespace, when short enough to be a page label ('' otherwise). */
const pageLabel = (l: PLine): string => { const t = lineText(l); return t.length <= 40 ? t.replace(/\s+/g, '') : ''; };

/** Drops running headers/footers and page numbers: lines at a page's top or bottom repeated on most pages, or only a number. */
function dropFurniture(pages: PLine[][]): PLine[][] {
  const edge = (ls: PLine[]): PLine[] => [...ls.slice(0, 2), ...ls.slice(-2)].filter((l) => l.margin);
  // Furniture repeats at the same height on every page: the title on page 1 is not the running header.
  const key = (l: PLine): string => `${Math.round(l.y / 4)}:${lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const count = new Map<string, number>();
  for (const ls of pages) for (const k of new Set(edge(ls).map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  // Bare numbers are left to the page-number test below: a column of values repeats too.
  const repeated = (l: PLine): boolean => pages.length >= 3 && /[^\d\s.,]/.test(lineText(l)) && (count.get(key(l)) ?? 0) >= Math.max(3, pages.length * 0.5);
  // A bare number is a page number only where page numbers stand on most pages: a table cell "0"
  // at the foot of a page is not one. A decorated one (- 3 -, 第3页) is always furniture.
  // A bare number is a page number where the numbers count the pages up, at the same height, on
  // most pages: a table cell "0" at the foot of a page is not one. A decorated one (- 3 -, 第3页) always is.
  const slot = (l: PLine, page: number): string => `${Math.round(l.y / 4)}:${Number(/\d+/.exec(lineText(l))?.[0]) - page}`;
  const numberAt = new Map<string, number>();
  pages.forEach((ls, p) => { for (const l of edge(ls)) if (PAGE_NUMBER.test(pageLabel(l))) numberAt.set(slot(l, p), (numberAt.get(slot(l, p)) ?? 0) + 1); });
  const pageNumber = (l: PLine, page: number): boolean => {
    const t = pageLabel(l);
    if (ROMAN_PAGE.test(t)) return /[-—–]/.test(t);
    if (!PAGE_NUMBER.test(t)) return false;
    return /[-—–_第页/共]|of/i.test(t) || (numberAt.get(slot(l, page)) ?? 0) >= Math.max(2, pages.length * 0.5);
  };
  return pages.map((ls, page) => {
    const drop = new Set<PLine>();
    // Only the outermost lines can be furniture: from each end, drop while the line qualifies.
    for (const order of [ls, [...ls].reverse()]) {
      for (const l of order.slice(0, 2)) {
        if (l.margin && (pageNumber(l, page) || repeated(l))) drop.add(l);
        else break;
      }
    }
    return ls.filter((l) => !drop.has(l));
  });
}

/** Within a run of ≥2 multi-cell lines, assigns cells to the columns of the fullest rows: gaps become blanks. */
function columnize(run: PLine[]): (string[] | undefined)[] {
  const most = Math.max(...run.map((l) => l.chunks.length));
  const full = run.filter((l) => l.chunks.length === most);
  const cols: [number, number][] = [];
  for (let k = 0; k < most; k++) cols.push([Math.min(...full.map((l) => l.chunks[k].x0)), Math.max(...full.map((l) => l.chunks[k].x1))]);
  for (let k = 1; k < most; k++) if (cols[k][0] < cols[k - 1][1]) return run.map(() => undefined); // overlapping: no clear grid
  return run.map((l) => {
    if (l.chunks.length === most) return undefined;
    const cells: string[] = [];
    let prev = -1;
    for (const c of l.chunks) {
      // The column the chunk overlaps most, or the nearest; never before the previous chunk's column.
      let best = -1;
      let bestScore = -Infinity;
      for (let k = Math.max(0, prev); k < most; k++) {
        const overlap = Math.min(c.x1, cols[k][1]) - Math.max(c.x0, cols[k][0]);
        const score = overlap > 0 ? overlap : -Math.min(Math.abs(c.x0 - cols[k][0]), Math.abs(c.x1 - cols[k][1])) - 1e6;
        if (score > bestScore) { bestScore = score; best = k; }
      }
      if (best === prev) { cells[best] += ' ' + c.text; continue; }
      while (cells.length < best) cells.push('');
      cells.push(c.text);
      prev = best;
    }
    return cells;
  });
}

/** Annual reports run to tens of pages; a PDF claiming thousands would take minutes page by page (≈5 ms each even when empty). */
const MAX_PAGES = 1000;

const ENDS_PARAGRAPH = /[。；;：:！!？?]$/;
const STARTS_ITEM = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  const pdfjs = await loadPdfjs();
  let doc: Pdfjs.PDFDocumentProxy;
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') return { ok: false, message: { zh: 'PDF 文件已加密（需要密码），无法读取', en: 'The PDF is encrypted (password required) and cannot be read' } };
    return { ok: false, message: { zh: `PDF 文件已损坏或无法解析（${(e as Error)?.message ?? e}）`, en: `The PDF is damaged or cannot be parsed (${(e as Error)?.message ?? e})` } };
  }
  if (doc.numPages > MAX_PAGES) {
    const pagesCount = doc.numPages;
    await doc.destroy();
    return { ok: false, message: { zh: `PDF 共 ${pagesCount} 页，超过 ${MAX_PAGES} 页的上限，不像是年度报告，未读取`, en: `The PDF has ${pagesCount} pages, over the limit of ${MAX_PAGES}: not an annual report; not read` } };
  }
  try {
    const pages: PLine[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        // Whitespace items are PDF.js's stand-ins for gaps: the gaps themselves tell cells and words apart.
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , d, e, f] = it.transform as number[];
        if (Math.abs(b) > Math.abs(a) * 0.1) continue; // rotated text: stamps and watermarks
        items.push({ str: it.str, x: e, y: f, w: it.width, size: Math.abs(d) || it.height || 10 });
        chars += it.str.trim().length;
      }
      const height = page.view[3] - page.view[1];
      const ops = await page.getOperatorList();
      pages.push(withTables(items, tableGrids(pageRules(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as Ops)), p, height));
      page.cleanup();
    }
    if (chars === 0) {
      return { ok: false, message: { zh: `PDF 共 ${doc.numPages} 页，但没有文字层（可能是扫描件）；本工具不做文字识别（OCR），请使用带文字的 PDF、Word 或文本版本`, en: `The PDF has ${doc.numPages} page(s) but no text layer (a scan?); govreport does no OCR — use a PDF with text, the Word file or a text version` } };
    }
    return { ok: true, kind: 'pdf', ...assemble(dropFurniture(pages)), notes: [] };
  } catch (e) {
    return { ok: false, message: { zh: `PDF 文件内容无法读取（${(e as Error)?.message ?? e}）`, en: `The PDF content cannot be read (${(e as Error)?.message ?? e})` } };
  } finally {
    await doc.destroy();
  }
}

/** A page's lines: the rows of its ruled tables read cell by cell, the other text line by line, top to bottom. */
function withTables(items: Item[], grids: ReturnType<typeof tableGrids>, page: number, height: number): PLine[] {
  const rest: Item[] = [];
  const inside = grids.map((): Item[] => []);
  for (const it of items) {
    const g = grids.findIndex((gr) => inGrid(gr, it));
    (g < 0 ? rest : inside[g]).push(it);
  }
  const lines = pageLines(rest, page, height);
  grids.forEach((g, k) => {
    for (const row of readGrid(g, inside[k])) {
      const chunks = row.cells.filter((c) => c).map((text, n) => ({ text, x0: n, x1: n }));
      lines.push({ y: row.y, size: row.size, chunks, page, margin: row.y > height * 0.875 || row.y < height * 0.125, cells: row.cells });
    }
  });
  return lines.sort((a, b) => b.y - a.y);
}

/** Lines of all pages → text: table runs columnised, wrapped paragraph lines joined. */
function assemble(pages: PLine[][]): { text: string; lines: TextBuilder['lines'] } {
  const all = pages.flat();
  const prose = all.filter((l) => !l.cells);
  const out = new TextBuilder();
  // The right margin of running text: where most long single-cell lines end.
  // The right margin of running text: where long single-cell lines end (short ones are cells and headings).
  const ends = prose.filter((l) => l.chunks.length === 1 && l.chunks[0].text.length >= 20).map((l) => l.chunks[0].x1).sort((a, b) => a - b);
  const right = ends.length >= 3 ? ends[Math.floor(ends.length * 0.75)] : Infinity;
  const pageLine = new Map<PLine, number>();
  for (const ls of pages) ls.forEach((l, i) => pageLine.set(l, i + 1));

  // Where running text starts, and whether paragraphs are indented (then an indent, not a full
  // stop, says that a paragraph begins: a wrapped line may well end in 。).
  const starts = prose.filter((l) => l.chunks.length === 1 && l.chunks[0].text.length >= 20).map((l) => l.chunks[0].x0).sort((a, b) => a - b);
  const left = starts.length ? starts[Math.floor(starts.length * 0.1)] : 0;
  const indented = prose.filter((l) => l.chunks.length === 1 && l.chunks[0].x0 > left + l.size * 1.5 && l.chunks[0].x0 < left + l.size * 2.6).length >= 3;
  const continues = (cur: PLine, next: PLine, text: string): boolean => {
    if (next.cells || next.chunks.length !== 1 || cur.chunks[0].x1 < right - cur.size * 1.5) return false;
    if (next.page === cur.page && cur.y - next.y > cur.size * 2.2) return false;
    const nt = next.chunks[0].text;
    if (STARTS_ITEM.test(nt) || next.chunks[0].x0 > left + cur.size * 0.8) return false;
    return indented || !ENDS_PARAGRAPH.test(text);
  };
  // A gap of about two lines or more on a page is a blank line (paragraphs set apart).
  let prev: PLine | undefined;
  const spaceBefore = (l: PLine): void => {
    if (prev && prev.page === l.page && prev.y - l.y > Math.max(prev.size, l.size) * 2.2) out.blank();
  };
  let i = 0;
  while (i < all.length) {
    const l = all[i];
    if (l.cells) {
      // Rows of a ruled table are tall: the gap between them is no blank line.
      if (!prev?.cells) spaceBefore(l);
      prev = l;
      const offsets: number[] = [];
      let text = '';
      l.cells.forEach((c, n) => { if (n) text += '\t'; offsets.push(text.length); text += cellText(c); });
      out.line(text, { page: l.page, pageLine: pageLine.get(l), cells: offsets });
      i++;
      continue;
    }
    if (l.chunks.length > 1) {
      let j = i;
      while (j < all.length && all[j].chunks.length > 1 && !all[j].cells) j++;
      const run = all.slice(i, j);
      const grid = run.length > 1 ? columnize(run) : [undefined];
      run.forEach((r, k) => {
        spaceBefore(r);
        prev = r;
        const cells = grid[k] ?? r.chunks.map((c) => c.text);
        const offsets: number[] = [];
        let text = '';
        cells.forEach((c, n) => { if (n) text += '\t'; offsets.push(text.length); text += c; });
        out.line(text, { page: r.page, pageLine: pageLine.get(r), cells: offsets });
      });
      i = j;
      continue;
    }
    // A paragraph line reaching the right margin continues on the next line (also across a page).
    spaceBefore(l);
    let text = l.chunks[0].text;
    let j = i + 1;
    let last = l;
    while (j < all.length && continues(last, all[j], text)) {
      text += all[j].chunks[0].text;
      last = all[j];
      j++;
    }
    out.line(text, { page: l.page, pageLine: pageLine.get(l) });
    prev = last;
    i = j;
  }
  return { text: out.text, lines: out.lines };
}
