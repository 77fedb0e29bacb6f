// text → Report: normalise, split into cells, find the outline and the table regions, parse each
// table against its template, then decide which format the report follows.
import type { Cell, FormatId, Layout, Report, Section, Table } from '../model';
import type { GovreportConfig } from '../config';
import { formatForYear } from '../spec';
import { lineCells, splitAlignedCell, splitSpacedCell, type LineCells } from './cells';
import { findHeadings } from './outline';
import { findPublishDate } from './dates';
import { findTitle } from './title';
import { parseTable } from './table';
import { labelKey, range, splitNormalized } from './text';
import { detectFormatMarkers } from './format';
import { isPrintFurniture, startsWithAddress } from './pdf-furniture';
import { endsTable } from './table-end';
import { pagesMarked } from './separated-short';
import { htmlTableView } from './md-html-tables';

const CAPTION = /^第二十条第\(?([一二三四五六七八九十]+)\)?项/;
const T2_BLOCKS: Record<string, string> = { 一: 't2.1', 五: 't2.5', 六: 't2.6', 八: 't2.8', 九: 't2.9' };

// Every anchor has all three fields (caption possibly undefined): objects of one shape keep the
// optimised parser from deoptimising on a second hidden class.
interface Anchor {
  line: number;
  /** Table id, or undefined for a 第二十条 item that has no standard table (ends the previous block). */
  id?: string;
  caption: Cell | undefined;
}

