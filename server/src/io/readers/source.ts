// What a reader hands back: the report as text in the tab layout the parser already reads (one
// table row per line, cells separated by tabs, blank cells kept as empty fields, one paragraph per
// line), and for every line where it came from in the original file. Every rule then runs
// unchanged on the text, and a finding's line/column is turned back into a place the author can
// find: 第3页第12行 (PDF), 表2 第5行 第2列 (a table cell), 第14段 (a paragraph).
// Kept free of any reader library so that the CLI and the server can map findings without loading one.
import type { Lang } from '../../i18n';

export type SourceKind = 'docx' | 'html' | 'pdf';

/** Where one output line comes from. Numbers are 1-based, as the author counts them. */
export interface LineSource {
  /** PDF: page and the line on that page (after headers/footers were dropped). */
  page?: number;
  pageLine?: number;
  /** A table row: which table in the document, which row in it. */
  table?: number;
  row?: number;
  /** Prose: which paragraph of the document. */
  paragraph?: number;
  /** Start offset of each cell on the output line (a table row or a PDF line with columns). */
  cells?: number[];
}

export interface Extracted {
  kind: SourceKind;
  text: string;
  /** lines[i] describes output line i (0-based). */
  lines: LineSource[];
  /** Things the reader noticed and the user should know (e.g. pages without text). */
  notes: { zh: string; en: string }[];
}

export type ExtractResult = ({ ok: true } & Extracted) | { ok: false; message: { zh: string; en: string } };

/** A place in the original file, as reported in JSON (`location`). */
export interface SourceLocation {
  page?: number;
  line?: number;
  table?: number;
  row?: number;
  column?: number;
  paragraph?: number;
}

/** The original location of a finding at output line `line` (0-based), UTF-16 column `character`. */
export function locate(lines: readonly LineSource[], line: number, character: number): SourceLocation | undefined {
  const src = lines[line];
  if (!src) return undefined;
  const loc: SourceLocation = {};
  if (src.page !== undefined) { loc.page = src.page; loc.line = src.pageLine; }
  if (src.table !== undefined) { loc.table = src.table; loc.row = src.row; }
  if (src.paragraph !== undefined) loc.paragraph = src.paragraph;
  if (src.cells && src.cells.length > 1) {
    let col = 0;
    while (col + 1 < src.cells.length && src.cells[col + 1] <= character) col++;
    loc.column = col + 1;
  }
  return loc;
}

/** 第3页第12行 · 表2 第5行 第2列 · 第14段 (or the English equivalents). */
export function describeLocation(loc: SourceLocation, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'en') {
    if (loc.page !== undefined) parts.push(`page ${loc.page}${loc.line !== undefined ? ` line ${loc.line}` : ''}`);
    if (loc.table !== undefined) parts.push(`table ${loc.table} row ${loc.row}${loc.column !== undefined ? ` column ${loc.column}` : ''}`);
    else if (loc.column !== undefined && loc.page !== undefined) parts.push(`column ${loc.column}`);
    if (loc.paragraph !== undefined) parts.push(`paragraph ${loc.paragraph}`);
    return parts.join(', ');
  }
  if (loc.page !== undefined) parts.push(`第${loc.page}页${loc.line !== undefined ? `第${loc.line}行` : ''}`);
  if (loc.table !== undefined) parts.push(`表${loc.table} 第${loc.row}行${loc.column !== undefined ? ` 第${loc.column}列` : ''}`);
  else if (loc.column !== undefined && loc.page !== undefined) parts.push(`第${loc.column}列`);
  if (loc.paragraph !== undefined) parts.push(`第${loc.paragraph}段`);
  return parts.join(' ');
}

/** Which reader a file name calls for, or undefined for a text report. */
export function sourceKindOf(file: string): SourceKind | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  return undefined;
}

/** Builds the text and its line map as blocks are read, in document order. */
export class TextBuilder {
  private out: string[] = [];
  readonly lines: LineSource[] = [];
  private paragraphs = 0;
  private tables = 0;

  /** One prose line (a paragraph, or one visual line of one). Empty text is skipped. */
  paragraph(text: string, extra?: LineSource): void {
    const t = cleanLine(text);
    if (!t) return;
    this.out.push(t);
    this.lines.push({ ...extra, paragraph: ++this.paragraphs });
  }

  /** An empty paragraph: a blank line (runs of them collapse into one; none at the start). */
  blank(extra?: LineSource): void {
    if (this.out.length === 0 || this.out[this.out.length - 1] === '') return;
    this.out.push('');
    this.lines.push({ ...extra });
  }

  /** A raw line with its own source (PDF lines, which carry page/line and cell offsets). */
  line(text: string, src: LineSource): void {
    this.out.push(text);
    this.lines.push(src);
  }

  /** A table as a grid of cell texts ('' = blank cell); each row becomes one tab-separated line. */
  table(rows: string[][]): void {
    if (rows.length === 0) return;
    const t = ++this.tables;
    rows.forEach((cells, r) => {
      const offsets: number[] = [];
      let line = '';
      cells.forEach((c, k) => {
        if (k > 0) line += '\t';
        offsets.push(line.length);
        line += cellText(c);
      });
      this.out.push(line);
      this.lines.push({ table: t, row: r + 1, cells: offsets });
    });
  }

  get text(): string {
    return this.out.join('\n') + '\n';
  }
}

/** A cell is one field: its line breaks and tabs become spaces, odd spaces collapse. */
export function cellText(s: string): string {
  return s.replace(/[\t\r\n\u00a0\u3000 ]+/g, ' ').trim();
}

function cleanLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\u00a0 ]+/g, ' ').trim();
}
