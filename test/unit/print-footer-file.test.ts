// Issue 11, fourth blind held-out round (TRUTH.md): a page saved to disk and printed from there gets a print footer with
// its file:// address (`file:///…/page.html 2/4`), not the https:// one. The footer was not known as page furniture, so
// where a page break fell inside 表三's header (平潭 市场监督管理局 2023, a PDF viewer's copy) the header's broken column
// names 总 / 计 and 其 / 他 were read as rows: four false errors (总计 0 ≠ 1, balance) and two false label warnings.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { isPageFurniture, isPrintFurniture } from '../../server/src/parse/pdf-furniture';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const PUBLISHED = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqscj/zfxxgknb/202401/t20240131_86740.htm';
const SAVED = 'file:///home/user/Downloads/t20240131_86740.html';

const summary = (text: string) => checkText(text).findings.map((f) => `${f.range.start.line}:${f.rule}:${f.severity}`).sort();

describe('a print footer with a file:// address is page furniture', () => {
  it('knows the footer, alone and with its page counter', () => {
    assert.ok(isPrintFurniture(`${SAVED} 2/4`));
    assert.ok(isPageFurniture(SAVED));
    assert.ok(!isPrintFurniture('file 2/4'));
    assert.ok(!isPageFurniture('file 保存的网页'));
  });

  for (const kind of ['pdf-copy', 'pdf-layout', 'pdf-raw']) {
    it(`finds in the ${kind} text of a page printed from disk what it finds with the published address`, () => {
      const published = readFileSync(join(REAL, `pingtan-market-2023.${kind}.txt`), 'utf8');
      assert.ok(published.includes(PUBLISHED));
      const saved = published.split(PUBLISHED).join(SAVED);
      assert.deepEqual(summary(saved), summary(published));
    });
  }
});
