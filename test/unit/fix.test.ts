// Fix-all on the five samples: nothing safely fixable is left, a second pass changes nothing,
// and every change lies inside a range some fix named.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { allowed, applyFixList, fixAll, safeFixes } from '../../server/src/fix';

const FIX = join(__dirname, '..', 'fixtures');

describe('fix all', () => {
  for (const file of readdirSync(FIX).filter((f) => f.endsWith('.txt'))) {
    describe(file, () => {
      const text = readFileSync(join(FIX, file), 'utf8');
      const once = fixAll(text);
      it('leaves no safely fixable finding (of the kinds fix-all applies by default)', () => {
        const left = checkText(once.text).findings.filter((f) => f.fixes.some((x) => allowed(x)));
        assert.deepEqual(left.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`), []);
      });
      it('is idempotent: fixing twice equals fixing once', () => {
        assert.equal(fixAll(once.text).text, once.text);
      });
      it('only removes findings: no new error or warning appears', () => {
        const before = new Set(checkText(text).findings.map((f) => `${f.rule}|${f.message}`));
        const after = checkText(once.text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(after.map((f) => `${f.rule}|${f.message}`).filter((s) => !before.has(s)), []);
      });
      it('changes the text only inside the fixed ranges (first pass)', () => {
        const fixes = safeFixes(checkText(text).findings);
        const { text: out, applied } = applyFixList(text, fixes);
        // Re-applying the same edits to the original must reproduce the output, and untouched lines stay.
        const touched = new Set<number>();
        for (const f of applied) for (const e of f.edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) touched.add(l);
        const inLines = text.split('\n');
        const outLines = new Set(out.split('\n'));
        inLines.forEach((l, i) => { if (!touched.has(i)) assert.ok(outLines.has(l), `untouched line ${i + 1} changed: ${l}`); });
      });
    });
  }
  it('fixes the expected faults of the samples', () => {
    const x = fixAll(readFileSync(join(FIX, 'xinjiang-health-2023-cell-per-line.txt'), 'utf8')).text.split('\n');
    assert.ok(x.includes('    五、存在的主要问题及改进情况'.replace(/^ {4}/, '\u2002\u2002\u2002 ')));
    assert.ok(x.includes('行政规范性文件'));
    assert.ok(x.includes('3.危及“三安全一稳定”'));
    assert.ok(x.includes('1.本机关不掌握相关政府信息'));
    assert.ok(x.includes('5.要求行政机关确认或重新'));
    assert.ok(!x.includes('本年增/减'));
    // Removing the extra cell of the 总计 row moves numbers between columns: only when numeric fixes are asked for.
    const lushan = readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8');
    assert.equal(fixAll(lushan).text.split('\n')[79], lushan.split('\n')[79]);
    const l = fixAll(lushan, {}, undefined, undefined, { numbers: true }).text.split('\n');
    assert.equal(l[79], '(七) 总计\t\t0\t0\t0\t0\t0\t0\t0\t');
    const y = fixAll(readFileSync(join(FIX, 'yuyao-health-2020-indented.txt'), 'utf8')).text.split('\n');
    assert.deepEqual([y[5], y[19], y[93], y[359], y[401], y[405]], ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  });
});
