// Applying fixes to text: non-overlapping, all-or-nothing per fix, repeated until nothing safe is
// left, so that fixing twice equals fixing once. Sort + sweep: the cost grows with the number of
// edits times log of it, never with its square (20,000 fixes in a 1 MB report are routine).
import type { Finding, Fix, Position, TextEdit } from './model';
import type { CheckOptions } from './check';
import type { Lang } from './i18n';
import { checkText } from './check';
import { splitLines } from './parse/text';

export function offsetAt(lineStarts: number[], text: string, p: Position): number {
  if (p.line >= lineStarts.length) return text.length;
  const start = lineStarts[p.line];
  const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
  return Math.min(start + p.character, next);
}

/** One edit of an applied fix, as offsets into the text it was applied to. */
export interface PlacedEdit { from: number; to: number; newText: string; order: number }

export interface ApplyResult {
  text: string;
  applied: Fix[];
  skipped: Fix[];
  /** The edits of the applied fixes, ascending by offset in the input text (parallel to nothing: see `fixOf`). */
  edits: PlacedEdit[];
  /** For each entry of `edits`, the index in `applied` of the fix it belongs to. */
  fixOf: number[];
}

/** Pairs of edits compared by applyFixList since start: a deterministic measure of its work (tests, bench). */
export const fixStats = { comparisons: 0 };

/** Start offset of every line (LF, CRLF or CR breaks), without building the lines. */
function lineStartsOf(text: string): number[] {
  if (!text.includes('\r')) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  return splitLines(text).starts;
}

/** Two pure insertions at one point may both apply; anything else that touches the same text conflicts. */
function conflict(a: PlacedEdit, b: PlacedEdit): boolean {
  fixStats.comparisons++;
  if (a.from < b.to && b.from < a.to) return true;
  if (a.from === b.from) return !(a.from === a.to && b.from === b.to);
  if (a.from === a.to && a.from > b.from && a.from < b.to) return true;
  return b.from === b.to && b.from > a.from && b.from < a.to;
}

/** Index of the first accepted edit starting at or after `at` (accepted is sorted by `from`). */
function lowerBound(accepted: PlacedEdit[], at: number): number {
  let lo = 0;
  let hi = accepted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (accepted[mid].from < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Whether `e` conflicts with an accepted edit: the one before it and those starting inside it. */
function clashes(accepted: PlacedEdit[], e: PlacedEdit): boolean {
  const i = lowerBound(accepted, e.from);
  if (i > 0 && conflict(accepted[i - 1], e)) return true;
  for (let j = i; j < accepted.length && (accepted[j].from < e.to || accepted[j].from === e.from); j++) {
    if (conflict(accepted[j], e)) return true;
    // Accepted insertions at e's point do not conflict with an insertion; only one more can follow.
    if (accepted[j].from > e.from) break;
  }
  return false;
}

/**
 * Applies the given fixes in one pass. Fixes are taken leftmost first (by their first edit; ties in
 * the order given, so insertions at one point keep template order); a fix whose edits conflict with
 * an accepted one is skipped whole.
 */
export function applyFixList(text: string, fixes: Fix[], lineStarts?: number[]): ApplyResult {
  const starts = lineStarts ?? lineStartsOf(text);
  let order = 0;
  const placed = fixes.map((fix, k) => {
    const edits = fix.edits.map((e: TextEdit) => ({ from: offsetAt(starts, text, e.range.start), to: offsetAt(starts, text, e.range.end), newText: e.newText, order: order++ }));
    const first = edits.reduce((m, e) => Math.min(m, e.from), Infinity);
    return { fix, edits, first, k };
  });
  placed.sort((a, b) => a.first - b.first || a.k - b.k);
  const accepted: PlacedEdit[] = [];
  const owner = new Map<PlacedEdit, number>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const p of placed) {
    if (p.edits.some((e) => e.to < e.from) || p.edits.some((e) => clashes(accepted, e))) { skipped.push(p.fix); continue; }
    for (const e of p.edits) {
      owner.set(e, applied.length);
      // Edits arrive in ascending order except the later edits of a multi-edit fix: insert those in place.
      if (accepted.length === 0 || accepted[accepted.length - 1].from <= e.from) accepted.push(e);
      else accepted.splice(lowerBound(accepted, e.from + 1), 0, e);
    }
    applied.push(p.fix);
  }
  // At one point, the fix that began earlier in the document goes first (zeros completing a table's last
  // row before sections appended after it), then the order given, so the first insertion ends up first.
  accepted.sort((a, b) => a.from - b.from || owner.get(a)! - owner.get(b)! || a.order - b.order);
  const parts: string[] = [];
  let at = 0;
  for (const e of accepted) {
    parts.push(text.slice(at, e.from), e.newText);
    at = e.to;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied, skipped, edits: accepted, fixOf: accepted.map((e) => owner.get(e)!) };
}

/** Which fixes `--fix` and fix-all may apply unseen: wording and layout always, numeric ones only on request. */
export interface FixPolicy {
  /** Apply fixes that change no statistic (default true). */
  text?: boolean;
  /** Apply fixes that change a statistic (default false). */
  numbers?: boolean;
}

export const FIX_TYPES = ['text', 'numbers'] as const;
export type FixType = (typeof FIX_TYPES)[number];

export function fixType(fix: Fix): FixType {
  return fix.numbers ? 'numbers' : 'text';
}

export function allowed(fix: Fix, policy: FixPolicy = {}): boolean {
  return fix.safe && (fix.numbers ? policy.numbers === true : policy.text !== false);
}

/** The fixes `--fix` and fix-all apply: the first safe fix of each finding the policy allows. */
export function safeFixes(findings: Finding[], rules?: Set<string>, policy?: FixPolicy): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    if (rules && !rules.has(f.rule)) continue;
    const fix = f.fixes.find((x) => x.safe);
    if (fix && allowed(fix, policy)) out.push(fix);
  }
  return out;
}

