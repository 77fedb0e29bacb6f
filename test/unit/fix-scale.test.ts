// Fix application grows linearly (not a timed test: it counts the edit comparisons applyFixList makes,
// and what the editor's quick-fix request computes). Timings are in `npm run bench` ("Fixes" rows).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixList, fixStats } from '../../server/src/fix';
import type { Fix } from '../../server/src/model';
import { analyze } from '../../server/src/features/analysis';
import { codeActions, resolveFixKind, wrapper } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';

/** n lines with one full-width digit each: n findings, each with one fix (plus insertions at one point). */
function fixes(n: number): { text: string; fixes: Fix[] } {
  const text = Array.from({ length: n }, (_, i) => `row ${i} | ${i}`).join('\n');
  const out: Fix[] = [];
  for (let i = 0; i < n; i++) {
    const c = `row ${i} | `.length;
    out.push({ title: 't', edits: [{ range: { start: { line: i, character: c }, end: { line: i, character: c + String(i).length } }, newText: `<${i}>` }], safe: true, numbers: false });
    // A conflicting fix (same range) and a pure insertion at the line start: both kinds of clash check.
    if (i % 3 === 0) out.push({ title: 'x', edits: [{ range: { start: { line: i, character: c }, end: { line: i, character: c + 1 } }, newText: '' }], safe: true, numbers: false });
    if (i % 5 === 0) out.push({ title: 'ins', edits: [{ range: { start: { line: i, character: 0 }, end: { line: i, character: 0 } }, newText: '+' }], safe: true, numbers: false });
  }
  return { text, fixes: out.reverse() };
}

function comparisons(n: number): number {
  const { text, fixes: f } = fixes(n);
  const before = fixStats.comparisons;
  const r = applyFixList(text, f);
  assert.equal(r.applied.length, n + Math.ceil(n / 5));
  assert.equal(r.skipped.length, Math.ceil(n / 3));
  return fixStats.comparisons - before;
}

describe('fix application scales linearly', () => {
  it('applyFixList: edit comparisons per fix stay constant from 500 to 8,000 fixes', () => {
    const small = comparisons(500);
    const big = comparisons(8000);
    // Quadratic overlap checks made thousands of comparisons per fix at 8,000 fixes; sort + sweep makes ~2.
    assert.ok(big / 8000 <= 4, `${big} comparisons for 8,000 fixes`);
    assert.ok(big / small <= 16 * 1.2, `growth ${big / small} for 16× the fixes`);
  });

  it('applyFixList keeps the semantics: leftmost first, conflicts skipped whole, insertions at one point in the order given', () => {
    const text = 'abcdef';
    const at = (from: number, to: number, newText: string, title = newText): Fix => ({ title, edits: [{ range: { start: { line: 0, character: from }, end: { line: 0, character: to } }, newText }], safe: true, numbers: false });
    const r = applyFixList(text, [at(3, 5, 'X'), at(1, 4, 'Y'), at(6, 6, '1'), at(6, 6, '2'), at(0, 0, '<')]);
    assert.equal(r.text, '<aYef12');
    assert.deepEqual(r.skipped.map((f) => f.title), ['X']);
    // A fix with two edits is skipped whole when either conflicts.
    const two: Fix = { title: 'two', edits: [at(0, 1, 'A').edits[0], at(4, 5, 'E').edits[0]], safe: true, numbers: false };
    const r2 = applyFixList(text, [at(4, 6, 'Z'), two]);
    assert.equal(r2.text, 'AbcdEf');
    assert.deepEqual(r2.skipped.map((f) => f.title), ['Z']);
    assert.equal(applyFixList(text, [two, at(2, 3, 'C')]).text, 'AbCdEf');
  });

  it('the quick-fix request with resolve support computes no "fix all of this kind" edit; resolve does, for that version only', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'yuyao-health-2020-indented.txt'), 'utf8');
    const a = analyze(text, { uri: 'file:///x.txt', version: 3 });
    const withFix = a.findings.filter((f) => f.rule === 'section-numbering' && f.fixes.some((x) => x.safe && !x.numbers));
    assert.ok(withFix.length >= 2, `${a.findings.length} findings`);
    const f = withFix[0];
    const ctx = { diagnostics: [toDiagnostic(f, 'file:///d/')], only: ['quickfix'] };
    const wrap = wrapper(a.uri, a.version, true);
    const before = fixStats.comparisons;
    const lazy = codeActions(a, f.range, ctx, wrap, 'file:///d/', true);
    assert.equal(fixStats.comparisons, before, 'no fixes applied while answering the cursor-move request');
    const kind = lazy.find((x) => x.data);
    assert.ok(kind && !kind.edit, JSON.stringify(lazy.map((x) => x.title)));
    const resolved = resolveFixKind(a, kind, wrap, 'file:///d/');
    assert.ok(resolved?.edit, 'resolve fills in the edit');
    assert.deepEqual(resolved.edit, codeActions(a, f.range, ctx, wrap, 'file:///d/').find((x) => x.title === kind.title)?.edit, 'the same edit as the eager action');
    assert.equal(resolveFixKind({ ...a, version: 4 }, kind, wrap, 'file:///d/'), undefined, 'not for another version');
  });
});
