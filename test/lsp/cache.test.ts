// The server keeps the analyses of only a few recently used documents (server.ts, MAX_CACHED) and
// re-checks any other open document on demand. These tests open more reports than it keeps and
// check that evicted documents still get the same diagnostics, hovers, fixes and status, that a
// pull for an unchanged evicted document is answered "unchanged" (and "full" once its text or the
// configuration changes), and that the server works when started with the VS Code client's flags.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER_EXEC_ARGV } from '../../client/src/serverArgs';
import { LspClient, SAMPLES, dump, fixture, hoverText, lineOf, messageOf, ruleOf } from './helpers';

/** Ten open reports: every sample twice, under different names (the server keeps far fewer). */
const NAMES = Object.values(SAMPLES).flatMap((s) => [s, `copy-${s}`]);
const sampleOf = (name: string) => name.replace(/^copy-/, '');

/** Range of the 总计 (last) number on the (七)总计 row of the kunming sample. */
function grandTotal(text: string) {
  const line = lineOf(text, /^\(七\)总计/);
  const nums = [...text.split('\n')[line].matchAll(/\d+/g)];
  const m = nums[nums.length - 1];
  return { line, range: { start: { line, character: m.index! }, end: { line, character: m.index! + m[0].length } } };
}

const key = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)} ${messageOf(d)}`).sort();

describe('lsp: analysis cache with many open reports', function () {
  this.timeout(60000);

  for (const pull of [false, true]) {
    it(`evicted documents are re-checked with the same results (${pull ? 'pull' : 'push'})`, async () => {
      const client = await LspClient.start({ pull });
      try {
        const uris: string[] = [];
        const first = new Map<string, string[]>();
        for (const name of NAMES) {
          const doc = await client.openFixture(sampleOf(name), name);
          uris.push(doc.uri);
          first.set(doc.uri, key(await client.diagnostics(doc.uri)));
        }
        // The first report (kunming) was evicted long ago: edit it, then use every feature on it.
        const kunming = uris[NAMES.indexOf(SAMPLES.kunming)];
        const text = fixture(SAMPLES.kunming);
        const { line, range } = grandTotal(text);
        await client.change(kunming, [{ range, newText: '9' }]);
        const ds = await client.diagnostics(kunming);
        const tm = ds.find((d) => ruleOf(d) === 'total-mismatch' && d.range.start.line === line);
        assert.ok(tm, dump(ds));
        const h = hoverText(await client.hover(kunming, range.start));
        assert.ok(/= \*\*6\*\*/.test(h) && h.includes('9'), h);
        // Touch the others so that kunming's analysis is evicted again before asking for fixes.
        for (const uri of uris.slice(1)) await client.conn.sendRequest('govreport/status', { uri });
        const actions = await client.codeActions(kunming, tm.range, [tm]);
        assert.ok(actions && actions.length > 0, 'a fix for the total');
        const status = await client.conn.sendRequest('govreport/status', { uri: kunming }) as { counts: Record<string, number> };
        assert.ok(status.counts.error > 0, JSON.stringify(status));
        // Every other report: the same diagnostics as when it was opened.
        for (const uri of uris) {
          if (uri === kunming) continue;
          if (pull) assert.deepEqual(key(await client.diagnostics(uri)), first.get(uri), uri);
          else {
            const s = await client.conn.sendRequest('govreport/status', { uri }) as { total: number };
            assert.equal(s.total, first.get(uri)!.length, uri);
          }
        }
      } finally {
        await client.stop();
      }
    });
  }

  it('pull: an unchanged evicted document is "unchanged"; after an edit or a configuration change, "full"', async () => {
    const client = await LspClient.start({ pull: true });
    try {
      const ids = new Map<string, string>();
      for (const name of NAMES) {
        const doc = await client.openFixture(sampleOf(name), name);
        const r = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } }) as { kind: string; resultId: string };
        assert.equal(r.kind, 'full');
        ids.set(doc.uri, r.resultId);
      }
      for (const [uri, previousResultId] of ids) {
        const r = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as { kind: string };
        assert.equal(r.kind, 'unchanged', uri);
      }
      const [firstUri, firstId] = [...ids][0];
      const doc = client.doc(firstUri);
      await client.change(firstUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: ' ' }]);
      const edited = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri }, previousResultId: firstId }) as { kind: string };
      assert.equal(edited.kind, 'full');
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const [lastUri, lastId] = [...ids][ids.size - 1];
      const after = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: lastUri }, previousResultId: lastId }) as { kind: string; items: Diagnostic[] };
      assert.equal(after.kind, 'full', 'a configuration change invalidates earlier results');
      assert.ok(after.items.length > 0);
    } finally {
      await client.stop();
    }
  });

  it('the server works when started with the VS Code client\'s node flags', async () => {
    const client = await LspClient.start({ execArgv: SERVER_EXEC_ARGV });
    try {
      const text = fixture(SAMPLES.kunming);
      const doc = await client.openFixture(SAMPLES.kunming);
      assert.ok(!(await client.diagnostics(doc.uri)).some((d) => ruleOf(d) === 'total-mismatch'));
      await client.change(doc.uri, [{ range: grandTotal(text).range, newText: '9' }]);
      assert.ok((await client.diagnostics(doc.uri)).some((d) => ruleOf(d) === 'total-mismatch'));
      assert.deepEqual(client.logs.filter((l) => /bad option|unrecognized|warning/i.test(l)), []);
    } finally {
      await client.stop();
    }
  });
});
