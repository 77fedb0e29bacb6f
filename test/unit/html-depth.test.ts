// Markup nested absurdly deep (a broken CMS, a hostile file) is read in work linear in its size: the nesting
// is bounded before htmlparser2 sees it. Measured by counting, not by time: htmlparser2 keeps its open
// elements in an array it shifts on every opening tag and searches on every closing one, so the elements
// those array operations move or look at are counted — twice the depth must cost about twice, not four times.
import * as assert from 'node:assert/strict';
import { extractSource } from '../../server/src/io/readers/load';
import { boundDepth, MAX_DEPTH } from '../../server/src/io/readers/html-depth';

/** Elements touched by Array unshift/indexOf (htmlparser2's open-element stack) while fn runs. */
async function stackWork(fn: () => Promise<unknown>): Promise<number> {
  const proto = Array.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const [unshift, indexOf] = [proto.unshift, proto.indexOf];
  let work = 0;
  proto.unshift = function (this: unknown[], ...a: unknown[]) { work += this.length; return unshift.apply(this, a); };
  proto.indexOf = function (this: unknown[], ...a: unknown[]) { work += this.length; return indexOf.apply(this, a); };
  try { await fn(); } finally { proto.unshift = unshift; proto.indexOf = indexOf; }
  return work;
}

/** The deepest nesting of counted tags in a page (the same count boundDepth keeps under its bound). */
function depthOf(html: string): number {
  let d = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)(div|span|x|table|font)\b[^>]*>/g)) { d += m[1] ? -1 : 1; max = Math.max(max, d); }
  return max;
}

const shapes: Record<string, (n: number) => string> = {
  'nested divs': (n) => '<div>'.repeat(n) + '一、总体情况' + '</div>'.repeat(n),
  'unknown tags never closed': (n) => '<x>'.repeat(n) + '一、总体情况',
  'nested fonts, then stray closing tags': (n) => '<font>'.repeat(n) + '一、总体情况' + '</span>'.repeat(n),
  'tables in tables': (n) => '<table><tr><td>'.repeat(n) + '一、总体情况' + '</td></tr></table>'.repeat(n),
};

describe('readers: HTML nested very deep', () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(`${name}: the text is read, the nesting bounded, the work linear in the depth`, async () => {
      const small = await stackWork(() => extractSource(Buffer.from(make(20_000)), 'html'));
      const big = await stackWork(() => extractSource(Buffer.from(make(40_000)), 'html'));
      assert.ok(big < small * 2.5, `${name}: stack work ${small} → ${big} for twice the depth`);
      const r = await extractSource(Buffer.from(make(40_000)), 'html');
      assert.ok(r.ok && r.text.includes('一、总体情况'), name);
      assert.ok(depthOf(boundDepth(make(40_000))) <= MAX_DEPTH + 1, name);
    });
  }

  it('leaves a page that nests less than the bound as it is, unclosed paragraphs and cells included', () => {
    const page = '<html><body>' + '<p>一段'.repeat(5000) + '<table>' + '<tr><td>1<td>2'.repeat(3000) + '</table></body></html>';
    assert.equal(boundDepth(page), page);
    const nested = '<div>'.repeat(MAX_DEPTH) + '<b>正文</b>' + '</div>'.repeat(MAX_DEPTH);
    assert.equal(boundDepth(nested), '<div>'.repeat(MAX_DEPTH) + '正文' + '</div>'.repeat(MAX_DEPTH));
  });
});
