// digitsOf reads the digits of label text without ICU for the usual units: it must agree with the NFKC
// reading dropsFigures used before, on every unit it reads itself and on text it hands to normalize.
import * as assert from 'node:assert/strict';
import { digitsOf } from '../../server/src/rules/util';

const viaNfkc = (s: string) => s.normalize('NFKC').replace(/[^0-9]/g, '');

describe('digitsOf: the digits of a label as NFKC reads them', () => {
  it('agrees with NFKC on every BMP unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `a${String.fromCharCode(c)}1`;
      if (digitsOf(s) !== viaNfkc(s)) differ.push(c.toString(16));
    }
    assert.deepEqual(differ, []);
  });

  it('reads full-width, circled and mixed figures as NFKC does', () => {
    for (const s of ['（一）予以公开 | ３ | 0', '其中：①12件', '⒈申请', '行政复议 5 件，诉讼２件', 'x²', '']) {
      assert.equal(digitsOf(s), viaNfkc(s), s);
    }
    assert.equal(digitsOf('３ | 12'), '312');
  });
});
