// narrative-mismatch looks for a table-三 phrase only in words that hold one of the phrase's `units`
// (a native search before the regex). That is right only if every text the phrase's regex matches holds
// one of them: checked here on every wording the regex admits, expanded from its source.
import * as assert from 'node:assert/strict';
import { T3_CLAIMS } from '../../server/src/rules/narrative-mismatch';

/**
 * Every string a regex source of this shape matches: literals, (?:…|…) groups, [abc] classes, `?` after a
 * group, class or character, and ^ (an anchor, no text). Anything else throws, so a new form is noticed.
 */
function wordings(src: string): string[] {
  let i = 0;
  const alternatives = (): string[] => {
    const out: string[] = [];
    let seq: string[] = [''];
    for (;;) {
      if (i >= src.length || src[i] === ')') return [...out, ...seq];
      if (src[i] === '|') { i++; out.push(...seq); seq = ['']; continue; }
      let atom: string[];
      const c = src[i++];
      if (c === '^') continue;
      if (c === '(') {
        assert.equal(src.slice(i, i + 2), '?:', `only (?:…) groups: ${src}`);
        i += 2;
        atom = alternatives();
        assert.equal(src[i++], ')');
      } else if (c === '[') {
        const end = src.indexOf(']', i);
        atom = [...src.slice(i, end)];
        i = end + 1;
      } else {
        assert.ok(!'\\.*+{}$'.includes(c), `unexpected ${c} in ${src}`);
        atom = [c];
      }
      if (src[i] === '?') { i++; atom = ['', ...atom]; }
      seq = seq.flatMap((s) => atom.map((a) => s + a));
    }
  };
  return alternatives();
}

describe('narrative-mismatch: table-三 phrases and their units', () => {
  it('every wording of every phrase holds one of its units', () => {
    for (const c of T3_CLAIMS) {
      const all = wordings(c.re.source);
      assert.ok(all.length >= 1);
      for (const w of all) {
        assert.ok(c.re.test(w), `${c.re} should match ${w}`);
        assert.ok(c.units.some((u) => w.includes(u)), `${c.re}: “${w}” holds none of ${c.units.join('、')}`);
      }
    }
  });

  it('the expansion sees a unit missing (上年结转 without 结 would be skipped)', () => {
    const all = wordings('上(?:一)?年(?:度)?结转|上年度?转结');
    assert.deepEqual(all.sort(), ['上一年度结转', '上一年结转', '上年度结转', '上年度转结', '上年结转', '上年转结'].sort());
    assert.ok(!all.every((w) => w.includes('一')));
  });
});
