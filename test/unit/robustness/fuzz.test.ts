// Property-based fuzzing of the checker and the fixer over the five sample reports (fast-check).
// Each case is a sample with 1–4 random mutations: insertions of hostile strings (CJK, full-width
// digits, zero-width and bidi marks, lone surrogates, control bytes, structural words), deletions,
// duplicated/swapped/deleted/repeated lines, truncation, cells split and joined (" | " ↔ "\n",
// tabs ↔ pipes), numbers replaced by text, and mixed CRLF/LF/CR line endings.
//
// Properties (test/unit/robustness/props.ts):
//   1. checkText never throws and no rule throws (ruleErrors stays empty);
//   2. (speed is not a property here: npm run bench measures it, hostile.test.ts guards against hangs);
//   3. every finding's range and every fix edit's range lies inside the document;
//   4. applying all safe fixes changes the text only inside the applied edits (rebuilt here);
//   5. fixAll(fixAll(x)) === fixAll(x);
//   6. after applying one finding's safe fix alone, the same finding (rule, message, start) is gone.
//
// Property 6 is narrowed for deletions: a fix that deletes the flagged text (a repeated title line)
// lets an identical neighbour move into the same place, so there we assert one fewer such finding.
// A safe replacement must also never swallow cell separators (it would delete the values between).
//
// The seed is fixed so that `npm test` is reproducible; FC_SEED=random explores, FC_SEED=<n>
// FC_PATH=<path> replays a reported failure. Run counts scale with GOVREPORT_FUZZ_SCALE (default 1);
// `npm run fuzz` runs 100,000 cases and reports every distinct failure instead of the first.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkText } from '../../../server/src/check';
import { fixAll } from '../../../server/src/fix';
import { FIXTURES, checkClean, checkSafeFixesLocal, fuzzCase, runCase, type PropertyName } from './props';

const SCALE = Number(process.env.GOVREPORT_FUZZ_SCALE ?? 1);
const PATH = process.env.FC_PATH;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** Each property has its own default seed (different cases); FC_SEED overrides them all. */
const seed = (own: number) => (process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? own));
const params = (n: number, own: number): fc.Parameters<unknown> => ({
  numRuns: runs(n), seed: seed(own), path: PATH, endOnFailure: false,
  // A slow machine runs fewer cases rather than blowing the suite's time budget.
  interruptAfterTimeLimit: 20_000 * SCALE, markInterruptAsFailure: false,
});

function property(props: PropertyName[]) {
  return fc.property(fuzzCase, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), (c, pick) => { runCase(c, props, pick); });
}

describe('robustness: fuzzing the samples', function () {
  this.timeout(120_000);
  this.slow(20_000);

  it('has the five samples to mutate', () => {
    if (FIXTURES.length < 5) throw new Error(`expected 5 fixtures, found ${FIXTURES.length}`);
  });

  it('check never throws, keeps ranges in the document; safe fixes only touch their ranges', () => {
    fc.assert(property(['check', 'fixLocal']), params(3000, 20240131));
  });

  it('one finding’s safe fix, applied alone, removes that finding', () => {
    fc.assert(property(['check', 'resolves']), params(1000, 20240132));
  });

  it('fixing twice equals fixing once', () => {
    fc.assert(property(['check', 'idempotent']), params(1000, 20240133));
  });
});

