// A line made of ordinals inside a table — “（一）（一）（一）…”, “1.1.1.…”, a hostile or broken paste — is
// read in work linear in its length. The table reader looks for a row label glued inside a cell after
// each inner ordinal; it used to copy and key the whole rest of the cell at every one of them, so
// 10,000 “（一）” cost 400 MB and 100,000 never finished. Measured by counting the characters copied
// by String.prototype.slice while the report is checked (twice the run must cost about twice), not by time.
import * as assert from 'node:assert/strict';
import { checkText } from '../../../server/src/check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const KUNMING = readFileSync(join(__dirname, '..', '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const AT = KUNMING.indexOf('三、收到和处理政府信息公开申请情况');

function withRun(run: string): string {
  return KUNMING.slice(0, AT) + run + '\n' + KUNMING.slice(AT);
}

function sliced(text: string): number {
  const proto = String.prototype as unknown as { slice: (this: string, a?: number, b?: number) => string };
  const slice = proto.slice;
  let work = 0;
  proto.slice = function (this: string, a?: number, b?: number) { const r = slice.call(this, a, b); work += r.length; return r; };
  try { checkText(text); } finally { proto.slice = slice; }
  return work;
}

const shapes: Record<string, string> = { 'full-width parenthesised': '（一）', 'Chinese with 、': '一、', arabic: '1.', 'arabic in brackets': '(1)' };

describe('robustness: a line of ordinals in a table', () => {
  for (const [name, unit] of Object.entries(shapes)) {
    it(`${name} (“${unit}” repeated): work linear in the run`, () => {
      const small = sliced(withRun(unit.repeat(4_000)));
      const big = sliced(withRun(unit.repeat(8_000)));
      assert.ok(big < small * 2.5, `${name}: ${small} → ${big} characters copied for twice the run`);
    });
  }

  it('a row label glued after an ordinal inside a cell is still split off', () => {
    // What the scan is for: a group label and the row's own label in one cell, “(五)不予处理 2.重复申请”.
    const glued = KUNMING.replace('2.重复申请 | 0 |', '(五)不予处理 2.重复申请 | 0 |');
    assert.notEqual(glued, KUNMING);
    const rules = (t: string) => checkText(t).findings.map((f) => f.rule).sort();
    assert.deepEqual(rules(glued), rules(KUNMING));
  });
});
