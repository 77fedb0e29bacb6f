// A total row the text holds more than once (fuzz seed 1930: a cell-per-line 表三 whose （七）总计 line was
// repeated 15 times, the first copies left without figures). Which copy the figures belong to cannot be
// told: the sum is still reported, but no value is offered for a copy that may not be the one read.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { checkClean, checkFixIdempotent, checkFixResolves } from './robustness/props';

const REAL = join(__dirname, '..', 'fixtures', 'real', 'pingtan-finance-2024.cells.txt');

function repeatLine(text: string, line: string, times: number): string {
  const lines = text.split('\n');
  const i = lines.indexOf(line);
  assert.ok(i >= 0, `no line ${line}`);
  lines.splice(i, 0, ...Array(times).fill(line));
  return lines.join('\n');
}

describe('total-mismatch on a repeated total row', () => {
  const text = repeatLine(readFileSync(REAL, 'utf8'), '（七）总计', 14);
  const totals = () => checkText(text).findings.filter((f) => f.rule === 'total-mismatch');

  it('still reports the sum, but offers no value for the ambiguous row', () => {
    const found = totals();
    assert.ok(found.length > 0, 'the first copy reads blank: the sum is reported');
    for (const f of found) assert.ok(!f.fixes?.length, `${f.message}: ${JSON.stringify(f.fixes)}`);
  });

  it('every fix still offered resolves its finding, and fixing twice equals fixing once', () => {
    const r = checkClean(text);
    for (let pick = 0; pick < r.findings.length; pick++) checkFixResolves(text, r.findings, [pick]);
    checkFixIdempotent(text);
  });

  it('the same table without the repeat keeps its fix', () => {
    const once = readFileSync(REAL, 'utf8').replace('（七）总计\n2\n', '（七）总计\n1\n');
    const f = checkText(once).findings.filter((x) => x.rule === 'total-mismatch');
    assert.ok(f.length > 0 && f.every((x) => x.fixes?.length === 1), JSON.stringify(f.map((x) => x.message)));
  });
});
