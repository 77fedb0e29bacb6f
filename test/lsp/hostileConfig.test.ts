// The language server and hostile .govreportrc.json files: a link to /dev/zero or a FIFO (both can
// be committed to a repository and opened in an untrusted workspace) must neither hang the server
// nor grow its memory; it still checks the report with the default configuration and says why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { LspClient, SAMPLES, fixture, ruleOf } from './helpers';

describe('lsp: hostile configuration files', function () {
  this.timeout(60000);
  let client: LspClient;
  beforeEach(async () => { client = await LspClient.start(); });
  afterEach(async () => { await client.stop(); });

  async function checkWith(makeConfig: (file: string) => void, expected: RegExp) {
    const dir = path.join(client.tmpDir, 'ws');
    fs.mkdirSync(dir);
    makeConfig(path.join(dir, '.govreportrc.json'));
    const uri = client.uri('r.txt', dir);
    await client.open(uri, fixture(SAMPLES.lushan));
    const ds = await client.diagnostics(uri);
    assert.ok(ds.some((d) => ruleOf(d) === 'table-unbalanced'), 'checked with the default configuration');
    await client.until(() => client.logs.some((l) => expected.test(l)), () => `a log line matching ${expected}; logs: ${client.logs.join(' | ')}`);
    // Still answering, after a few edits (each re-check consults the configuration again).
    for (let i = 0; i < 3; i++) await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: ' ' }]);
    assert.ok((await client.diagnostics(uri)).length > 0);
    const rss = Number((fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) ?? [])[1]);
    if (rss) assert.ok(rss < 512 * 1024, `server RSS ${rss} kB`);
  }

  it('a .govreportrc.json symlink to /dev/zero is refused, not read', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip(); // Windows
    await checkWith((f) => fs.symlinkSync('/dev/zero', f), /\.govreportrc\.json.*不是普通文件，而是设备文件/);
  });

  it('a .govreportrc.json FIFO is refused without waiting for a writer', async function () {
    try { execFileSync('mkfifo', ['--help'], { stdio: 'ignore' }); } catch { this.skip(); } // no mkfifo (Windows)
    await checkWith((f) => execFileSync('mkfifo', [f]), /\.govreportrc\.json.*不是普通文件，而是命名管道/);
  });
});
