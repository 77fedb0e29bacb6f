// Header cells written on two lines, as plain pdftotext prints them: each line of the header row is a
// block of its own, so the 2019 format's `本年新 / 制作数量 | 本年新 / 公开数量` comes out as
// 本年新, 本年新, 制作数量, 公开数量 (first lines, then second lines), and `上一年项目数量 本年增/减`
// as one line of header words one space apart. Both are put back as the headers they are.
import type { Cell } from '../model';
import { NO_CELLS, splitSpacedCell, type LineCells } from './cells';
import type { Template } from './template';
import { labelKey, ownCopy } from './text';
import { headerPrefixes } from './key-prefixes';
import { areHeaderWords } from './header-words';

const MAX_STACK = 4;

function soleText(l: LineCells): Cell | undefined {
  return l.shape === 'single' && l.cells.length === 1 && l.cells[0].kind === 'text' && l.cells[0].text.length <= 12 ? l.cells[0] : undefined;
}

/** Whether a line can be part of a stack (a short one-cell text line): unstackHeaders needs four in a row. */
export function isStackLine(l: LineCells): boolean {
  return soleText(l) !== undefined;
}

/**
 * Reorders, in place, a run of k first lines followed by their k second lines (A1 A2 B1 B2) into
 * A1 B1 A2 B2 when every Ai+Bi is a column header exactly and the run is not already in that order.
 * Lines keep their own cells and positions; only the order they are read in changes. `keyOf` is a
 * cell's labelKey (the table parser passes the one it already holds). Only lines [from, to) are read:
 * a stack lies within one run of stack lines, and the parser passes each run of four or more.
 */
export function unstackHeaders(lines: LineCells[], tpl: Template, keyOf: (c: Cell) => string = (c) => labelKey(c.text), from = 0, to = lines.length): void {
  const prefixes = headerPrefixes(tpl);
  const idx: number[] = [];
  for (let i = from; i < to; i++) if (lines[i].cells.length) idx.push(i);
  for (let s = 0; s < idx.length; s++) {
    // Most lines are rows or numbers: only a short text line can start a stack, and only with three
    // more after it (the shortest stack is two first lines and their two second lines).
    if (s + 3 >= idx.length) continue;
    // …and starts a column wording without being one (what every stack's first pair needs).
    // (headerPrefixes also holds the header words' prefixes: a wider net, so nothing is missed.)
    // Tested first: in a table of one cell per line every line is short text, but few start a wording.
    const first = soleText(lines[idx[s]]);
    if (!first) continue;
    const firstKey = keyOf(first);
    if ((firstKey !== '' && !prefixes.has(firstKey)) || tpl.columnByKey.has(firstKey)) continue;
    if (!soleText(lines[idx[s + 3]]) || !soleText(lines[idx[s + 1]]) || !soleText(lines[idx[s + 2]])) continue;
    // The stack lines from s on, read once for every k (a run of header cells is tried at each line).
    const run: Cell[] = [];
    for (let j = 0; j < 2 * MAX_STACK && s + j < idx.length; j++) { const c = soleText(lines[idx[s + j]]); if (!c) break; run.push(c); }
    for (let k = MAX_STACK; k >= 2; k--) {
      if (run.length < 2 * k) continue;
      let ok = true;
      for (let i = 0; i < k && ok; i++) ok = pairsIntoColumn(tpl, prefixes, run[i], run[k + i]);
      if (!ok) continue;
      const moved = run.slice(0, k).flatMap((a, i) => [a, run[k + i]]);
      for (let j = 0; j < 2 * k; j++) lines[idx[s + j]] = { shape: 'single', tail: NO_CELLS, cells: [moved[j]] };
      s += 2 * k - 1;
      break;
    }
  }
}

/** Whether a + b is a column wording exactly and a alone is none. */
function pairsIntoColumn(tpl: Template, prefixes: Set<string>, a: Cell, b: Cell): boolean {
  // A key drops or swaps single characters, so the pair's key is the two keys joined; with both
  // non-empty, a's key is a proper prefix of that wording (one set lookup, no joined string).
  const ka = labelKey(a.text);
  const kb = labelKey(b.text);
  if (ka !== '' && kb !== '' && !prefixes.has(ka)) return false;
  return tpl.columnByKey.has(ka + kb) && !tpl.columnByKey.has(ka);
}

/**
 * unstackHeaders over each run of four or more stack lines (empty lines do not break a run): a stack
 * lies within one run, and a one-cell-per-line table has hundreds of lines but few such runs, so the
 * rest is not indexed and keyed line by line. Same result as unstackHeaders over all the lines.
 */
export function unstackRuns(lines: LineCells[], tpl: Template, keyOf?: (c: Cell) => string): void {
  let run = 0;
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].cells.length) continue;
    if (soleText(lines[i])) { if (run++ === 0) from = i; continue; }
    if (run >= 4) unstackHeaders(lines, tpl, keyOf, from, i);
    run = 0;
  }
  if (run >= 4) unstackHeaders(lines, tpl, keyOf, from, lines.length);
}

// Whether a line's text is header words, per template and text (the verdict depends on nothing else):
// every one-cell line with a space in a table region is asked, and most are not, so the split into
// words is made once per distinct text, and again only for the lines that are cut (bounded).
const headerWordLines = new Map<string, Map<string, boolean>>();
const HEADER_WORD_LINES_MAX = 5_000;

/** A line of header words one space apart (`上一年项目数量 本年增/减`): split when every word is a header (header-words.ts). */
export function splitHeaderWords(cell: Cell, tpl: Template): LineCells | undefined {
  let byText = headerWordLines.get(tpl.id);
  if (!byText) headerWordLines.set(tpl.id, (byText = new Map()));
  const known = byText.get(cell.text);
  if (known === false) return undefined;
  const words = splitSpacedCell(cell, true);
  if (known === undefined) {
    const verdict = areHeaderWords(words, tpl);
    if (byText.size >= HEADER_WORD_LINES_MAX) byText.clear();
    byText.set(ownCopy(cell.text), verdict);
    if (!verdict) return undefined;
  }
  return { shape: 'spaced', tail: NO_CELLS, cells: words };
}

