// Each sample report's findings against EXPECTED.md: every "must flag" on its line (±2), no trap.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { EXPECTED } from './expected';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe('sample reports (EXPECTED.md)', () => {
  for (const exp of EXPECTED) {
    describe(exp.file, () => {
      const text = readFileSync(join(FIXTURES, exp.file), 'utf8');
      const { findings, report, ruleErrors } = checkText(text, { uri: exp.file });
      const at = (f: (typeof findings)[number]) => f.range.start.line + 1;

      it('no rule throws', () => assert.deepEqual(ruleErrors, []));
      it(`is read as a ${exp.year} report in the ${exp.format} format`, () => {
        assert.equal(report.year?.value, exp.year);
        assert.equal(report.format, exp.format);
      });
      for (const m of exp.mustFlag) {
        const rules = Array.isArray(m.rule) ? m.rule : [m.rule];
        it(`flags ${rules.join('/')} at line ${m.line}: ${m.note}`, () => {
          const hit = findings.find((f) => rules.includes(f.rule) && Math.abs(at(f) - m.line) <= 2);
          assert.ok(hit, `expected ${rules.join('/')} near line ${m.line}; got:\n${findings.map((f) => `${at(f)} ${f.rule} ${f.message}`).join('\n')}`);
        });
      }
      for (const m of exp.mustNot) {
        it(`does not flag ${m.rule}${m.lines ? ` in lines ${m.lines[0]}–${m.lines[1]}` : ''}: ${m.note}`, () => {
          const bad = findings.filter((f) => f.rule === m.rule && (!m.lines || (at(f) >= m.lines[0] && at(f) <= m.lines[1])));
          assert.deepEqual(bad.map((f) => `${at(f)} ${f.message}`), []);
        });
      }
      if (exp.clean) {
        it('has no warning or error (false-positive control)', () => {
          const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
          assert.deepEqual(bad.map((f) => `${at(f)} ${f.rule} ${f.message}`), []);
        });
      }
    });
  }
});
