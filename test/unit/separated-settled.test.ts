// Issue 11, fifth blind held-out round (TRUTH.md): plain pdftotext scatters 表三, and the partial reading
// (parse/separated-partial.ts) keeps the rows it is sure of and a pool for the rest. Where nothing is left to
// doubt — no open row, or a pool of one figure repeated (an all-zero 表三, the common case for a small body) —
// the table was still called unreadable (“无法判断每个数值属于哪一格，因此未检查该表的行、列和合计”): six of the
// eight new reports' plain-pdftotext texts, 19 tables of the corpus. Now such a table is read and checked.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { parseReport } from '../../server/src/parse/parse';

const real = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'real', name), 'utf8');
const t3 = (text: string) => parseReport(text, 'file:///r.txt').tables.find((t) => t.id === 't3')!;

describe('a scattered table with only one reading is read', () => {
  it('an all-zero 表三 whose open rows take a pool of zeros (2021 format)', () => {
    const t = t3(real('pingtan-finance-2023.pdf-raw.txt'));
    assert.equal(t.unread, undefined);
    assert.equal(t.labelsApart, true);
    assert.equal(t.rows.length, 25);
    assert.ok(t.rows.every((r) => r.values.length === 7 && r.values.every((c) => c.value === 0)));
    assert.deepEqual(checkText(real('pingtan-finance-2023.pdf-raw.txt')).findings.filter((f) => f.rule === 'table-unreadable'), []);
  });

  it('a 表三 whose every row is certain (2019 format, no open row)', () => {
    const t = t3(real('pingtan-finance-2019.pdf-raw.txt'));
    assert.equal(t.unread, undefined);
    assert.equal(t.rows.length, 23);
    assert.ok(t.rows.every((r) => r.values.length === 7));
  });

  it('keeps its faults, now said of the cells (海坛片区 2022: （七）总计 0 although 4 were received)', () => {
    const text = real('pingtan-haitan-2022.pdf-raw.txt');
    assert.equal(t3(text).unread, undefined);
    const sums = checkText(text).findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'balance-mismatch');
    assert.ok(sums.length >= 2 && sums.every((f) => !/无论怎样对应/.test(f.message)), sums.map((f) => f.message).join('\n'));
  });

  it('stays unread when the pool holds different figures', () => {
    const t = t3(real('pingtan-gov-2022.pdf-raw.txt'));
    assert.ok(t.unread?.partial);
    assert.ok(t.unread.partial.pool.some((v) => v !== t.unread!.partial!.pool[0]));
  });

  it('stays unread when a row of the format is not among the labels read', () => {
    // The same text with one row gone, label and figures: which rows the scattered text holds is then in doubt.
    const text = real('pingtan-finance-2023.pdf-raw.txt').replace(/^3\.要求提供公开出版物\n\n(0\n\n){7}/m, '');
    assert.notEqual(text, real('pingtan-finance-2023.pdf-raw.txt'));
    const t = t3(text);
    assert.ok(t.unread, 'read although a row is missing from the labels');
    assert.deepEqual(checkText(text).findings.filter((f) => f.rule === 'table-row-missing' && f.severity !== 'info'), []);
  });
});
