// The robustness properties of fuzz.test.ts over every text of the real-report corpus, unmutated, and the
// failures `GOVREPORT_FUZZ_FIXTURES=real npm run fuzz` found in mutations of it, kept as plain regressions.
// The PDF-text and converter-Markdown passes are only reached by these layouts, not by the five samples.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../../server/src/check';
import { applyFixList, fixAll, safeFixes } from '../../../server/src/fix';
import { checkClean, checkFixIdempotent, checkSafeFixesLocal, mutate, type Mutation } from './props';

const REAL = join(__dirname, '..', '..', 'fixtures', 'real');
const texts = readdirSync(REAL).filter((f) => /\.(txt|md)$/.test(f) && !/^[A-Z]+\.md$/.test(f)).sort();
const read = (name: string) => readFileSync(join(REAL, name), 'utf8');

describe('robustness: the real corpus', function () {
  this.timeout(120_000);

  it('has the corpus', () => assert.ok(texts.length >= 150, `${texts.length} texts`));

  it('every text: findings and fix edits inside the document, safe fixes local and never dropping figures, fixAll idempotent', () => {
    for (const name of texts) {
      const text = read(name);
      try {
        const r = checkClean(text);
        checkSafeFixesLocal(text, r.findings);
        checkFixIdempotent(text);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
  });

  it('a -layout row with no figure under its last columns: its empty cells stay on the line (上海 2019 表三)', () => {
    // pdftotext trims the spaces after a row's last figure; the empty 总计 cell used to sit at its column, past the line's end.
    const text = read('shanghai-office-2019.pdf-layout.txt');
    const lines = text.split('\n');
    for (const f of checkText(text).findings.filter((x) => x.rule === 'number-invalid')) {
      for (const p of [f.range.start, f.range.end]) assert.ok(p.character <= lines[p.line].length, `${f.message}: ${p.line}:${p.character} > ${lines[p.line].length}`);
    }
  });

  it('removing an extra first figure of a row whose label is wrapped around its figures edits only that figure', () => {
    // `4.无正当理由大量反复` / figures / `申请`: the label's last piece stands after the figures.
    const lines = read('pingtan-haitan-2019.pdf-layout.txt').split('\n');
    const i = lines.findIndex((l) => l.includes('4.无正当理由大量反复'));
    assert.ok(i > 0 && /^\s+0\s+0/.test(lines[i + 1]) && lines[i + 2].trim() === '申请', 'the wrapped row of 表三');
    lines[i + 1] = lines[i + 1].slice(0, 38) + '4' + lines[i + 1].slice(39);
    const text = lines.join('\n');
    const r = checkClean(text);
    checkSafeFixesLocal(text, r.findings);
    checkFixIdempotent(text);
  });

  it('a row written inside one pipe cell with its figures: the label fix never deletes them unseen', () => {
    // Lines joined with `|`: `|  一、本年新收政府信息公开申请数量      2   0 …   2||  二、上年结转…`.
    const lines = read('pingtan-finance-2024.pdf-layout.txt').split('\n');
    const i = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量')) - 1;
    lines.splice(i, 9, lines.slice(i, i + 9).join('|'));
    const text = lines.join('\n');
    const r = checkClean(text);
    const label = r.findings.find((f) => f.rule === 'table-label' && f.message.includes('本年新收政府信息公开申请数量'));
    assert.ok(label, 'the label with its figures is flagged');
    assert.deepEqual(label.fixes.map((x) => [x.safe, x.numbers]), [[false, true]], 'offered, marked as changing figures');
    checkSafeFixesLocal(text, r.findings);
    checkFixIdempotent(text);
  });

  it('a row whose label follows its figures (lines run together): its range runs forward, from the figures to the label', () => {
    // The shrunk case of `GOVREPORT_FUZZ_FIXTURES=real npm run fuzz` (seed 11): three lines joined by ` | `, a figure emptied.
    const muts: Mutation[] = [{ k: 'joinLines', line: 431497240, count: 3, sep: ' | ' }, { k: 'numToText', nth: 988587789, s: '' }];
    const text = muts.reduce(mutate, read('pingtan-suping-2023.pdf-layout.txt'));
    const r = checkClean(text);
    assert.ok(r.findings.some((f) => f.rule === 'number-invalid' && f.message.includes('属于国家秘密')), 'the row with its blank cells is flagged');
  });

  it('a report cut off inside 表三: the zeros completing its last row go before the sections appended after it', () => {
    // The shrunk case of the fuzzer (seed 12): a line repeated, the text cut in （二）部分公开's label.
    const muts: Mutation[] = [{ k: 'dupLine', line: 1987504001 }, { k: 'truncate', at: 1470285551 }];
    const text = muts.reduce(mutate, read('pingtan-junshan-2021.pdf-copy.txt'));
    const r = checkClean(text);
    checkSafeFixesLocal(text, r.findings);
    const fixed = applyFixList(text, safeFixes(r.findings)).text;
    const tail = fixed.slice(fixed.lastIndexOf('（二）部分公开'));
    assert.match(tail, /^（二）部分公开[^\n]*(?:\n0){7}\n五、存在的主要问题及改进情况\n/, tail.slice(0, 120));
  });

  it('fix-all stops re-applying a fix whose finding comes back unchanged (no growth on every save)', () => {
    // Shrunk cases of the fuzzer (seed 12): lines run together with `|`, a figure turned to text. Zeros written
    // for a row's blank cells were read into no row, so each pass (and each save) wrote them again.
    const cases: [string, Mutation[]][] = [
      ['pingtan-junshan-2025.pdf-layout.txt', [{ k: 'numToText', nth: 37814750, s: 'e' }, { k: 'joinLines', line: 1785488649, count: 4, sep: '|' }]],
      ['pingtan-gov-2024.pdf-layout.txt', [{ k: 'numToText', nth: 1374185488, s: '（二）自' }, { k: 'joinLines', line: 1861663654, count: 10, sep: '|' }]],
    ];
    for (const [name, muts] of cases) {
      const text = muts.reduce(mutate, read(name));
      const once = fixAll(text);
      assert.ok(once.passes < 10, `${name}: ${once.passes} passes`);
      assert.equal(fixAll(once.text).applied, 0, `${name}: a second fix-all changes the text again`);
    }
  });

  it('zeros for a blank row whose label took in figures are offered, not written pass after pass (11 passes before)', () => {
    // Shrunk case of the fuzzer (seed 13): lines swapped, one repeated, three run together with tabs. The row
    // （六）2.'s label read `…处理其0000000政府信息公开申请`; each pass wrote 0s after it and the next read them into the label.
    const muts: Mutation[] = [{ k: 'swapLines', a: 1735980948, b: 526204279 }, { k: 'dupLine', line: 522915856 }, { k: 'joinLines', line: 1340469015, count: 3, sep: '\t' }];
    const text = muts.reduce(mutate, read('pingtan-gov-2022.pdf-layout.txt'));
    const blank = checkText(text).findings.find((f) => f.rule === 'number-invalid' && /处理其[ 0]*0[ 0]*政府信息公开申请/.test(f.message));
    assert.ok(blank, 'the blank row is still reported');
    assert.deepEqual(blank.fixes.map((f) => [f.safe, f.numbers]), [[false, false]]);
    const once = fixAll(text);
    assert.ok(once.passes <= 2, `${once.passes} passes`);
    checkFixIdempotent(text);
  });
});
