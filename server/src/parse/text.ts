// Text primitives shared by the parser and the rules: 1:1 normalisation (so columns never shift),
// label keys, ordinals and fuzzy similarity. Everything here is linear in the input.
import type { Position, Range } from '../model';

/**
 * Maps full-width ASCII to ASCII and every odd space (ideographic, no-break, en, zero-width,
 * bidi marks, BOM) to a plain space. One UTF-16 unit in, one out: offsets stay valid.
 */
export function normalizeLine(s: string): string {
  return normalize(s, false);
}

// The units normalisation maps, found by the regex engine: most characters of a report map to
// themselves, and a JavaScript loop over every one of them was the parser's costliest cold code.
const MAPPED_IN_LINE = /[\uff01-\uff5e\u3000\u00a0\u2000-\u200f\u202f\u205f\u2060\ufeff\u2028-\u202e\u2066-\u2069\u2212\u2013\ufe63\x00-\x08\x0a-\x1f\x7f]/g;
const MAPPED_IN_TEXT = /[\uff01-\uff5e\u3000\u00a0\u2000-\u200f\u202f\u205f\u2060\ufeff\u2028-\u202e\u2066-\u2069\u2212\u2013\ufe63\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

function mapUnit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x2212 || c === 0x2013 || c === 0xfe63) return '-'; // minus signs and en dash
  return ' '; // odd spaces and control characters are noise, not text
}

function normalize(s: string, keepBreaks: boolean): string {
  return s.replace(keepBreaks ? MAPPED_IN_TEXT : MAPPED_IN_LINE, mapUnit);
}

/**
 * splitLines plus each line normalised (normalizeLine). The text is normalised as a whole, once,
 * and both versions are cut at the same offsets: a report's lines then cost one string each.
 */
export function splitNormalized(text: string): { lines: string[]; normLines: string[]; starts: number[]; eol: string } {
  const norm = normalize(text, true);
  const { lines, starts, eol } = splitLines(text);
  if (norm === text) return { lines, normLines: lines, starts, eol };
  const normLines: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) normLines[i] = norm.slice(starts[i], starts[i] + lines[i].length);
  return { lines, normLines, starts, eol };
}

// What labelKey drops or rewrites; most labels have none of it and are their own key.
const KEY_NOISE = /[ \t\n\r"'\u201c\u201d\u2018\u2019\u300c-\u300f\u301d\u301e\u3010\u3011[\]]/;

/**
 * A copy of `s` that does not share storage with the text it was cut from. V8 keeps a slice of a
 * string as a view of the whole: a cache holding label slices would otherwise hold every report
 * (even a 10 MB one) that a label was ever read from.
 */
export function ownCopy(s: string): string {
  // Concatenation and slice force a fresh flat string of the label's own length (plus one).
  return (' ' + s).slice(1);
}

/**
 * Whether the text's first unit is one of `units`. By code: `text[0]` of a CJK text is a new
 * one-unit string (only Latin-1 ones are shared) to hash, for every line a pass looks at.
 */
export function startsWithUnitOf(text: string, units: string): boolean {
  const c = text.charCodeAt(0);
  for (let i = 0; i < units.length; i++) if (units.charCodeAt(i) === c) return true;
  return false;
}

/** Comparison key of a label: no whitespace, no quotes, ASCII brackets (input already normalised). */
export function labelKey(normText: string): string {
  if (!KEY_NOISE.test(normText)) return normText;
  let out = '';
  let last = 0;
  for (let i = 0; i < normText.length; i++) {
    const c = normText.charCodeAt(i);
    let r: string | undefined;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x27 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || (c >= 0x300c && c <= 0x300f) || c === 0x301d || c === 0x301e) r = '';
    else if (c === 0x3010 || c === 0x5b) r = '(';
    else if (c === 0x3011 || c === 0x5d) r = ')';
    else continue;
    out += normText.slice(last, i) + r;
    last = i + 1;
  }
  return last === 0 ? normText : out + normText.slice(last);
}