/** A safe fix held back because it changes numbers the policy does not allow: shown, not applied. */
export function heldBack(findings: Finding[], policy?: FixPolicy): { finding: Finding; fix: Fix }[] {
  const out: { finding: Finding; fix: Fix }[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (fix && !allowed(fix, policy)) out.push({ finding: f, fix });
  }
  return out;
}

const NUMBERS_NOTE = { zh: '（请核对台账）', en: ' (check against your records)' };

/** Numeric fixes say so in their title: the author checks the figure before taking it. */
export function numbersTitle(fixes: Fix[], lang: Lang): Fix[] {
  if (!fixes.some((f) => f.numbers)) return fixes;
  return fixes.map((f) => (f.numbers && !f.title.endsWith(NUMBERS_NOTE[lang]) ? { ...f, title: f.title + NUMBERS_NOTE[lang] } : f));
}

/** One pass of fixAll: the fixes applied, with the rule of each, as offsets into that pass's input. */
export interface FixPass {
  text: string;
  result: ApplyResult;
  rules: string[];
}

/**
 * Fixes everything safely fixable that the policy allows, re-checking between passes (fixes can
 * unlock other fixes). `known` are the findings of `text` when the caller already has them (the
 * editor does): no re-check for the first pass.
 */
export function fixAll(text: string, options: CheckOptions = {}, maxPasses = 10, known?: Finding[], policy?: FixPolicy): { text: string; passes: number; applied: number; steps: FixPass[]; findings?: Finding[] } {
  let current = text;
  let applied = 0;
  const steps: FixPass[] = [];
  // Findings whose fix came back unchanged: their fixes are left out, so fix-all (and fix on save) cannot
  // keep writing the same text into a layout the parser reads differently after the edit.
  const stuck = new Set<string>();
  let last: { text: string; findings: Finding[]; counts: Map<string, number>; keys: string[]; applied: number } | undefined;
  let progress = false;
  for (let pass = 1; pass <= maxPasses; pass++) {
    let findings = pass === 1 && known ? known : checkText(current, options).findings;
    if (last) {
      const now = countKeys(findings);
      const again = last.keys.filter((k) => (now.get(k) ?? 0) >= last!.counts.get(k)!);
      if (again.length) {
        // Undo that pass and apply it again without them.
        for (const k of again) stuck.add(k);
        progress = false;
        steps.pop();
        applied -= last.applied;
        current = last.text;
        findings = last.findings;
      }
    }
    // Once the other fixes have moved the text on, the left-out ones get one more try: fixed text is then a
    // text fix-all leaves alone (a fix left out only because of an order of passes would apply next time).
    if (stuck.size && progress && !findings.some((f) => !stuck.has(keyOf(f)) && f.fixes.some((x) => x.safe && allowed(x, policy)))) {
      stuck.clear();
      progress = false;
    }
    const rule = new Map<Fix, string>();
    const key = new Map<Fix, string>();
    const fixes: Fix[] = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safe);
      const k = keyOf(f);
      if (fix && allowed(fix, policy) && !stuck.has(k)) { fixes.push(fix); rule.set(fix, f.rule); key.set(fix, k); }
    }
    if (fixes.length === 0) return { text: current, passes: pass - 1, applied, steps, findings };
    const r = applyFixList(current, fixes);
    if (r.applied.length === 0 || r.text === current) return { text: current, passes: pass, applied, steps, findings };
    steps.push({ text: current, result: r, rules: r.applied.map((x) => rule.get(x)!) });
    applied += r.applied.length;
    last = { text: current, findings, counts: countKeys(findings), keys: [...new Set(r.applied.map((x) => key.get(x)!))], applied: r.applied.length };
    if (stuck.size) progress = true;
    current = r.text;
  }
  return { text: current, passes: maxPasses, applied, steps };
}

const keyOf = (f: Finding) => `${f.rule}\u0000${f.message}`;

function countKeys(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) { const k = keyOf(f); m.set(k, (m.get(k) ?? 0) + 1); }
  return m;
}