function findAnchors(lines: LineCells[], last: number): Anchor[] {
  const anchors: Anchor[] = [];
  let inT3 = false;
  for (let i = 0; i < last; i++) {
    const line = lines[i];
    // Anchors are short cells: a long single cell is prose.
    if (line.cells.length === 0 || (line.shape === 'single' && line.cells[0].text.length > 80)) continue;
    // A figure is no anchor: its only unit of ANCHOR_CHARS is 条 after a number (5条), never 第二十条's.
    // (In a table of one cell per line two lines in three are figures.)
    if (line.cells[0].kind === 'number') continue;
    // Every anchor's key holds one of these characters (keys only drop or swap characters): most lines'
    // first cells hold none, and need not be split and keyed.
    if (!ANCHOR_CHARS.test(line.cells[0].text)) continue;
    const cells = line.shape !== 'single' ? line.cells : line.cells[0].text.includes('  ') ? splitAlignedCell(line.cells[0]) : splitSpacedCell(line.cells[0], true);
    const first = cells[0];
    const key = labelKey(first.text);
    const cap = CAPTION.exec(key);
    if (cap) {
      anchors.push({ line: i, id: T2_BLOCKS[cap[1]], caption: first });
      inT3 = false;
      continue;
    }
    if (key === '信息内容' && !(anchors.length && anchors[anchors.length - 1].caption && headerOnlySince(lines, anchors[anchors.length - 1].line, i))) {
      // A 第二十条 block whose caption was lost: its first row label says which block it is.
      const id = blockFromRows(lines, i + 1, Math.min(last, i + 10));
      if (id) { anchors.push({ line: i, id, caption: undefined }); inT3 = false; continue; }
    }
    if (!inT3 && (key.includes('勾稽关系') || key === '申请人情况' || (key.includes('新收') && key.includes('申请') && key.length < 30))) {
      anchors.push({ line: i, id: 't3', caption: undefined });
      inT3 = true;
      continue;
    }
    // A converter's sub-table heading (### 行政复议) names the block as well as a header cell does.
    if (/^(#{1,6})?行政复(议)?$/.test(key) || (cells !== line.cells && /^#{1,6}行政复(议)?$/.test(labelKey(line.cells[0].text)))) {
      if (litigationNear(lines, cells, i, last)) { anchors.push({ line: i, id: 't4', caption: undefined }); inT3 = false; }
    }
  }
  return anchors;
}

const LITIGATION = /^(#{1,6})?行政诉(讼)?($|\()/;

/**
 * Whether 行政诉讼 follows 行政复议 in the same line (its next two cells) or within the next few lines
 * (converters cut table 四 into sub-tables: 行政诉讼 can follow 行政复议's own rows): the cells after
 * it, up to the line where 40 have been seen. Stops at the first that is 行政诉讼.
 */
function litigationNear(lines: LineCells[], cells: Cell[], i: number, last: number): boolean {
  let seen = 0;
  for (let k = 1; k < 3 && k < cells.length; k++, seen++) if (LITIGATION.test(labelKey(cells[k].text))) return true;
  for (let j = i + 1; j < Math.min(last, i + 14) && seen < 40; j++) {
    for (const lc of lines[j].cells) for (const c of splitAlignedCell(lc)) for (const w of splitSpacedCell(c, true)) {
      if (LITIGATION.test(labelKey(w.text))) return true;
      seen++;
    }
  }
  return false;
}

// 第二十条 (条), 信息内容 (容), 勾稽关系 (稽), 申请人情况 (况), 新收 (收), 行政复议 (复). Only the first
// cell is keyed (a one-cell line is split first: its first part is in the same text).
const ANCHOR_CHARS = /[条容稽况收复]/;

const BLOCK_ROWS: Record<string, string> = { 规章: 't2.1', 行政规范性文件: 't2.1', 规范性文件: 't2.1', 行政许可: 't2.5', 行政处罚: 't2.6', 行政强制: 't2.6', 行政事业性收费: 't2.8', 政府集中采购: 't2.9' };

function blockFromRows(lines: LineCells[], from: number, to: number): string | undefined {
  for (let j = from; j < to; j++) for (const c of lines[j].cells) for (const w of splitSpacedCell(c, false)) { const id = BLOCK_ROWS[labelKey(w.text)]; if (id) return id; }
  return undefined;
}

/**
 * Whether only header text stands between a caption and its 信息内容 line: nothing, or (a 2019
 * header broken over lines, 本年新 / 信息内容 / 制作数量) a line or two of words without figures.
 */
function headerOnlySince(lines: LineCells[], caption: number, i: number): boolean {
  const prev = prevNonEmpty(lines, i);
  if (caption >= prev) return true;
  if (i - caption > 4) return false;
  for (let j = caption + 1; j < i; j++) for (const c of lines[j].cells) if (c.kind === 'number' || labelKey(c.text).length > 20) return false;
  return true;
}

function prevNonEmpty(lines: LineCells[], i: number): number {
  let j = i - 1;
  while (j >= 0 && lines[j].cells.length === 0) j--;
  return j;
}

function isProse(l: LineCells): boolean {
  if (l.cells.length !== 1) return false;
  const t = l.cells[0].text;
  const stops = hasSentenceStop(t);
  // Every region line is asked, and most are short: without 。/； a line of 45 units or fewer is no
  // prose (whatever follows only rules lines out).
  if (!stops && t.length <= 45) return false;
  // A printed page's running header/footer inside a table is a page break, not the end of the table.
  if (isPrintFurniture(t) || startsWithAddress(t)) return false;
  if (stops) return true;
  // A row whose cells are separated by single spaces ends in numbers: `…申请 0 0 0 0 0 0 0`.
  if (endsInNumbers(t, 2)) return false;
  // Aligned table lines are long only because of their padding; prose is long in words.
  return t.length > 45 && /[,，、]/.test(t) && t.replace(/\s+/g, '').length > 45;
}

/**
 * t.includes('。') || t.includes('；'), in one pass: every line of every table region is asked, most
 * are a short cell, and two searches cost more than one loop over its few units.
 */
function hasSentenceStop(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b) return true;
  }
  return false;
}

/** Whether text ends in `count` or more space-separated numbers (scanned from the end: linear). */
function endsInNumbers(t: string, count: number): boolean {
  let n = 0;
  let i = t.length;
  while (i > 0) {
    let j = i;
    while (j > 0 && isFigureUnit(t.charCodeAt(j - 1))) j--;
    if (j === i || j === 0 || t[j - 1] !== ' ') break;
    if (++n >= count) return true;
    i = j - 1;
  }
  return false;
}

/** - 0-9 . */
function isFigureUnit(c: number): boolean {
  return c === 45 || c === 46 || (c >= 48 && c <= 57);
}

function findAnnex(lines: LineCells[], after: number): number | undefined {
  for (let i = after + 1; i < lines.length; i++) {
    const c = lines[i].cells;
    if (c.length === 1 && c[0].text.length <= 12 && /^(附件|附表)\s*(?:\d+\s*)?[:：]?$/.test(c[0].text)) return i;
  }
  return undefined;
}

