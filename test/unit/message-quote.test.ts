// Messages quote a row's label as the author wrote it — ordinal, inner quotes and full-width characters kept,
// only the surrounding whitespace trimmed — not the parser's normalised key (“危及三安全一稳定” for
// 3.危及“三安全一稳定”, “予以公开” for （一）予以公开). A row placed without a written label is named by the
// format's wording as the standard's name (表三“（一）予以公开”行), not as a quote. English counts agree in number.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { format } from '../../server/src/i18n';
import type { Row } from '../../server/src/model';
import numberInvalid from '../../server/src/rules/number-invalid';
import { rowName, say } from '../../server/src/rules/rule';
import { tableSpec } from '../../server/src/spec';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const withLine = (n: number, s: string, text = KUNMING) => text.split('\n').map((l, i) => (i === n - 1 ? s : l)).join('\n');
const messages = (t: string, rule: string, lang: 'zh' | 'en' = 'zh') => checkText(t, { lang }).findings.filter((f) => f.rule === rule).map((f) => f.message);

describe('messages quote the label as written', () => {
  it('keeps the ordinal and the quotes inside a label', () => {
    // One more under 自然人 here and one fewer in （一）予以公开: the columns still add up, these two rows do not.
    const text = withLine(36, '三、本年度办理结果 | (一)予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 4 | |', withLine(40, '3.危及“三安全一稳定” | 1 | 0 | 0 | 0 | 0 | 0 | 0 | ||'));
    const zh = messages(text, 'total-mismatch');
    assert.ok(zh.some((m) => m.startsWith('“3.危及“三安全一稳定””的总计')), zh.join('\n'));
    assert.ok(!zh.some((m) => m.includes('“危及三安全一稳定”')), zh.join('\n'));
    const en = messages(text, 'total-mismatch', 'en');
    assert.ok(en.some((m) => m.startsWith('“3.危及“三安全一稳定””')), en.join('\n'));
  });

  it('keeps full-width characters exactly and trims the whitespace around the label', () => {
    const text = withLine(36, '三、本年度办理结果 | 　（一）予以公开　 | 3 | 0 | 0 | 0 | 0 | 0 | 4 | |', withLine(40, '3.危及“三安全一稳定” | 1 | 0 | 0 | 0 | 0 | 0 | 0 | ||'));
    const zh = messages(text, 'total-mismatch');
    assert.ok(zh.some((m) => m.startsWith('“（一）予以公开”的总计 4')), zh.join('\n'));
    assert.ok(!zh.some((m) => m.includes('“予以公开”')), zh.join('\n'));
  });

  it('names a row without a written label by the standard wording, not as a quote', () => {
    const spec = tableSpec('2021', 't3')!;
    const id = spec.rows.find((r) => r.label === '予以公开')!.id;
    const row: Pick<Row, 'id' | 'labelCells' | 'range'> = { id, labelCells: [], range: { start: { line: 9, character: 0 }, end: { line: 9, character: 5 } } };
    assert.equal(rowName(row, { lang: 'zh' }, { asRow: true, spec }), '表三“（一）予以公开”行');
    assert.equal(rowName(row, { lang: 'en' }, { asRow: true, spec }), 'the row “（一）予以公开” of Table 3');
    // Without the table's spec (or a row the format does not name) the line is all there is.
    assert.equal(rowName(row, { lang: 'zh' }, { asRow: true }), '第 10 行');
  });
});

describe('English messages agree in number', () => {
  it('picks the word by the count', () => {
    assert.equal(format('{n} {n:value|values}', { n: 1 }), '1 value');
    assert.equal(format('{n} {n:value|values}', { n: 2 }), '2 values');
    assert.equal(format('{n} {n:value|values}', { n: 0 }), '0 values');
    assert.equal(format('{m:value|values}', {}), '{m:value|values}');
  });

  it('one empty cell is “1 empty cell”, one other “1 other empty cell reads”', () => {
    const en = { lang: 'en' as const };
    assert.equal(say(numberInvalid, en, 'blanksOnly', { table: 'T', count: 1, where: 'x' }), '“T” has 1 empty cell (x): empty reads as 0');
    assert.equal(say(numberInvalid, en, 'blanksOnly', { table: 'T', count: 2, where: 'x' }), '“T” has 2 empty cells (x): empty reads as 0');
    assert.equal(say(numberInvalid, en, 'otherBlanks', { count: 1 }), '; 1 other empty cell reads as 0');
  });

  it('a row with one value is “1 value”', () => {
    const text = withLine(41, '4.保护第三方合法权益 | 0');
    const en = messages(text, 'table-unbalanced', 'en');
    assert.ok(en.some((m) => /has only 1 value; the table has 7 columns/.test(m)), en.join('\n'));
    assert.ok(!en.some((m) => /\b1 values\b/.test(m)), en.join('\n'));
  });
});
