// Document symbols and folding over the protocol: the six sections of each standard sample, their
// tables as children, rows under the tables; folding ranges for sections and tables.
import * as assert from 'node:assert/strict';
import { FoldingRangeRequest } from 'vscode-languageserver-protocol';
import { LspClient, SAMPLES } from './helpers';

describe('lsp: symbols and folding', function () {
  this.timeout(60000);
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  for (const name of [SAMPLES.xinxiang, SAMPLES.xinjiang, SAMPLES.kunming, SAMPLES.lushan]) {
    it(`${name}: six sections 一…六 with their tables`, async () => {
      const uri = (await client.openFixture(name)).uri;
      const symbols = await client.symbols(uri);
      const names = symbols.map((s) => s.name);
      assert.equal(symbols.length, 6, JSON.stringify(names));
      assert.deepEqual(names.map((n) => n.charAt(0)), ['一', '二', '三', '四', '五', '六']);
      assert.ok(symbols[1].children!.length >= 4, 'section 二 holds the 第二十条 tables');
      assert.equal(symbols[2].children!.length, 1, 'section 三 holds table 三');
      assert.equal(symbols[3].children!.length, 1, 'section 四 holds table 四');
      const t3 = symbols[2].children![0];
      assert.ok(t3.children!.some((r) => r.name.includes('总计')), 'table 三 lists its rows');
      for (const s of symbols) {
        for (const c of s.children ?? []) {
          assert.ok(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line, 'children inside their parent');
        }
      }
    });
  }

  it('yuyao (older outline): every heading, including the legacy fees section', async () => {
    const uri = (await client.openFixture(SAMPLES.yuyao)).uri;
    const names = (await client.symbols(uri)).map((s) => s.name);
    assert.ok(names.length >= 6, JSON.stringify(names));
    assert.ok(names.some((n) => n.includes('收费')), JSON.stringify(names));
  });

  it('folding ranges for sections and tables', async () => {
    const uri = (await client.openFixture(SAMPLES.kunming, 'fold.txt')).uri;
    const folds = (await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
    const starts = folds.map((f) => f.startLine + 1);
    assert.ok(starts.includes(3) && starts.includes(31), `section 一 (line 3) and section 三 (line 31): ${starts}`);
    assert.ok(folds.length >= 6 + 6, `sections and tables: ${folds.length}`);
  });
});
