// A total column left blank beside filled parts (上海市人民政府办公厅 2019, 表三: 总计 blank in rows （一）–（六）,
// only （七）总计 filled) is one warning for the table, naming the column and the rows — not an error per row
// plus one for the grand total that then sums blanks. Real text, as copied from the published page.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList, fixAll } from '../../server/src/fix';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const read = (f: string) => readFileSync(join(REAL, f), 'utf8');
const t3 = (text: string) => checkText(text).findings.filter((f) => (f.rule === 'number-invalid' || f.rule === 'total-mismatch') && f.range.start.line < lineOf(text, '政府信息公开行政复议'));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle) && !l.startsWith('五'));

describe('a total column left blank beside filled parts', () => {
  for (const kind of ['copy.txt', 'cells.txt', 'writer.txt']) {
    it(`上海 2019 表三 (${kind}): one warning naming 总计 and the rows, no total-mismatch`, () => {
      const text = read(`shanghai-office-2019.${kind}`);
      const f = t3(text);
      assert.deepEqual(f.map((x) => `${x.rule} ${x.severity}`), ['number-invalid warning'], f.map((x) => x.message).join('\n'));
      assert.match(f[0].message, /^“收到和处理政府信息公开申请情况”的“总计”列在 11 行空白（“（一）予以公开”、“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”、“1\.属于国家秘密”等 8 行），而这些行的各项填了数：空白按 0 计，总计便与各项之和不符；另有 \d+ 个空白单元格按 0 计$/);
      // on the row the reviewer points at: （一）予以公开
      assert.match(text.split('\n')[f[0].range.start.line], /予以公开|^\s*$|^\t*$/);
    });
  }

  it('offers the sums with 0 in the other blanks (a change of figures: never applied unseen); applied, the table adds up', () => {
    const text = read('shanghai-office-2019.copy.txt');
    const [f] = t3(text);
    assert.deepEqual(f.fixes.map((x) => [x.title, x.safe, x.numbers]), [['在空白的“总计”中填写各项之和（11 处），其余空白单元格填 0（115 处）（请核对台账）', false, true]]);
    assert.deepEqual(f.fixes[0].edits.slice(0, 11).map((e) => e.newText), ['272', '3', '14', '5', '4', '12', '265', '47', '25', '149', '9']);
    // --fix (safe fixes only) leaves the table as it is: the one warning stays, no table-unbalanced appears
    const safe = fixAll(text).text;
    assert.deepEqual(checkText(safe).findings.filter((x) => x.rule === 'table-unbalanced'), []);
    assert.equal(t3(safe).filter((x) => x.message.includes('“总计”列')).length, 1, 'the blank totals are not filled unseen');
    const fixed = applyFixList(text, f.fixes).text;
    assert.deepEqual(t3(fixed).map((x) => `${x.rule}: ${x.message}`), []);
  });

  it('a single row with a blank total stays one total-mismatch error on that row', () => {
    const text = read('shanghai-office-2019.copy.txt');
    // fill every blank total but the one of （一）予以公开
    const [f] = t3(text);
    const partly = applyFixList(text, [{ ...f.fixes[0], edits: f.fixes[0].edits.slice(1, 11) }]).text;
    const g = t3(partly);
    // the row's and the column's sums both point at that one cell
    assert.deepEqual(g.filter((x) => x.rule === 'total-mismatch').map((x) => `${x.range.start.line + 1}: ${x.message}`), ['92: 此数与所在行的合计和所在列的合计都不一致：按两处合计，应为 272']);
    assert.equal(g.filter((x) => x.message.includes('“总计”列在')).length, 0);
  });
});
