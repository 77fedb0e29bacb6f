// Issue 11, second blind held-out round (TRUTH.md): 平潭 行政审批局 2024 titles section 四
// 政府信息公开行政复议与行政诉讼情况 — 与 for the standard 、. Real reports join the two items of a title with any of
// 、 和 与 及 (the corpus prose writes 行政复议与行政诉讼 throughout); the meaning is the same, so such a title is reported as
// a hint with the standard wording as fix, while a changed word (改进措施, a typo) stays a warning.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { differsOnlyInConjunctions } from '../../server/src/parse/title-conjunctions';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const COPY = readFileSync(join(REAL, 'pingtan-junshan-2024.copy.txt'), 'utf8');
const PDF = readFileSync(join(REAL, 'pingtan-junshan-2024.pdf-copy.txt'), 'utf8');

function swap(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}
const titles = (text: string) => checkText(text).findings.filter((f) => f.rule === 'section-title');

describe('section titles that differ only in their coordinating words', () => {
  for (const [name, text] of [['copied page', COPY], ['PDF text', PDF]] as const) {
    it(`reports 行政复议与行政诉讼 as a hint with the standard title as fix (${name})`, () => {
      const doc = swap(text, '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议与行政诉讼情况');
      const found = titles(doc);
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'hint');
      assert.match(found[0].message, /行政复议与行政诉讼情况/);
      assert.equal(found[0].fixes?.[0].edits[0].newText, '政府信息公开行政复议、行政诉讼情况');
    });

    it(`still warns when a word of the title changes (${name})`, () => {
      const typo = swap(text, '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议与行政诉讼情况');
      assert.deepEqual(titles(typo).map((f) => f.severity), ['warning']);
    });
  }

  it('treats 和 and 及 alike in section 五, and keeps 改进措施 a warning', () => {
    const five = COPY.match(/^五、[^\n]*/m)![0];
    const conj = titles(swap(COPY, five, '五、存在的主要问题和改进情况'));
    assert.deepEqual(conj.map((f) => f.severity), ['hint']);
    const word = titles(swap(COPY, five, '五、存在的主要问题和改进措施'));
    assert.deepEqual(word.map((f) => f.severity), ['warning']);
  });

  it('compares the titles, not their coordinating words alone', () => {
    assert.equal(differsOnlyInConjunctions('政府信息公开行政复议与行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'), true);
    assert.equal(differsOnlyInConjunctions('政府信息公开行政复议以及行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'), true);
    assert.equal(differsOnlyInConjunctions('政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'), false);
    assert.equal(differsOnlyInConjunctions('政府信息公开行政复议情况', '政府信息公开行政复议、行政诉讼情况'), false);
    assert.equal(differsOnlyInConjunctions('、', '与'), false);
  });
});