/**
 * filter() into an array literal: arrays from one literal site share their elements kind even when
 * empty (V8 learns it per site), where filter/map results differ between empty and non-empty, and
 * the optimised parser deoptimised on every new combination.
 */
function keep<T>(items: T[], test: (x: T) => boolean): T[] {
  const out: T[] = [];
  for (const x of items) if (test(x)) out.push(x);
  return out;
}

export function parseReport(text: string, uri: string, config?: GovreportConfig): Report {
  // HTML tables inside Markdown/text are read through a same-offset view with them laid out as rows.
  const view = htmlTableView(text);
  if (!view) return parseText(text, uri, config);
  const report = parseText(view.text, uri, config);
  report.view = view;
  return report;
}

// Per line of the text being parsed: inside a table region, a section heading. One buffer reused by
// every parse (the parser is not re-entrant): a typed array per report has an off-heap store of its
// own that the garbage collector must track and free, and the samples paid for two at every check.
const IN_TABLE = 1;
const HEADING = 2;
let marksBuffer = new Uint8Array(1024);

/** Marks for lines [0, n), all clear (indices from n on are not to be read); a huge buffer is given back once smaller texts follow. */
function lineMarks(n: number): Uint8Array {
  if (n > marksBuffer.length || (marksBuffer.length > 65_536 && n < marksBuffer.length / 4)) marksBuffer = new Uint8Array(Math.max(1024, n));
  marksBuffer.fill(0, 0, n);
  return marksBuffer;
}

function parseText(text: string, uri: string, config?: GovreportConfig): Report {
  const { lines, normLines, starts, eol } = splitNormalized(text);
  const n = lines.length;
  const cells: LineCells[] = new Array(n);
  for (let i = 0; i < n; i++) cells[i] = lineCells(i, lines[i], normLines[i]);

  // Pass 1: anchors and headings over the whole text; the annex starts after the last heading.
  let anchors = findAnchors(cells, n);
  const anchorLines = new Set(anchors.map((a) => a.line));
  let headings = findHeadings(cells, (i) => anchorLines.has(i));
  const lastHeading = headings.length ? headings[headings.length - 1].headingLine : 0;
  const lastTable = anchors.length ? anchors[anchors.length - 1].line : 0;
  const annexLine = findAnnex(cells, Math.max(lastHeading, lastTable));
  const end = annexLine ?? n;
  anchors = keep(anchors, (a) => a.line < end);
  headings = keep(headings, (h) => h.headingLine < end);

  // Pass 2: table regions run from an anchor to the next anchor, heading or prose paragraph.
  const headingLines: number[] = [];
  for (const hd of headings) headingLines.push(hd.headingLine);
  const tables: (Table & { blankLineCells: boolean })[] = [];
  const marks = lineMarks(n);
  let h = 0;
  anchors.forEach((a, k) => {
    let j = k + 1;
    while (j < anchors.length && a.id === 't3' && anchors[j].id === 't3') j++;
    const nextAnchor = j < anchors.length ? anchors[j].line : end;
    while (h < headingLines.length && headingLines[h] <= a.line) h++;
    const nextHeading = h < headingLines.length ? headingLines[h] : end;
    let stop = Math.min(nextAnchor, nextHeading, end);
    if (!a.id) return;
    for (let i = a.line + 1; i < stop; i++) if (isProse(cells[i]) || endsTable(a.id, cells[i])) { stop = i; break; }
    const t = parseTable({ id: a.id, lines: cells, startLine: a.line, endLine: stop, caption: a.caption });
    if (t.unread?.partial && !pagesMarked(lines, a.line, stop)) t.unread.partial = undefined;
    tables.push(t);
    marks.fill(IN_TABLE, a.line, stop);
  });
  // Headings never sit inside a table (e.g. 四、结转下年度继续办理 is table 三's last row).
  headings = keep(headings, (x) => !(marks[x.headingLine] & IN_TABLE));

  let ti = 0;
  const sections: Section[] = [];
  for (let k = 0; k < headings.length; k++) {
    const hd = headings[k];
    const bodyEnd = k + 1 < headings.length ? headings[k + 1].headingLine : end;
    const own: Table[] = [];
    while (ti < tables.length && tables[ti].range.start.line <= hd.headingLine) ti++;
    while (ti < tables.length && tables[ti].range.start.line < bodyEnd) own.push(tables[ti++]);
    sections.push({
      std: hd.std,
      legacyExtra: hd.legacyExtra,
      headingLine: hd.headingLine,
      headingRange: hd.headingRange,
      ordinal: hd.ordinal,
      title: hd.title,
      titleRange: hd.titleRange,
      titleMatch: hd.titleMatch,
      bodyStartLine: hd.headingLine + 1,
      bodyEndLine: bodyEnd,
      tables: own,
    });
  }
  for (const hd of headings) marks[hd.headingLine] |= HEADING;

  // Without any heading the whole text is "before the first heading" (title repeats are counted everywhere).
  const firstHeading = sections.length ? sections[0].headingLine : n;
  const report: Report = {
    uri,
    text,
    lineStarts: starts,
    lines,
    normLines,
    titleRepeats: [],
    bodyYears: [],
    format: '2021',
    formatReason: '',
    formatMarkers: [],
    sections,
    tables,
    proseLines: [],
    annexLine,
    dominantLayout: dominantLayout(tables),
    blankLineCells: tables.some((t) => t.layout === 'cell-per-line' && t.blankLineCells),
    eol,
    notAReport: false,
  };

  findTitle(report, cells, firstHeading);
  for (let i = 0; i < end; i++) if (marks[i] === 0 && cells[i].cells.length && i !== report.title?.line) report.proseLines.push(i);
  findYear(report, cells, firstHeading);
  report.publishDate = findPublishDate(cells, normLines, sections, end, firstHeading);
  decideFormat(report, config);
  report.notAReport = sections.length === 0 && tables.length === 0 && !report.title;
  return report;
}

