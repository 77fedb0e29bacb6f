// The report's publication date: the signature date (落款) at the end, or else the date a web page
// shows at its top (发布时间：…, 发布日期：…, 时间：2022-02-08 16:34, 来源：… 2024-01-30).
import type { DateMention, Section } from '../model';
import type { LineCells } from './cells';
import { cnToNumber, range } from './text';

const DATE_ONLY = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DATE_ISO = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;
// 〇 is often typed as ○ (a circle) or a letter O in signatures.
const DATE_CN = /^([〇○Ｏ零一二三四五六七八九O]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/;

function cnYear(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + (/[〇○Ｏ零O]/.test(ch) ? 0 : cnToNumber(ch) ?? 0);
  return n;
}

function mention(y: number, mo: number, d: number, line: number, from: number, to: number, source: DateMention['source'], label: string): DateMention | undefined {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return { year: y, month: mo, day: d, line, range: range(line, from, line, to), source, label };
}

/** Every date form ends in 日 or a digit: most lines are ruled out by their last unit. */
function endsLikeDate(text: string): boolean {
  const e = text.charCodeAt(text.length - 1);
  return e === 0x65e5 || (e >= 48 && e <= 57);
}

/** A date that is the whole text (a signature date), in Arabic or Chinese numerals. */
export function dateOnLine(text: string, line: number, startCol: number): DateMention | undefined {
  if (!endsLikeDate(text)) return undefined;
  let m = DATE_ONLY.exec(text) ?? DATE_ISO.exec(text);
  if (m) return mention(+m[1], +m[2], +m[3], line, startCol, startCol + text.length, 'signature', '落款');
  if ((m = DATE_CN.exec(text))) return mention(cnYear(m[1]), cnToNumber(m[2]) ?? 0, cnToNumber(m[3]) ?? 0, line, startCol, startCol + text.length, 'signature', '落款');
  return undefined;
}

// A page's date label; a bare 时间/日期 needs its colon, a qualified one (发布时间) may go without.
const LABELLED = /(?:(发布|公开|公布|成文|印发|发文|生成|更新|上传)(?:时间|日期)\s*(?:[:：]\s*)?|(?:^|[\s【\[|])(时间|日期)\s*[:：]\s*)(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/;
// Page furniture next to a bare date: 来源：XX局 2024-01-30 16:34 浏览次数：12.
const FURNITURE = /(来源|浏览|点击|字号|字体|阅读|访问|作者)\s*[:：次]/;
const BARE_DATE = /(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d年])/;

const LABEL_ALONE = /^((?:发布|公开|公布|成文|印发|发文|生成|更新|上传)?(?:时间|日期))\s*[:：]?$/;

/** Preference among page dates: the publication date before the generation date before the signing date. */
function rank(label: string): number {
  if (/^(发布|公开|公布|时间|日期)/.test(label)) return 0;
  if (/^(生成|更新|上传|网页)/.test(label)) return 1;
  return 2;
}

/** A page date on a line of the page's head, with the label as written. */
export function pageDate(text: string, line: number): DateMention | undefined {
  const m = LABELLED.exec(text);
  if (m) {
    const label = m[1] ? `${m[1]}${/日期/.test(m[0]) ? '日期' : '时间'}` : m[2];
    const from = m.index + m[0].indexOf(m[1] ?? m[2]);
    return mention(+m[3], +m[4], +m[5], line, from, m.index + m[0].length, 'page', label);
  }
  if (FURNITURE.test(text)) {
    const b = BARE_DATE.exec(text);
    if (b) {
      const from = b.index + b[0].indexOf(b[1]);
      return mention(+b[1], +b[2], +b[3], line, from, b.index + b[0].length, 'page', '网页日期');
    }
  }
  return undefined;
}

/**
 * The signature date wins when there is one (it is the author's own statement); otherwise the best
 * page date of the head (the lines before the first heading, a few after).
 */
export function findPublishDate(cells: LineCells[], normLines: string[], sections: Section[], end: number, firstHeading: number): DateMention | undefined {
  const signature = signatureDate(cells, sections, end);
  if (signature) return signature;
  let best: DateMention | undefined;
  const head = Math.min(end, Math.min(firstHeading, 60) + 3);
  let label: string | undefined;
  for (let i = 0; i < head; i++) {
    // Markdown emphasis and table bars around a label (**发布时间**：…, | 生成日期 | 2024-01-30 |) are
    // blanked out, keeping every column where it was.
    const text = normLines[i].replace(/[*_|]/g, ' ');
    if (text.length > 200) continue;
    // A label alone on its line with the date on the next (one cell per line).
    const alone = LABEL_ALONE.exec(text.trim());
    if (alone) { label = alone[1]; continue; }
    if (!/\d{4}/.test(text)) { if (text.trim()) label = undefined; continue; }
    let d = pageDate(text, i);
    if (!d) {
      d = wholeCellDate(cells[i]);
      if (d && label) d = { ...d, label };
    }
    label = undefined;
    if (d && (!best || rank(d.label) < rank(best.label))) best = d;
  }
  return best;
}

/** A date standing alone in a cell of the head (a page's date line without a label). */
function wholeCellDate(l: LineCells): DateMention | undefined {
  for (const c of l.cells) {
    const d = dateOnLine(c.text, c.line, c.from);
    if (d) return { ...d, source: 'page', label: '网页日期' };
  }
  return undefined;
}

function signatureDate(cells: LineCells[], sections: Section[], end: number): DateMention | undefined {
  const lastHeading = sections.length ? sections[sections.length - 1].headingLine : 0;
  for (let i = end - 1; i > lastHeading; i--) {
    const c = cells[i].cells;
    if (c.length === 0) continue;
    // The date alone, or after the agency on the same line (XX局 2024年1月30日).
    const last = c[c.length - 1];
    if (c.length > 2 || (c.length === 2 && (c[0].kind !== 'text' || c[0].text.length > 30))) continue;
    const d = dateOnLine(last.text, i, last.from);
    if (d) return d;
    // The date after the agency ends the line, in 日 or a digit (as dateOnLine needs): other lines are not split.
    if (c.length === 1 && endsLikeDate(last.text)) {
      const m = /^(\S{2,30}?)\s+(\S.*)$/.exec(last.text);
      const d2 = m && /(局|委|委员会|办|办公室|政府|办事处|管委会|中心|厅|院)$/.test(m[1]) ? dateOnLine(m[2], i, last.from + last.text.length - m[2].length) : undefined;
      if (d2) return d2;
    }
  }
  return undefined;
}
