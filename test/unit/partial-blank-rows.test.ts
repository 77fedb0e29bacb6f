// Issue 11, fourth blind held-out round (TRUTH.md): plain pdftotext prints 市场监督管理局 2023's 表三 figures in one block
// before the labels, and the page leaves two rows (（六）2. and 3.) entirely blank, which the text drops. The partial
// reading (parse/separated-partial.ts) gave a block's extra figures to "the next rows in the table's order", so （七）总计's
// 1 … 1 went to the blank （六）2. and 总计 was reported as 0 ≠ 2 "however the figures are matched" (4 false errors).
// When the figures fall short of the rows by whole rows, which rows a block continues into is not certain.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const TEXT = readFileSync(join(__dirname, '..', 'fixtures', 'real', 'pingtan-market-2023.pdf-raw.txt'), 'utf8');

describe('partial reading of a table whose blank rows the text dropped', () => {
  const findings = checkText(TEXT).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

  it('asserts no sum the right reading (blank rows, 总计 1) satisfies', () => {
    const sums = findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'balance-mismatch');
    assert.deepEqual(sums.map((f) => f.message), []);
  });

  it('still reports the blank cells', () => {
    assert.ok(findings.some((f) => /空白/.test(f.message)), findings.map((f) => `${f.rule} ${f.message}`).join('\n'));
  });
});