function dominantLayout(tables: Table[]): Layout {
  const count: Partial<Record<Layout, number>> = {};
  for (const t of tables) count[t.layout] = (count[t.layout] ?? 0) + t.rows.length + 1;
  return (Object.entries(count).sort((a, b) => b[1] - a[1])[0]?.[0] as Layout) ?? 'pipe';
}

function findYear(report: Report, cells: LineCells[], firstHeading: number): void {
  const re = /((?:19|20)\d{2})\s*年/g;
  const limit = Math.min(cells.length, Math.min(firstHeading, 60) + 12);
  for (let i = 0; i < limit; i++) {
    if (i === report.title?.line) continue;
    for (const c of cells[i].cells) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(c.text))) {
        const start = c.from + m.index;
        // Dates (2024年1月31日) say when, not which year is reported on.
        if (/^\s*\d{1,2}\s*月/.test(c.text.slice(m.index + m[0].length))) continue;
        report.bodyYears.push({ value: Number(m[1]), range: range(i, start, i, start + m[0].length) });
      }
    }
  }
  if (report.title?.year) report.year = { value: report.title.year, source: 'title', range: report.title.range };
  else if (report.bodyYears.length) report.year = { value: report.bodyYears[0].value, source: 'body', range: report.bodyYears[0].range };
}

function decideFormat(report: Report, config?: GovreportConfig): void {
  report.formatMarkers = detectFormatMarkers(report.tables);
  const m21 = report.formatMarkers.filter((m) => m.format === '2021').length;
  const m19 = report.formatMarkers.filter((m) => m.format === '2019').length;
  const detected: FormatId | undefined = m21 > m19 ? '2021' : m19 > m21 ? '2019' : undefined;
  const year = report.year?.value;
  report.expectedFormat = year !== undefined ? formatForYear(year) : undefined;
  if (config?.format && config.format !== 'auto') {
    report.format = config.format;
    report.formatReason = `config:${config.format}`;
    return;
  }
  if (report.expectedFormat === 'legacy' && report.tables.length === 0) {
    report.format = 'legacy';
    report.formatReason = `year:${year}`;
  } else if (detected) {
    report.format = detected;
    report.formatReason = `tables:${detected}:${m21}:${m19}` + (year !== undefined ? `;year:${year}` : '');
  } else {
    report.format = report.expectedFormat === 'legacy' ? '2019' : report.expectedFormat ?? '2021';
    report.formatReason = year !== undefined ? `year:${year}` : 'default';
  }
}
