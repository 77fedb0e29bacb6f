// Splits one line into cells: `|` (plain or Markdown), tabs, runs of spaces (aligned columns,
// only when a number is among them), or the whole line as one cell.
import type { Cell, NumberIssue, Range } from '../model';
import { range } from './text';

const CLEAN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const SEPARATED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const WITH_UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(万元|亿元|千元|元|件|个|项|条|次|人|家|份|篇|%)$/;
const DASH = /^(-+|—+|－|\/|\\|无|—|–)$/;
// Letters a scan or a typist puts for digits (l/I for 1, O/o for 0): `l2`, `O`, `1O`.
const OCR_DIGITS = /^[0-9lIOo]{1,12}$/;
const OCR_LETTER = /[lIOo]/;
// A figure with a word that makes it approximate or a sum: 约5, 近10, 共12.
const APPROX = /^(约|近|大约|约计|共计|共|合计)\s*(\d+(?:\.\d+)?)\s*(件|个|项|条|次|人|家|份|篇)?$/;
// Tested on the line without whitespace: with `\s*` between the parts the pattern backtracks quadratically.
const MARKDOWN_RULE = /^\|?:?-{3,}:?(\|:?-{3,}:?)*\|?$/;

export function isMarkdownRule(norm: string): boolean {
  return norm.length < 4096 && norm.includes('---') && MARKDOWN_RULE.test(norm.replace(/\s+/g, ''));
}

function hasFullWidthDigit(orig: string, from = 0, to = orig.length): boolean {
  for (let i = from; i < to; i++) {
    const c = orig.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return true;
  }
  return false;
}

type Kind = Pick<Cell, 'kind' | 'value' | 'numberIssue'>;
const BLANK: Kind = Object.freeze({ kind: 'blank', value: null, numberIssue: undefined });
const TEXT: Kind = Object.freeze({ kind: 'text', value: null, numberIssue: undefined });

/** The value of 1–15 plain ASCII digits (most value cells), or -1 for any other text. */
function plainInt(s: string): number {
  if (s.length > 15) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Whether a cell can be a number, a number with a unit, a dash or a number mistyped: all start with one of these. */
function mayBeNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 47 || c === 92 || c === 0x2013 || c === 0x2014 || c === 0x65e0
    || c === 108 || c === 73 || c === 79 || c === 111 || c === 0x7ea6 || c === 0x8fd1 || c === 0x5927 || c === 0x5171 || c === 0x5408;
}

// Not read as a value (the reading is a guess): number-invalid asks, the sums skip the cell.
function isLetterDigits(norm: string): boolean {
  return OCR_DIGITS.test(norm) && OCR_LETTER.test(norm) && (norm.length <= 2 || /\d/.test(norm));
}

/** Classifies a cell's text: number (with what is wrong with it), blank, or text. */
export function classify(norm: string, orig: string, from = 0, to = orig.length): Kind {
  if (norm === '') return BLANK;
  const c0 = norm.charCodeAt(0);
  if (norm.length > 40 || !mayBeNumber(c0)) return TEXT;
  // Text starting with 约 近 大 共 合 (合计, 共计, 大力…) or a letter can only be an approximate figure
  // or letters typed for digits: the other forms start with a digit, a sign or a dash.
  if (c0 === 0x7ea6 || c0 === 0x8fd1 || c0 === 0x5927 || c0 === 0x5171 || c0 === 0x5408) return APPROX.test(norm) ? { kind: 'number', value: null, numberIssue: 'approx' } : TEXT;
  if (c0 === 108 || c0 === 73 || c0 === 79 || c0 === 111) return isLetterDigits(norm) ? { kind: 'number', value: null, numberIssue: 'letters' } : TEXT;
  const plain = plainInt(norm);
  if (plain >= 0) return { kind: 'number', value: plain, numberIssue: hasFullWidthDigit(orig, from, to) ? 'fullwidth' : undefined };
  let issue: NumberIssue | undefined;
  let value: number;
  if (CLEAN_NUMBER.test(norm)) {
    value = Number(norm);
    // Beyond 2^53 a number cannot be summed or written back exactly: treat it as unreadable.
    if (!Number.isSafeInteger(Math.trunc(value)) || norm.replace(/\D/g, '').length > 15) return { kind: 'number', value: null, numberIssue: 'garbled' };
    if (hasFullWidthDigit(orig, from, to)) issue = 'fullwidth';
  } else if (SEPARATED.test(norm)) {
    value = Number(norm.replace(/,/g, ''));
    issue = 'separator';
  } else {
    const m = WITH_UNIT.exec(norm);
    if (m) {
      value = Number(m[1]);
      issue = 'unit';
    } else if (DASH.test(norm)) {
      return { kind: 'number', value: null, numberIssue: 'dash' };
    } else if (isLetterDigits(norm)) {
      return { kind: 'number', value: null, numberIssue: 'letters' };
    } else if (APPROX.test(norm)) {
      return { kind: 'number', value: null, numberIssue: 'approx' };
    } else {
      return TEXT;
    }
  }
  return { kind: 'number', value, numberIssue: issue };
}

