// In-process checks of the editor-neutral helpers that the protocol tests only see indirectly:
// the minimal fix-all edit and the "looks like a report" detection used by the client.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { minimalEdit } from '../../server/src/features/codeActions';
import { looksLikeReport } from '../../server/src/features/detect';
import { SAMPLES, fixture } from './helpers';

function roundTrip(a: string, b: string): void {
  const e = minimalEdit(a, b);
  if (a === b) return assert.equal(e, undefined);
  assert.ok(e);
  assert.equal(TextDocument.applyEdits(TextDocument.create('x:', 'x', 1, a), [e]), b);
}

describe('features: minimal edit', () => {
  it('covers only the changed region and reproduces the new text', () => {
    roundTrip('abc\ndef\nghi', 'abc\ndXf\nghi');
    roundTrip('abc', 'abc');
    roundTrip('', 'x');
    roundTrip('x', '');
    roundTrip('a\r\nb', 'a\nb');
    roundTrip('a\nb', 'a\r\nb');
    roundTrip('😀a', '😁a');
    const e = minimalEdit('一、总体\n二、\n三、', '一、总体\n二、主动\n三、')!;
    assert.deepEqual(e.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
    assert.equal(e.newText, '主动');
  });

  it('random edits round-trip', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const alphabet = ['a', '\n', '\r\n', '一', '😀', ' '];
    const gen = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const a = gen(rnd(12));
      const cut = rnd(a.length + 1);
      roundTrip(a, a.slice(0, cut) + gen(rnd(4)) + a.slice(cut + rnd(3)));
    }
  });
});

describe('features: report detection', () => {
  it('recognises every sample and rejects ordinary text', () => {
    for (const name of Object.values(SAMPLES)) assert.ok(looksLikeReport(fixture(name)), name);
    assert.ok(!looksLikeReport('会议纪要\n一、总体情况\n二、下一步工作'));
    assert.ok(!looksLikeReport('政府信息公开 is mentioned once, but nothing else.'));
    assert.ok(looksLikeReport('某局政府信息公开\n第二十条第（一）项\n信息内容'));
  });
});
