// Numbers are the author's: fixes that change a statistic carry `numbers: true`, say so in their title,
// and are applied by --fix only when asked (--fix-type numbers, or "fix": { "numbers": true }).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/src/cli';
import { checkText } from '../../server/src/check';
import { fixAll } from '../../server/src/fix';

const FIX = join(__dirname, '..', 'fixtures');
const KUNMING = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const lineOf = (t: string, n: number) => t.split('\n')[n - 1];
const mutate = (t: string, n: number, from: string, to: string) => {
  const l = t.split('\n');
  assert.ok(l[n - 1].includes(from), `line ${n} lacks ${from}`);
  l[n - 1] = l[n - 1].replace(from, to);
  return l.join('\n');
};
/** The sample without its repeated title (its one wording fault), so that only the numbers remain. */
const CLEAN = fixAll(KUNMING).text;
/** Line 56 is （七）总计 of table 三: its 总计 cell says 7 where the parts sum to 6. */
const WRONG_TOTAL = mutate(CLEAN, 56, '| 6 | ||', '| 7 | ||');

async function run(args: string[]) {
  const chunks: Record<'out' | 'err', Buffer[]> = { out: [], err: [] };
  const sink = (k: 'out' | 'err') => new Writable({ write(c, _e, cb) { chunks[k].push(Buffer.from(c)); cb(); } });
  const code = await main(args, sink('out'), sink('err'));
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

function temp(text: string, name = 'r.txt'): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-fixpolicy-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('fix policy: numbers are the author’s', () => {
  it('each fix says whether it changes a statistic (decided per fix)', () => {
    const cases: { name: string; text: string; rule: string; numbers: boolean }[] = [
      { name: 'a wrong total', text: WRONG_TOTAL, rule: 'total-mismatch', numbers: true },
      { name: 'a deleted row (inserted with implied values)', text: KUNMING.split('\n').filter((_, i) => i !== 46).join('\n'), rule: 'table-row-missing', numbers: true },
      { name: 'a row that gained a cell', text: mutate(KUNMING, 41, '| 0 | 0 |', '| 0 | 0 | 0 |'), rule: 'table-unbalanced', numbers: true },
      { name: 'a deleted table (inserted with zeros)', text: KUNMING.split('\n').filter((_, i) => i < 59 || i > 62).join('\n'), rule: 'table-missing', numbers: true },
      { name: 'full-width digits (same value)', text: mutate(KUNMING, 22, '1321', '１３２１'), rule: 'number-invalid', numbers: false },
      { name: 'thousands separators (same value)', text: mutate(KUNMING, 22, '1321', '1,321'), rule: 'number-invalid', numbers: false },
      { name: 'a misspelled label', text: mutate(KUNMING, 40, '危及“三安全一稳定”', '危及安全稳定'), rule: 'table-label', numbers: false },
      { name: 'a deleted prose section (placeholder text)', text: KUNMING.split('\n').filter((_, i) => i < 63 || i > 67).join('\n'), rule: 'section-missing', numbers: false },
    ];
    for (const c of cases) {
      const f = checkText(c.text).findings.find((x) => x.rule === c.rule && x.fixes.length);
      assert.ok(f, `${c.name}: no ${c.rule} with a fix`);
      assert.equal(f.fixes[0].numbers, c.numbers, `${c.name}: ${f.fixes[0].title}`);
      assert.equal(/请核对台账/.test(f.fixes[0].title), c.numbers, `${c.name}: the title says so: ${f.fixes[0].title}`);
    }
    const en = checkText(WRONG_TOTAL, { lang: 'en' }).findings.find((x) => x.rule === 'total-mismatch')!;
    assert.match(en.fixes[0].title, /check against your records/);
  });

  it('fixAll leaves a wrong total alone by default and corrects it when numbers are allowed', () => {
    assert.equal(fixAll(WRONG_TOTAL).text, WRONG_TOTAL);
    assert.equal(fixAll(WRONG_TOTAL, {}, undefined, undefined, { numbers: true }).text, CLEAN);
  });

  it('--fix leaves the total, reports it as not applied, and exits 1 (the error remains)', async () => {
    const file = temp(WRONG_TOTAL);
    const r = await run(['check', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), WRONG_TOTAL, 'nothing else to fix: the file is untouched');
    assert.match(r.out, new RegExp(`${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:56:\\d+ total-mismatch “7” → “6” {2}未应用：改动统计数字`));
    assert.match(r.out, /1 处改动统计数字的修复未应用/);
    assert.equal(r.code, 1);
  });

  it('--fix --fix-type numbers applies it and lists the change; --fix-type must name known types', async () => {
    const file = temp(WRONG_TOTAL);
    const r = await run(['check', '--fix', '--fix-type', 'numbers', file]);
    assert.equal(readFileSync(file, 'utf8'), CLEAN);
    assert.match(r.out, /:56:\d+ total-mismatch “7” → “6” {2}已修复/);
    assert.equal(r.code, 0);
    const bad = await run(['check', '--fix', '--fix-type', 'digits', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--fix-type must be a comma-separated list of text, numbers/);
    const alone = await run(['check', '--fix-type', 'numbers', file]);
    assert.equal(alone.code, 2, 'a --fix-type that would do nothing is a usage error');
    assert.match(alone.err, /--fix-type 需与 --fix、--fix-dry-run 或 --diff 同用/);
  });

  it('--fix-type numbers alone does not apply wording fixes (eslint semantics); text,numbers applies both', async () => {
    const both = mutate(WRONG_TOTAL, 39, '危及“三安全一稳定”', '危及安全稳定');
    const file = temp(both);
    await run(['check', '--fix', '--fix-type', 'numbers', file]);
    const once = readFileSync(file, 'utf8');
    assert.equal(lineOf(once, 56), lineOf(CLEAN, 56));
    assert.equal(lineOf(once, 39), lineOf(both, 39));
    await run(['check', '--fix', '--fix-type=text,numbers', file]);
    assert.equal(readFileSync(file, 'utf8'), CLEAN);
  });

  it('"fix": { "numbers": true } in .govreportrc.json lets --fix change numbers, like the editor setting', async () => {
    const file = temp(WRONG_TOTAL);
    writeFileSync(join(file, '..', '.govreportrc.json'), JSON.stringify({ fix: { numbers: true } }));
    const r = await run(['check', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), CLEAN, r.out + r.err);
    writeFileSync(join(file, '..', '.govreportrc.json'), JSON.stringify({ fix: { numbers: 'yes' } }));
    const bad = await run(['check', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /.govreportrc.json:1:\d+: “fix.numbers” 应为 true 或 false/);
  });
});
