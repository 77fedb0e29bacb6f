// Property-based fuzzing of the checker and the fixer over the five sample reports (fast-check).
// Each case is a sample with 1–4 random mutations: insertions of hostile strings (CJK, full-width
// digits, zero-width and bidi marks, lone surrogates, control bytes, structural words), deletions,
// duplicated/swapped/deleted/repeated lines, truncation, cells split and joined (" | " ↔ "\n",
// tabs ↔ pipes), numbers replaced by text, and mixed CRLF/LF/CR line endings.
//
// Properties (test/unit/robustness/props.ts):
//   1. checkText never throws and no rule throws (ruleErrors stays empty);
//   2. it finishes within a generous size-proportional budget (1.5 s + 150 ms/KB);
//   3. every finding's range and every fix edit's range lies inside the document;
//   4. applying all safe fixes changes the text only inside the applied edits (rebuilt here);
//   5. fixAll(fixAll(x)) === fixAll(x);
//   6. after applying one finding's safe fix alone, the same finding (rule, message, start) is gone.
//
// Run counts scale with GOVREPORT_FUZZ_SCALE (default 1); `npm run fuzz` runs 100,000 cases.
// A failing case prints its seed and path: FC_SEED=<seed> FC_PATH=<path> replays it.
import * as fc from 'fast-check';
import { FIXTURES, fuzzCase, runCase, type PropertyName } from './props';

const SCALE = Number(process.env.GOVREPORT_FUZZ_SCALE ?? 1);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const PATH = process.env.FC_PATH;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const params = (n: number): fc.Parameters<unknown> => ({ numRuns: runs(n), seed: SEED, path: PATH, endOnFailure: false, interruptAfterTimeLimit: 45_000 * SCALE, markInterruptAsFailure: false });

function property(props: PropertyName[]) {
  return fc.property(fuzzCase, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), (c, pick) => { runCase(c, props, pick); });
}

describe('robustness: fuzzing the samples', function () {
  this.timeout(120_000);
  this.slow(20_000);

  it('has the five samples to mutate', () => {
    if (FIXTURES.length < 5) throw new Error(`expected 5 fixtures, found ${FIXTURES.length}`);
  });

  it('check never throws, stays in budget, keeps ranges in the document; safe fixes only touch their ranges', () => {
    fc.assert(property(['check', 'fixLocal']), params(1500));
  });

  it('one finding’s safe fix, applied alone, removes that finding', () => {
    fc.assert(property(['check', 'resolves']), params(500));
  });

  it('fixing twice equals fixing once', () => {
    fc.assert(property(['check', 'idempotent']), params(400));
  });
});
