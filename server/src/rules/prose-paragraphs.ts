// Paragraphs of prose for the rules that read sentences (narrative-mismatch): PDF text wraps a
// paragraph's lines, and a page break puts the page's footer and the next page's header (and, in
// pdftotext -layout, blank lines) in the middle of a sentence: `…予以公开` | `https://… 1/5` |
// `11/30/26, 4:10 AM <title>` | `1件，不予公开2件…`. The sentence goes on after them.
import type { Report } from '../model';
import { isPrintFurniture } from '../parse/pdf-furniture';

/** A paragraph of prose: lines wrapped by PDF text or the page joined, with where each piece came from. */
export interface Paragraph { text: string; pieces: { at: number; line: number; col: number }[] }

/**
 * The same paragraph as the author wrote it (normalisation is 1:1, so offsets agree), for quotes: cut
 * from the lines only when a finding quotes it, not for every paragraph of every check.
 */
export function writtenOf(report: Report, para: Paragraph): string {
  let out = '';
  for (let k = 0; k < para.pieces.length; k++) {
    const p = para.pieces[k];
    const len = (k + 1 < para.pieces.length ? para.pieces[k + 1].at : para.text.length) - p.at;
    out += report.lines[p.line].slice(p.col, p.col + len);
  }
  return out;
}

/** 。;!?: — a paragraph's line that ends in one of them ends its sentence. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 59 || c === 33 || c === 63 || c === 58;
}

/** Lines a page break may take between two pieces of a sentence (footer, header, blank lines around them). */
const MAX_BREAK = 8;

/** Whether the lines [from, to) are only blank lines and print furniture, one of them at least furniture. */
function pageBreakBetween(report: Report, from: number, to: number): boolean {
  if (to - from > MAX_BREAK) return false;
  let furniture = false;
  for (let k = from; k < to; k++) {
    const t = report.normLines[k].trim();
    if (t === '') continue;
    if (!isPrintFurniture(t)) return false;
    furniture = true;
  }
  return furniture;
}

/**
 * The report's prose paragraphs. With `wanted`, only those with a line it accepts (e.g. one holding 件 or
 * 份): a rule that reads few paragraphs then skips the others before their lines are joined. A plain
 * array, not a generator: resuming a generator at every paragraph cost more than the paragraphs' work.
 */
export function paragraphs(report: Report, wanted?: (normLine: string) => boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let para: Paragraph | undefined;
  let keep = false;
  let last = -2;
  // The paragraph's last unit, kept aside: a regex on the growing joined text flattened it at every line.
  let lastUnit = -1;
  for (const line of report.proseLines) {
    const raw = report.normLines[line];
    const text = raw.trim();
    // A page's footer or header is never part of the prose.
    if (isPrintFurniture(text)) continue;
    const col = raw.length - raw.trimStart().length;
    // A line continues the previous one when that one stopped mid-sentence (PDF text wraps lines),
    // right below it or after a page break.
    const next = line === last + 1 || (para !== undefined && pageBreakBetween(report, last + 1, line));
    if (para && next && !endsSentence(lastUnit) && para.text.length < 5000) {
      para.pieces.push({ at: para.text.length, line, col });
      para.text += text;
    } else {
      if (para && keep) out.push(para);
      para = { text, pieces: [{ at: 0, line, col }] };
      keep = false;
      lastUnit = -1;
    }
    if (!keep) keep = wanted === undefined || wanted(raw);
    if (text.length) lastUnit = text.charCodeAt(text.length - 1);
    last = line;
  }
  if (para && keep) out.push(para);
  return out;
}