/**
 * A cell of the source text. Its LSP range is built when asked for: most cells are only read for
 * their text, kind and value, and a big document holds tens of thousands of them (every field
 * and object per cell counts, for memory and for the garbage collector).
 */
export class SourceCell implements Cell {
  constructor(
    readonly text: string,
    readonly line: number,
    readonly from: number,
    readonly kind: Cell['kind'],
    readonly value: number | null,
    readonly numberIssue: NumberIssue | undefined,
  ) {}
  // What the table parser read from the text (parse/table.ts probe), kept with the cell: several passes
  // read a label, and a lookup by text hashes and compares the string every time. A private field: no
  // property of the model (JSON, deep equality), and one pointer per cell.
  #memo: object | undefined = undefined;
  get memo(): object | undefined {
    return this.#memo;
  }
  set memo(m: object | undefined) {
    this.#memo = m;
  }
  /** The text is the cell's trimmed source, so its end column follows from its length. */
  get to(): number {
    return this.from + this.text.length;
  }
  get range(): Range {
    return range(this.line, this.from, this.line, this.from + this.text.length);
  }
}

function makeCell(line: number, orig: string, norm: string, from: number, to: number): Cell {
  // Trim inside [from, to) so the range covers the visible text only.
  while (from < to && (norm.charCodeAt(from) === 32 || norm.charCodeAt(from) === 9)) from++;
  while (to > from && (norm.charCodeAt(to - 1) === 32 || norm.charCodeAt(to - 1) === 9)) to--;
  const text = norm.slice(from, to);
  const c = classify(text, orig, from, to);
  return new SourceCell(text, line, from, c.kind, c.value, c.numberIssue);
}

/** makeCell of a field known to be blank (spaces and tabs only): trimmed to nothing at its end, no text to classify. */
function blankCell(line: number, k: number): Cell {
  return new SourceCell('', line, bounds[2 * k + 1], 'blank', null, undefined);
}

// Field bounds of the line being split, as [from, to) pairs: reused, the parser is not re-entrant.
let bounds = new Int32Array(64);

function addField(n: number, from: number, to: number): number {
  if (2 * n + 2 > bounds.length) { const b = new Int32Array(bounds.length * 2); b.set(bounds); bounds = b; }
  bounds[2 * n] = from;
  bounds[2 * n + 1] = to;
  return n + 1;
}

/** Fields separated by `sep` (or also by tabs, when `orTab`); returns how many. */
function fieldsOn(norm: string, sep: string, orTab = false): number {
  let n = 0;
  let start = 0;
  if (orTab && norm.includes('\t')) {
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      if (c === 124 || c === 9) { n = addField(n, start, i); start = i + 1; }
    }
  } else {
    for (let i = norm.indexOf(sep); i >= 0; i = norm.indexOf(sep, start)) { n = addField(n, start, i); start = i + 1; }
  }
  return addField(n, start, norm.length);
}

/** Fields separated by runs of two or more spaces; returns how many (1 when there is no such run). */
function fieldsAligned(norm: string): number {
  let n = 0;
  let start = 0;
  for (let i = 0; i < norm.length - 1; i++) {
    if (norm.charCodeAt(i) !== 32 || norm.charCodeAt(i + 1) !== 32) continue;
    let j = i + 2;
    while (j < norm.length && norm.charCodeAt(j) === 32) j++;
    n = addField(n, start, i);
    start = j;
    i = j - 1;
  }
  return addField(n, start, norm.length);
}

