// What `--fix` changed, in words and as a unified diff. fixAll works in passes, each on the text the
// previous pass produced; here the passes are composed into one list of changes on the file as it was
// read, so every position printed (and the diff's "-" side) refers to the original file. Sort + sweep:
// linear in the size of the text plus the number of edits (times a log for the lookups).
import * as path from 'node:path';
import type { Finding, Fix, Position } from '../model';
import type { FixPass } from '../fix';
import { positionAt } from '../features/analysis';
import { splitLines } from '../parse/text';
import type { Lang } from '../i18n';

/** One applied (or held back) fix as the CLI reports it: 1-based positions in the file as read. */
export interface Change {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  old: string;
  new: string;
  /** insert (old is empty), delete (new is empty) or replace: how the text and JSON outputs say it. */
  kind: ChangeKind;
  numbers: boolean;
  title: string;
  /** For a fix not applied: where its finding starts (1-based), to attach it to that finding. */
  finding?: { line: number; column: number };
}

export type ChangeKind = 'insert' | 'delete' | 'replace';
const kindOf = (old: string, now: string): ChangeKind => (old === '' ? 'insert' : now === '' ? 'delete' : 'replace');

/** A region of the original text [from, to) that now reads `len` characters of the fixed text. */
export interface Region { from: number; to: number; len: number }

/** Start of each region in the current text and the shift (current − original) after it. */
function index(regions: Region[]): { starts: number[]; after: number[] } {
  const starts: number[] = [];
  const after: number[] = [];
  let shift = 0;
  for (const r of regions) {
    starts.push(r.from + shift);
    shift += r.len - (r.to - r.from);
    after.push(shift);
  }
  return { starts, after };
}

/** Maps an offset of the current text back to the original; inside new text, to its region's start (or end). */
function back(regions: Region[], ix: { starts: number[]; after: number[] }, at: number, end: boolean): number {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.starts[mid] <= at) lo = mid + 1; else hi = mid;
  }
  const i = lo - 1;
  if (i < 0) return at;
  const r = regions[i];
  if (at < ix.starts[i] + r.len) return end ? r.to : r.from;
  return at - ix.after[i];
}

/** Merges a pass's edits (offsets in the current text, ascending) into the regions (offsets in the original). */
function compose(regions: Region[], edits: { from: number; to: number; newText: string }[]): Region[] {
  type Item = { tFrom: number; tTo: number; shift: number; growth: number };
  const items: Item[] = [];
  let shift = 0;
  let i = 0;
  let j = 0;
  // Two sorted lists, merged by their start in the current text; `shift` is what an old region adds.
  while (i < regions.length || j < edits.length) {
    const r = regions[i];
    const rStart = r ? r.from + shift : Infinity;
    const e = edits[j];
    if (r && (!e || rStart <= e.from)) {
      const add = r.len - (r.to - r.from);
      items.push({ tFrom: rStart, tTo: rStart + r.len, shift: add, growth: 0 });
      shift += add;
      i++;
    } else {
      items.push({ tFrom: e.from, tTo: e.to, shift: 0, growth: e.newText.length - (e.to - e.from) });
      j++;
    }
  }
  const out: Region[] = [];
  // Current − original at the unchanged points passed so far.
  let before = 0;
  let k = 0;
  while (k < items.length) {
    const tFrom = items[k].tFrom;
    let tTo = items[k].tTo;
    let growth = items[k].growth;
    let after = before + items[k].shift;
    k++;
    // Touching or overlapping items become one region.
    while (k < items.length && items[k].tFrom <= tTo) {
      tTo = Math.max(tTo, items[k].tTo);
      growth += items[k].growth;
      after += items[k].shift;
      k++;
    }
    out.push({ from: tFrom - before, to: tTo - after, len: tTo - tFrom + growth });
    before = after;
  }
  return out;
}

const pos = (starts: number[], offset: number): Position => positionAt(starts, offset);

/** Offsets of the fixed text → positions (0-based) in the original, through the composed regions. */
export function backMapper(original: string, regions: Region[]): (offset: number, end: boolean) => Position {
  const starts = splitLines(original).starts;
  const ix = index(regions);
  return (offset, end) => pos(starts, Math.min(original.length, back(regions, ix, offset, end)));
}

/** The changes of every pass, positioned in the original text, plus the composed regions. */
export function changesOf(original: string, steps: FixPass[]): { changes: Change[]; regions: Region[] } {
  const starts = splitLines(original).starts;
  let regions: Region[] = [];
  const changes: Change[] = [];
  for (const step of steps) {
    const { result, rules } = step;
    const ix = index(regions);
    result.edits.forEach((e, n) => {
      const fix = result.applied[result.fixOf[n]];
      const from = back(regions, ix, e.from, false);
      const to = Math.max(from, back(regions, ix, e.to, true));
      const s = pos(starts, from);
      const t = pos(starts, to);
      changes.push({ rule: rules[result.fixOf[n]], line: s.line + 1, column: s.character + 1, endLine: t.line + 1, endColumn: t.character + 1, old: step.text.slice(e.from, e.to), new: e.newText, kind: kindOf(step.text.slice(e.from, e.to), e.newText), numbers: fix.numbers, title: fix.title });
    });
    regions = compose(regions, result.edits);
  }
  changes.sort((a, b) => a.line - b.line || a.column - b.column);
  return { changes, regions };
}