/** The key without a trailing parenthesised note: 采购总金额(元) → 采购总金额. */
export function baseKey(key: string): string {
  const m = /^(.+?)\([^()]*\)$/.exec(key);
  return m ? m[1] : key;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一..九十九 → number; undefined when not a Chinese numeral. */
export function cnToNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const hi = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const lo = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)];
  return hi === undefined || lo === undefined ? undefined : hi * 10 + lo;
}

export interface Ordinal {
  style: 'cn' | 'paren' | 'arabic';
  value: number;
  /** Length of the ordinal prefix including its punctuation and following spaces. */
  length: number;
  /** Offset of the ordinal from the start of the text given. */
  offset: number;
  text: string;
}

const ORD_CN = /^(\s*)([一二三四五六七八九十]{1,3})\s*[、.,:](\s*)/;
const ORD_PAREN = /^(\s*)\(\s*([一二三四五六七八九十]{1,3})\s*\)(\s*)/;
const ORD_ARABIC = /^(\s*)(\d{1,2})\s*[.、,](?!\d)(\s*)/;
const ORD_ARABIC_PAREN = /^(\s*)\(\s*(\d{1,2})\s*\)(\s*)/;

// What every form above starts with: most text has no ordinal, and one test rules out all four.
const ORD_START = /^\s*[一二三四五六七八九十(\d]/;

/** Reads a leading ordinal (一、 / (一) / 1. / (1)) from normalised text. */
export function readOrdinal(norm: string): Ordinal | undefined {
  if (!ORD_START.test(norm)) return undefined;
  let m = ORD_CN.exec(norm);
  let style: Ordinal['style'] = 'cn';
  if (!m) { m = ORD_PAREN.exec(norm); style = 'paren'; }
  if (!m) { m = ORD_ARABIC.exec(norm); style = 'arabic'; }
  if (!m) { m = ORD_ARABIC_PAREN.exec(norm); style = 'arabic'; }
  if (!m) return undefined;
  const value = style === 'arabic' ? Number(m[2]) : cnToNumber(m[2]);
  if (value === undefined || Number.isNaN(value)) return undefined;
  const offset = m[1].length;
  return { style, value, offset, length: m[0].length - offset, text: m[0].slice(offset).trimEnd() };
}

/** A key's character bigrams, counted; computed once per key so matching never rebuilds them. */
export interface Grams {
  key: string;
  counts: Map<number, number>;
  /** Number of bigrams (key length − 1). */
  n: number;
}

export function gramsOf(key: string): Grams {
  const counts = new Map<number, number>();
  for (let i = 0; i < key.length - 1; i++) {
    const g = key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { key, counts, n: Math.max(0, key.length - 1) };
}

/** Dice coefficient of two precomputed bigram sets; `floor` lets hopeless pairs return early. */
export function dice(a: Grams, b: Grams, floor = 0): number {
  if (a.key === b.key) return 1;
  if (a.n < 1 || b.n < 1) return a.key.length && b.key.length && (a.key.includes(b.key) || b.key.includes(a.key)) ? 0.5 : 0;
  // The best possible score given the lengths: skip the count when it cannot reach the floor.
  if ((2 * Math.min(a.n, b.n)) / (a.n + b.n) < floor) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [g, c] of small.counts) {
    const d = large.counts.get(g);
    if (d) common += c < d ? c : d;
  }
  return (2 * common) / (a.n + b.n);
}

/** `a` comes strictly before `b` in the document. */
export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** Splits text into lines (LF, CRLF or lone CR) and remembers where each starts. */
export function splitLines(text: string): { lines: string[]; starts: number[]; eol: string } {
  if (!text.includes('\r')) {
    // LF only, the usual case: split cuts all lines in one builtin call (a loop of indexOf and slice
    // paid a call per line: twice the time on a one-cell-per-line report's many short lines).
    const lines = text.split('\n');
    // Pushed, not preallocated: a packed array, of the same elements kind as the CR path's.
    const starts: number[] = [];
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      starts.push(at);
      at += lines[i].length + 1;
    }
    return { lines, starts, eol: '\n' };
  }
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  let crlf = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      starts.push(start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) { i++; crlf++; } else lf++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  starts.push(start);
  return { lines, starts, eol: crlf > lf ? '\r\n' : '\n' };
}

/** Position of a UTF-16 offset, given the line starts of the text. */
export function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}
