// Applying fixes to text: non-overlapping, all-or-nothing per fix, repeated until nothing safe is
// left, so that fixing twice equals fixing once.
import type { Finding, Fix, Position, TextEdit } from './model';
import type { CheckOptions } from './check';
import { checkText } from './check';
import { splitLines } from './parse/text';

export function offsetAt(lineStarts: number[], text: string, p: Position): number {
  if (p.line >= lineStarts.length) return text.length;
  const start = lineStarts[p.line];
  const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
  return Math.min(start + p.character, next);
}

export interface ApplyResult {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/** Applies the given fixes in one pass; a fix whose edits overlap an earlier one is skipped whole. */
export function applyFixList(text: string, fixes: Fix[]): ApplyResult {
  const { starts } = splitLines(text);
  type Placed = { from: number; to: number; newText: string; order: number };
  const accepted: { fix: Fix; edits: Placed[] }[] = [];
  const skipped: Fix[] = [];
  const taken: [number, number][] = [];
  // Two pure insertions at one point may both apply (in the order given: missing rows or sections
  // in template order); anything else that touches the same text conflicts.
  const overlaps = (a: Placed) => taken.some(([f, t]) => (a.from < t && f < a.to) || (a.from === f && !(a.from === a.to && f === t)) || (a.from === a.to && a.from > f && a.from < t) || (f === t && f > a.from && f < a.to));
  let order = 0;
  for (const fix of fixes) {
    const edits = fix.edits.map((e: TextEdit) => ({ from: offsetAt(starts, text, e.range.start), to: offsetAt(starts, text, e.range.end), newText: e.newText, order: order++ }));
    if (edits.some((e) => e.to < e.from) || edits.some(overlaps)) { skipped.push(fix); continue; }
    edits.forEach((e) => taken.push([e.from, e.to]));
    accepted.push({ fix, edits });
  }
  // Applied from the end so offsets stay valid; equal points in reverse order so the first ends up first.
  const all = accepted.flatMap((a) => a.edits).sort((a, b) => b.from - a.from || b.order - a.order);
  let out = text;
  for (const e of all) out = out.slice(0, e.from) + e.newText + out.slice(e.to);
  return { text: out, applied: accepted.map((a) => a.fix), skipped };
}

/** The fixes `--fix` and fix-all apply: the first safe fix of each finding. */
export function safeFixes(findings: Finding[], rules?: Set<string>): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    if (rules && !rules.has(f.rule)) continue;
    const fix = f.fixes.find((x) => x.safe);
    if (fix) out.push(fix);
  }
  return out;
}

/**
 * Fixes everything safely fixable, re-checking between passes (fixes can unlock other fixes).
 * `known` are the findings of `text` when the caller already has them (the editor does): no re-check.
 */
export function fixAll(text: string, options: CheckOptions = {}, maxPasses = 10, known?: Finding[]): { text: string; passes: number; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const findings = pass === 1 && known ? known : checkText(current, options).findings;
    const fixes = safeFixes(findings);
    if (fixes.length === 0) return { text: current, passes: pass - 1, applied };
    const r = applyFixList(current, fixes);
    if (r.applied.length === 0 || r.text === current) return { text: current, passes: pass, applied };
    applied += r.applied.length;
    current = r.text;
  }
  return { text: current, passes: maxPasses, applied };
}
