// Splits one line into cells: `|` (plain or Markdown), tabs, runs of spaces (aligned columns,
// only when a number is among them), or the whole line as one cell.
import type { Cell, NumberIssue } from '../model';
import { range } from './text';

const CLEAN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const SEPARATED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const WITH_UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(万元|亿元|千元|元|件|个|项|条|次|人|家|份|篇|%)$/;
const DASH = /^(-+|—+|－|\/|\\|无|—|–)$/;
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

/** Classifies a cell's text: number (with what is wrong with it), blank, or text. */
export function classify(norm: string, orig: string, from = 0, to = orig.length): Pick<Cell, 'kind' | 'value' | 'numberIssue'> {
  if (norm === '') return { kind: 'blank', value: null };
  if (norm.length > 40) return { kind: 'text', value: null };
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
    } else {
      return { kind: 'text', value: null };
    }
  }
  return { kind: 'number', value, numberIssue: issue };
}

function makeCell(line: number, orig: string, norm: string, from: number, to: number): Cell {
  // Trim inside [from, to) so the range covers the visible text only.
  while (from < to && (norm.charCodeAt(from) === 32 || norm.charCodeAt(from) === 9)) from++;
  while (to > from && (norm.charCodeAt(to - 1) === 32 || norm.charCodeAt(to - 1) === 9)) to--;
  const text = norm.slice(from, to);
  const c = classify(text, orig, from, to);
  return { text, line, range: range(line, from, line, to), kind: c.kind, value: c.value, numberIssue: c.numberIssue };
}

function splitOn(line: number, orig: string, norm: string, sep: number, sep2 = sep): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (let i = 0; i <= norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (i === norm.length || c === sep || c === sep2) {
      cells.push(makeCell(line, orig, norm, start, i));
      start = i + 1;
    }
  }
  return cells;
}

/** Splits on runs of two or more spaces; used only when that reveals numeric columns. */
function splitAligned(line: number, orig: string, norm: string): Cell[] | undefined {
  const re = / {2,}/g;
  const cells: Cell[] = [];
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    cells.push(makeCell(line, orig, norm, start, m.index));
    start = m.index + m[0].length;
  }
  if (cells.length === 0) return undefined;
  cells.push(makeCell(line, orig, norm, start, norm.length));
  const nonBlank = cells.filter((c) => c.kind !== 'blank');
  return nonBlank.length >= 2 && nonBlank.some((c) => c.kind === 'number' && c.value !== null) ? cells : undefined;
}

/** Splits a one-cell line on runs of 2+ spaces: inside a table region that is an aligned row. */
export function splitAlignedCell(cell: Cell): Cell[] {
  if (!/\S {2,}\S/.test(cell.text)) return [cell];
  const out: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  const base = cell.range.start.character;
  while ((m = re.exec(cell.text))) {
    const from = base + m.index;
    out.push({ text: m[0], line: cell.line, range: range(cell.line, from, cell.line, from + m[0].length), ...classify(m[0], m[0]) });
  }
  return out;
}

export type LineShape = 'pipe' | 'markdown' | 'tab' | 'aligned' | 'single' | 'empty';

export interface LineCells {
  shape: LineShape;
  /** Non-blank cells, plus blank cells that sit between two numbers (an empty value cell). */
  cells: Cell[];
}

/** Cells of a line, with layout padding (leading/trailing empties, gaps after labels) removed. */
export function lineCells(line: number, orig: string, norm: string): LineCells {
  if (norm.trim() === '') return { shape: 'empty', cells: [] };
  let raw: Cell[];
  let shape: LineShape;
  if (norm.includes('|')) {
    if (isMarkdownRule(norm)) return { shape: 'markdown', cells: [] };
    // A pasted row can mix pipes and tabs: both separate cells.
    raw = splitOn(line, orig, norm, 124, 9);
    shape = norm.trimStart().startsWith('|') ? 'markdown' : 'pipe';
  } else if (norm.includes('\t')) {
    raw = splitOn(line, orig, norm, 9);
    shape = 'tab';
  } else {
    const aligned = splitAligned(line, orig, norm);
    if (aligned) { raw = aligned; shape = 'aligned'; } else { raw = [makeCell(line, orig, norm, 0, norm.length)]; shape = 'single'; }
  }
  const cells: Cell[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c.kind !== 'blank') { cells.push(c); continue; }
    // Keep an empty cell only between two value cells: that is a missing value, not padding.
    const prev = cells[cells.length - 1];
    if (prev && prev.kind === 'number') {
      let j = i + 1;
      while (j < raw.length && raw[j].kind === 'blank') j++;
      if (j < raw.length && raw[j].kind === 'number') cells.push(c);
    }
  }
  if (cells.filter((c) => c.kind !== 'blank').length <= 1 && shape !== 'markdown') shape = cells.length ? (shape === 'tab' ? 'tab' : shape === 'pipe' ? 'pipe' : 'single') : 'empty';
  return { shape, cells };
}
