// A .govreportrc.json with comments works in the server too, and a broken one shows its problems as
// diagnostics on the configuration file itself (cleared once it is fixed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, SAMPLES, messageOf, ruleOf } from './helpers';

describe('lsp: .govreportrc.json', () => {
  it('JSONC is read; problems are published on the configuration file with line and column, and cleared when fixed', async () => {
    const client = await LspClient.start({ pull: true });
    try {
      const file = path.join(client.tmpDir, '.govreportrc.json');
      const uri = pathToFileURL(file).href;
      fs.writeFileSync(file, '{\n  // comments are fine\n  "rules": { "row-numbering": "off", "table-lable": "error", },\n}\n');
      const doc = await client.openFixture(SAMPLES.xinjiang);
      const ds = await client.diagnostics(doc.uri);
      assert.ok(!ds.some((d) => ruleOf(d) === 'row-numbering'), 'the valid part of the commented file applies');
      const onConfig = await client.until(() => client.published.filter((p) => p.uri === uri).at(-1), () => `diagnostics on ${uri}`);
      assert.equal(onConfig.diagnostics.length, 1);
      const [d] = onConfig.diagnostics;
      assert.deepEqual(d.range.start, { line: 2, character: 37 });
      assert.match(messageOf(d), /未知的规则 “table-lable”，是否想写 “table-label”？/);
      fs.writeFileSync(file, '{ "rules": { "row-numbering": "off" } }');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await client.diagnostics(doc.uri);
      const cleared = await client.until(() => { const last = client.published.filter((p) => p.uri === uri).at(-1); return last && last.diagnostics.length === 0 ? last : undefined; }, () => 'cleared diagnostics on the config file');
      assert.deepEqual(cleared.diagnostics, []);
    } finally {
      await client.stop();
    }
  });
});
