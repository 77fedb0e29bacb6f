// Plain pdftotext (corpus kind pdf-raw) prints table 三 a cell per line; a group cell printed in pieces beside a
// wrapped row label lands between the label's pieces (pingtan-*-20xx.pdf-raw.txt: `…只计这一情` / `果` /
// `形，不计其他情形）`, `…收费通知要求缴` / `他处理` / `纳费用、…`). The label is read without the piece: a PDF
// artefact is not the author's typo (parse/label-inner-stray.ts). Documents are built from a sample report.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { fixAll } from '../../server/src/fix';

const PIPE = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
const HEAD = 30; // 0-based line of 三、收到和处理政府信息公开申请情况
const END = 58; // first line after table 三

const PART = '(二)部分公开(区分处理的,只计这一情形,不计其他情形)';
const FEE = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';

/** Table 三 as plain pdftotext prints it: one cell a line, an empty line after each; `cut` rewrites a cell into lines. */
function rawText(cut: (cell: string) => string[] = (c) => [c]): string {
  const body = PIPE.slice(HEAD + 1, END).flatMap((l) => l.split('|').map((c) => c.trim()).filter(Boolean)).flatMap(cut).flatMap((c) => [c, '']);
  return [...PIPE.slice(0, HEAD + 1), ...body, ...PIPE.slice(END)].join('\n');
}

/** The real shape: 三、本年度办理结果 printed in pieces around the wrapped labels of (一) and (二). */
const withResultPieces = (c: string): string[] => {
  if (c === '三、本年度办理结果') return ['三、本年'];
  if (c === '(一)予以公开') return [c, '度办理结'];
  if (c === PART) return ['(二)部分公开(区分处理的,只计这一情', '果', '形,不计其他情形)'];
  if (c === '(六)其他处理') return ['(六)其'];
  if (c === FEE) return ['2.申请人逾期未按收费通知要求缴', '他处理', '纳费用、行政机关不再处理其政府', '信息公开申请'];
  return [c];
};

const t3 = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!;
const label = (text: string, id: string) => t3(text).rows.find((r) => r.id === id)?.label;

describe('plain pdftotext: a piece of a group cell printed inside a wrapped row label', () => {
  it('the sample a cell per line reads 部分公开 and (六)2. as written', () => {
    const text = rawText();
    assert.equal(label(text, 'r2'), '部分公开(区分处理的,只计这一情形,不计其他情形)');
    assert.equal(label(text, 'r6_2'), FEE.slice(2));
  });

  it('果 of 三、本年度办理结果 and 他处理 of (六)其他处理 between the label pieces are not read into the labels', () => {
    const text = rawText(withResultPieces);
    assert.ok(text.includes('只计这一情\n\n果\n\n形,不计其他情形)'));
    assert.equal(label(text, 'r2'), '部分公开(区分处理的,只计这一情形,不计其他情形)');
    assert.equal(label(text, 'r6_2'), FEE.slice(2));
    const stray = t3(text).stray.map((c) => c.text);
    assert.ok(stray.includes('果') && stray.includes('他处理'), stray.join(' '));
    const { findings } = checkText(text);
    assert.deepEqual(findings.filter((f) => f.rule === 'table-label').map((f) => f.message), []);
  });

  it('a character the author wrote into the label on one line stays in it and is reported', () => {
    const text = rawText((c) => (c === PART ? ['(二)部分公开(区分处理的,只计这一情果形,不计其他情形)'] : [c]));
    assert.equal(label(text, 'r2'), '部分公开(区分处理的,只计这一情果形,不计其他情形)');
    const found = checkText(text).findings.filter((f) => f.rule === 'table-label');
    assert.deepEqual(found.map((f) => f.message), ['行名称“(二)部分公开(区分处理的,只计这一情果形,不计其他情形)”不规范，标准名称为“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”']);
    // Its fix is a wording fix, applied by fix-all; the text then reads the standard label.
    assert.deepEqual(found[0].fixes.map((f) => [f.safe, f.numbers]), [[true, false]]);
    const fixed = fixAll(text).text;
    assert.equal(label(fixed, 'r2'), '部分公开(区分处理的,只计这一情形,不计其他情形)');
    assert.deepEqual(checkText(fixed).findings.filter((f) => f.rule === 'table-label'), []);
  });

  it('a note worded otherwise (a character left out or replaced) is still accepted', () => {
    for (const note of ['(二)部分公开(区分处理,只计这一情形,不计其他情形)', '(二)部分公开(区分处理的,只计这一情形,不计其它情形)']) {
      const text = rawText((c) => (c === PART ? [note] : [c]));
      assert.deepEqual(checkText(text).findings.filter((f) => f.rule === 'table-label').map((f) => f.message), [], note);
    }
  });

  it('a real continuation of one character on its own line is kept (形 between 这一情 and ,不计其他情形))', () => {
    const text = rawText((c) => (c === PART ? ['(二)部分公开(区分处理的,只计这一情', '形', ',不计其他情形)'] : [c]));
    assert.equal(label(text, 'r2'), '部分公开(区分处理的,只计这一情形,不计其他情形)');
  });
});