/** Safe fixes held back by the policy (numeric ones), as changes the author may still take. */
export function suggestions(findings: Finding[], pick: (f: Finding) => Fix | undefined, text: string): Change[] {
  const starts = splitLines(text).starts;
  const out: Change[] = [];
  for (const f of findings) {
    const fix = pick(f);
    if (!fix) continue;
    for (const e of fix.edits) {
      const from = Math.min(text.length, (starts[e.range.start.line] ?? text.length) + e.range.start.character);
      const to = Math.min(text.length, (starts[e.range.end.line] ?? text.length) + e.range.end.character);
      out.push({ rule: f.rule, line: e.range.start.line + 1, column: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1, old: text.slice(from, to), new: e.newText, kind: kindOf(text.slice(from, to), e.newText), numbers: fix.numbers, title: fix.title, finding: { line: f.range.start.line + 1, column: f.range.start.character + 1 } });
    }
  }
  return out;
}

/** Short, one-line, printable form of changed text: line breaks shown as ⏎, tabs as ⇥ (a raw tab between the
 * quotes reads as spaces, and the blank-cell fix of tab-separated text is all tabs), long text cut. */
export function preview(s: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const one = s.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, '⇥').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const chars = [...one];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : one;
}

const WORDS = { insert: { zh: '插入', en: 'insert' }, delete: { zh: '删除', en: 'delete' } };

/** `file:line:col rule “old” → “new”`; an insertion `插入 “new”`, a deletion `删除 “old”` (not “” → “new”). */
export function changeLine(file: string, c: Change, lang: Lang): string {
  const what = c.kind === 'insert' ? `${WORDS.insert[lang]} “${preview(c.new)}”`
    : c.kind === 'delete' ? `${WORDS.delete[lang]} “${preview(c.old)}”`
      : `“${preview(c.old)}” → “${preview(c.new)}”`;
  return `${file}:${c.line}:${c.column} ${c.rule} ${what}`;
}

function atLineStart(starts: number[], offset: number): boolean {
  const p = positionAt(starts, offset);
  return p.character === 0 && p.line > 0;
}

/** A unified diff (3 lines of context) of the original and fixed text, from the composed regions. */
export function unifiedDiff(file: string, original: string, fixed: string, regions: Region[], context = 3): string {
  if (regions.length === 0) return '';
  const a = splitLines(original);
  const b = splitLines(fixed);
  const lineOf = (starts: number[], off: number) => positionAt(starts, off).line;
  // Each region as line spans: [aFrom, aTo) in the original, [bFrom, bTo) in the fixed text.
  type Span = { aFrom: number; aTo: number; bFrom: number; bTo: number };
  const spans: Span[] = [];
  let shift = 0;
  for (const r of regions) {
    const fFrom = r.from + shift;
    const fTo = fFrom + r.len;
    // A change that ends where a line starts on both sides leaves that line alone.
    const aligned = (r.to > r.from || r.len > 0) && atLineStart(a.starts, r.to) && atLineStart(b.starts, fTo) ? 0 : 1;
    const span = { aFrom: lineOf(a.starts, r.from), aTo: lineOf(a.starts, r.to) + aligned, bFrom: lineOf(b.starts, fFrom), bTo: lineOf(b.starts, fTo) + aligned };
    shift += r.len - (r.to - r.from);
    const last = spans[spans.length - 1];
    // Regions that share a line become one span (the lines around them are the same on both sides).
    if (last && span.aFrom < last.aTo) { last.aTo = Math.max(last.aTo, span.aTo); last.bTo = Math.max(last.bTo, span.bTo); } else spans.push(span);
  }
  // git-style a/ b/ prefixes for relative names (patch -p1, git apply); an absolute name stays as it is.
  const [from, to] = path.posix.isAbsolute(file) || path.win32.isAbsolute(file) ? [file, file] : [`a/${file}`, `b/${file}`];
  const out = [`--- ${from}`, `+++ ${to}`];
  let k = 0;
  while (k < spans.length) {
    // A hunk: spans closer than twice the context are printed together.
    let end = k;
    while (end + 1 < spans.length && spans[end + 1].aFrom - spans[end].aTo <= 2 * context) end++;
    const aStart = Math.max(0, spans[k].aFrom - context);
    const bStart = spans[k].bFrom - (spans[k].aFrom - aStart);
    const aEnd = Math.min(a.lines.length, spans[end].aTo + context);
    const bEnd = spans[end].bTo + (aEnd - spans[end].aTo);
    const body: string[] = [];
    let at = aStart;
    for (let s = k; s <= end; s++) {
      for (; at < spans[s].aFrom; at++) body.push(` ${a.lines[at]}`);
      for (let l = spans[s].aFrom; l < spans[s].aTo; l++) body.push(`-${a.lines[l]}`);
      for (let l = spans[s].bFrom; l < spans[s].bTo; l++) body.push(`+${b.lines[l]}`);
      at = spans[s].aTo;
    }
    for (; at < aEnd; at++) body.push(` ${a.lines[at]}`);
    out.push(`@@ -${aStart + 1},${aEnd - aStart} +${bStart + 1},${bEnd - bStart} @@`, ...body);
    k = end + 1;
  }
  return out.join('\n') + '\n';
}