// Minimal inputs for failures the fuzzer found, kept as plain regression tests.
describe('robustness: fuzzer findings', () => {
  const sample = (name: string) => FIXTURES.find((f) => f.name.startsWith(name))!.text;
  const idempotent = (text: string) => {
    const once = fixAll(text);
    const twice = fixAll(once.text);
    assert.equal(twice.applied, 0, `a second fixAll applied ${twice.applied} more fixes (first: ${once.passes} passes, ${once.applied} fixes)`);
  };

  it('a truncated report with many missing rows and sections is fixed in one fixAll call', () => {
    const kunming = sample('kunming');
    idempotent(kunming.slice(0, kunming.indexOf('一、本年新收') + 3));
  });

  it('total-mismatch never writes a number it cannot read back (1e+21) nor a rounded one', () => {
    const lushan = sample('lushan');
    const row = lushan.split('\n').find((l) => l.includes('属于三类内部事务信息'))!;
    for (const big of ['999999999999999999999', '9007199254740993']) {
      const text = lushan.replace(row, row.replace(/^(.*?\t0\t0\t0\t)0/, (_, head: string) => head + big));
      for (const f of checkText(text).findings.filter((x) => x.rule === 'total-mismatch')) {
        for (const fix of f.fixes.filter((x) => x.safe)) {
          // Every other cell of the row and column is 0: the exact sum is the big number itself
          // (or 0, when the big cell itself is judged wrong). Anything else is exponent notation or rounding.
          for (const e of fix.edits) assert.ok(e.newText === big || e.newText === '0', `“${f.message}”: the safe fix writes ${e.newText}`);
        }
      }
      idempotent(text);
    }
  });

  it('table-label’s safe fix does not delete a value when a tab row also contains a pipe', () => {
    const lushan = sample('lushan');
    const text = lushan.replace('行政强制\t0\t\t\n', '行政强制\t0\t\t|\n');
    assert.notEqual(text, lushan);
    checkSafeFixesLocal(text, checkText(text).findings);
  });

  it('section-title’s safe fix does not delete a table caption on the heading line', () => {
    const xinxiang = sample('xinxiang');
    const text = xinxiang.replace('二、主动公开政府信息情况\n第二十条', '二、主动公开政府信息情况\t第二十条');
    assert.notEqual(text, xinxiang);
    checkSafeFixesLocal(text, checkText(text).findings);
  });

  it('row-numbering keeps its range on the line when the ordinal is read across two cells', () => {
    const lines = sample('lushan').split('\n');
    const i = lines.findIndex((l) => l.includes('2. 其他法律法规禁止公开'));
    // U+2028 (LINE SEPARATOR) is whitespace to JavaScript but not a line break to LSP.
    const text = [...lines.slice(0, i), '\u20287', ...lines.slice(i + 1)].join('\n');
    checkClean(text);
  });

  it('table-unbalanced’s “add the missing cell” fix, applied alone, resolves its finding (garbled cell-per-line table)', () => {
    const fixture = FIXTURES.findIndex((f) => f.name.startsWith('yuyao'));
    runCase({ fixture, muts: [{ k: 'delLines', line: 1697910747, count: 3 }, { k: 'joinLines', line: 24, count: 7, sep: '|' }] }, ['check', 'resolves'], [1091084978, 1900693883]);
  });

  it('table-unbalanced’s “add the missing cell” fix is not safe when text follows on the line without a separator', () => {
    // A dash, zero-width characters and a word: read as two aligned cells; inserting “ | 0” after
    // the dash would glue the 0 onto the word, and the finding would survive its own fix.
    const fixture = FIXTURES.findIndex((f) => f.name.startsWith('xinxiang'));
    runCase({ fixture, muts: [{ k: 'replaceLine', line: 906763315, s: '-\u200c\u200b收' }] }, ['check', 'fixLocal', 'resolves', 'idempotent'], [1004372672]);
  });

  it('table-row-missing inserts the row inside a table written on one line, so fixAll converges', () => {
    const lines = sample('lushan').split('\n');
    const i = lines.findIndex((l) => l.startsWith('第二十条第（一）项'));
    const text = [...lines.slice(0, i), lines.slice(i, i + 4).join('|'), ...lines.slice(i + 4)].join('\n');
    const out = fixAll(text).text;
    assert.ok((out.match(/规章 \| 0 \| 0 \| 0/g) ?? []).length <= 1, 'the missing row is inserted at most once');
    idempotent(text);
  });
});