function isBlankField(norm: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * The cells of the fields in `bounds`, without layout padding before the first cell: blank fields
 * are kept after a cell (empty value cells, or padding the table parser trims to the row's column
 * count), but not before a text cell (blanks between labels separate them).
 */
function keptCells(line: number, orig: string, norm: string, n: number, piped = false): Cell[] {
  const cells: Cell[] = [];
  // Outside the outer pipes there is no cell (`| a | b |`).
  const lo = piped && isBlankField(norm, bounds[0], bounds[1]) ? 1 : 0;
  const hi = piped && n > lo && isBlankField(norm, bounds[2 * n - 2], bounds[2 * n - 1]) ? n - 1 : n;
  let blank = -1;
  let leading = -1;
  for (let k = lo; k < hi; k++) {
    const from = bounds[2 * k];
    const to = bounds[2 * k + 1];
    if (isBlankField(norm, from, to)) {
      if (!cells.length) { if (leading < 0) leading = k; } else if (blank < 0) blank = k;
      continue;
    }
    const cell = makeCell(line, orig, norm, from, to);
    if (blank >= 0 && cell.kind !== 'text') for (let b = blank; b < k; b++) cells.push(blankCell(line, b));
    blank = -1;
    if (!cells.length && cell.kind === 'text') leading = -1;
    cells.push(cell);
  }
  tailBlanks = NO_CELLS;
  let numbers = 0;
  for (const c of cells) if (c.kind === 'number') numbers++;
  if (blank >= 0) {
    // After a number, trailing blanks are cells (or padding the row's column count trims); after
    // words only, they are kept aside: a row label followed by nothing but empty cells.
    if (numbers) for (let b = blank; b < hi; b++) cells.push(blankCell(line, b));
    else {
      tailBlanks = [];
      for (let b = blank; b < hi; b++) tailBlanks.push(blankCell(line, b));
    }
  }
  // Empty fields before the first of several numbers are cells of a row without a label (table
  // 四's data row); before one number, or before words, they are indentation.
  if (leading >= 0 && numbers >= 2) {
    const lead: Cell[] = [];
    for (let b = leading; b < hi && isBlankField(norm, bounds[2 * b], bounds[2 * b + 1]); b++) lead.push(blankCell(line, b));
    return lead.concat(cells);
  }
  return cells;
}

// Trailing blank fields after words only, of the line keptCells read last.
let tailBlanks: Cell[];

/** Whether text has a run of 2+ spaces between words (an aligned row written as one cell). */
export function hasAlignedGap(text: string): boolean {
  return text.includes('  ') && /\S {2,}\S/.test(text);
}

/** Splits a one-cell line on runs of 2+ spaces: inside a table region that is an aligned row. */
export function splitAlignedCell(cell: Cell): Cell[] {
  if (!hasAlignedGap(cell.text)) return [cell];
  const out: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  const base = cell.from;
  while ((m = re.exec(cell.text))) {
    const c = classify(m[0], m[0]);
    const from = base + m.index;
    out.push(new SourceCell(m[0], cell.line, from, c.kind, c.value, c.numberIssue));
  }
  return out;
}

const EMPTY_LINE_PLACEHOLDER = new SourceCell('', 0, 0, 'blank', null, undefined);
/** Shared empty list (never written to). */
export const NO_CELLS: Cell[] = emptyCells();

export type LineShape = 'pipe' | 'markdown' | 'tab' | 'aligned' | 'spaced' | 'single' | 'empty';

export interface LineCells {
  shape: LineShape;
  /** Empty fields after the last cell of a line of words (`予以公开\t\t\t`): a row of empty cells, or padding. */
  tail: Cell[];
  /** Non-blank cells, plus blank cells that sit between two numbers (an empty value cell). */
  cells: Cell[];
  /** A page number or print header/footer stood here (dropped from the table, but a new page starts). */
  pageBreak?: true;
}

// A third of a report's lines are blank or a Markdown rule: they share one value each. Not frozen,
// and their empty arrays are made to hold objects: a frozen object or an array of another elements
// kind has its own hidden class, and every loop over lines would turn polymorphic (and deoptimise).
const EMPTY_LINE: LineCells = { shape: 'empty', tail: NO_CELLS, cells: emptyCells() };
const RULE_LINE: LineCells = { shape: 'markdown', tail: NO_CELLS, cells: emptyCells() };
/**
 * A line holding only no-break or ideographic spaces (`&nbsp;` of an empty table cell in a copied
 * page): empty like any blank line, except in a one-cell-per-line table, where it is an empty cell.
 */
export const BLANK_CELL_LINE: LineCells = { shape: 'empty', tail: NO_CELLS, cells: emptyCells() };

/** Whether a blank line was written with a no-break or ideographic space (only then does it differ from its normal form). */
function isBlankCellLine(orig: string, norm: string): boolean {
  return orig !== norm && (orig.includes('\u00a0') || orig.includes('\u3000'));
}

function emptyCells(): Cell[] {
  const a: Cell[] = [EMPTY_LINE_PLACEHOLDER];
  a.pop();
  return a;
}

function firstNonBlank(norm: string): number {
  let i = 0;
  while (i < norm.length && (norm.charCodeAt(i) === 32 || norm.charCodeAt(i) === 9)) i++;
  return i;
}

/** Cells of a line, with layout padding (leading/trailing empties, gaps after labels) removed. */
export function lineCells(line: number, orig: string, norm: string): LineCells {
  const first = firstNonBlank(norm);
  if (first === norm.length) return isBlankCellLine(orig, norm) ? BLANK_CELL_LINE : EMPTY_LINE;
  let cells: Cell[];
  let shape: LineShape;
  tailBlanks = NO_CELLS;
  if (norm.includes('|')) {
    if (isMarkdownRule(norm)) return RULE_LINE;
    // A pasted row can mix pipes and tabs: both separate cells.
    cells = keptCells(line, orig, norm, fieldsOn(norm, '|', true), true);
    shape = norm.charCodeAt(first) === 124 ? 'markdown' : 'pipe';
  } else if (norm.includes('\t')) {
    cells = keptCells(line, orig, norm, fieldsOn(norm, '\t'));
    shape = 'tab';
  } else {
    const n = norm.includes('  ') ? fieldsAligned(norm) : 1;
    cells = n > 1 ? keptCells(line, orig, norm, n) : [];
    // Aligned columns only when the gaps reveal at least two cells, one of them a readable number.
    if (n > 1 && isAlignedRow(cells)) shape = 'aligned';
    else { cells = [makeCell(line, orig, norm, 0, norm.length)]; shape = 'single'; }
  }
  let nonBlank = 0;
  for (const c of cells) if (c.kind !== 'blank') nonBlank++;
  if (nonBlank <= 1 && shape !== 'markdown') shape = cells.length ? (shape === 'tab' ? 'tab' : shape === 'pipe' ? 'pipe' : 'single') : 'empty';
  return { shape, tail: tailBlanks, cells };
}

function isAlignedRow(cells: Cell[]): boolean {
  let nonBlank = 0;
  let value = false;
  for (const c of cells) {
    if (c.kind === 'blank') continue;
    nonBlank++;
    if (c.kind === 'number' && c.value !== null) value = true;
  }
  return nonBlank >= 2 && value;
}

const ORDINAL_START = /^(?:[一二三四五六七八九十]{1,3}[、.]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|\d{1,2}[.、](?!\d))/;

/** Whether a label fragment starts a new label (一、 (三) 1.): such a fragment is never glued to the one before. */
export function startsWithOrdinal(text: string): boolean {
  return ORDINAL_START.test(text);
}

function cellOf(cell: Cell, text: string, at: number): Cell {
  const c = classify(text, text);
  return new SourceCell(text, cell.line, cell.from + at, c.kind, c.value, c.numberIssue);
}

/**
 * A one-cell line whose cells are separated by single spaces (PDF text without -layout, copies from
 * PDF viewers): `行政许可 97`, `(三)不予公开 1.属于国家秘密 0 0 0`, `1 0 2 0 3`. The numbers at the end
 * are cells; the words before them are one label, or several where a fragment starts with an
 * ordinal. With `words`, a line without numbers is cut at every space (a header row).
 * Returns the cell itself when the line does not read so.
 */
export function splitSpacedCell(cell: Cell, words: boolean): Cell[] {
  const text = cell.text;
  if (!text.includes(' ') || text.length > 400) return [cell];
  if (!words) {
    // Without a number at the end the line is one cell: most are ruled out by their last word.
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
    const start = text.lastIndexOf(' ', end - 1) + 1;
    if (classify(text.slice(start, end), '').kind !== 'number') return [cell];
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    if (i >= text.length) break;
    starts.push(i);
    while (i < text.length && text.charCodeAt(i) !== 32) i++;
    ends.push(i);
  }
  const n = starts.length;
  if (n < 2) return [cell];
  let k = n;
  while (k > 0 && classify(text.slice(starts[k - 1], ends[k - 1]), '').kind === 'number') k--;
  if (k === n && !words) return [cell];
  const out: Cell[] = [];
  let from = -1;
  for (let t = 0; t < k; t++) {
    const tok = text.slice(starts[t], ends[t]);
    if (from >= 0 && (words || startsWithOrdinal(tok))) { out.push(cellOf(cell, text.slice(from, ends[t - 1]), from)); from = -1; }
    if (from < 0) from = starts[t];
  }
  if (from >= 0) out.push(cellOf(cell, text.slice(from, ends[k - 1]), from));
  for (let t = k; t < n; t++) out.push(cellOf(cell, text.slice(starts[t], ends[t]), starts[t]));
  return out;
}
