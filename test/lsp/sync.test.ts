// Document sync and lifecycle: incremental didChange is honoured (a changed number yields an
// updated total-mismatch), a burst of edits publishes only the last version, closing clears the
// diagnostics, the custom status request and inlay hints follow the text, and shutdown/exit (or
// the client closing the pipe) ends the process.
import * as assert from 'node:assert/strict';
import { InlayHintRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, SAMPLES, dump, fixture, lineOf, messageOf, ruleOf } from './helpers';

/** Range of the 总计 (last) number on the (七)总计 row of the kunming sample. */
function grandTotal(text: string) {
  const line = lineOf(text, /^\(七\)总计/);
  const nums = [...text.split('\n')[line].matchAll(/\d+/g)];
  const m = nums[nums.length - 1];
  return { line, range: { start: { line, character: m.index! }, end: { line, character: m.index! + m[0].length } } };
}

describe('lsp: document sync and lifecycle', function () {
  this.timeout(60000);

  for (const pull of [false, true]) {
    it(`incremental didChange updates total-mismatch (${pull ? 'pull' : 'push'})`, async () => {
      const client = await LspClient.start({ pull });
      try {
        const text = fixture(SAMPLES.kunming);
        const doc = await client.openFixture(SAMPLES.kunming);
        const before = await client.diagnostics(doc.uri);
        assert.ok(!before.some((d) => ruleOf(d) === 'total-mismatch'), dump(before));
        const { line, range } = grandTotal(text);
        await client.change(doc.uri, [{ range, newText: '9' }]);
        let ds = await client.diagnostics(doc.uri);
        const tm = ds.filter((d) => ruleOf(d) === 'total-mismatch');
        assert.ok(tm.some((d) => d.range.start.line === line && /6/.test(messageOf(d))), `total-mismatch on line ${line + 1} mentions 6:\n${dump(ds)}`);
        // Setting it back removes the diagnostic again.
        await client.change(doc.uri, [{ range: { start: range.start, end: { line, character: range.start.character + 1 } }, newText: '6' }]);
        ds = await client.diagnostics(doc.uri);
        assert.ok(!ds.some((d) => ruleOf(d) === 'total-mismatch'), dump(ds));
      } finally {
        await client.stop();
      }
    });
  }

  it('a burst of 50 didChange notifications is coalesced; the last publish is for the last version (push)', async () => {
    const client = await LspClient.start();
    try {
      const text = fixture(SAMPLES.kunming);
      const doc = await client.openFixture(SAMPLES.kunming);
      await client.diagnostics(doc.uri);
      const seen = client.published.length;
      const { range } = grandTotal(text);
      let r = range;
      for (let i = 0; i < 50; i++) {
        const value = String(100 + i);
        await client.change(doc.uri, [{ range: r, newText: value }]);
        r = { start: r.start, end: { line: r.start.line, character: r.start.character + value.length } };
      }
      const last = client.doc(doc.uri).version;
      assert.equal(last, 51);
      const ds = await client.diagnostics(doc.uri);
      // The balance message quotes the table's current total: proof the last version was checked.
      assert.ok(ds.some((d) => ruleOf(d) === 'total-mismatch') && ds.some((d) => messageOf(d).includes('149')), dump(ds));
      const versions = client.published.slice(seen).filter((p) => p.uri === doc.uri).map((p) => p.version);
      // The debounce adapts to the check's cost (4×, at least 5 ms): a loaded machine that pauses the burst longer
      // than that may publish a version in between. What must hold: the last publish is the last version, none goes
      // back to an older one, and the burst was coalesced (one publish a keystroke is the lag this prevents).
      assert.equal(versions[versions.length - 1], last, `last publish for the last version: ${versions}`);
      assert.ok(versions.every((v, i) => i === 0 || v! > versions[i - 1]!), `versions only go forward: ${versions}`);
      assert.ok(versions.length <= 10, `the burst of 50 is coalesced: ${versions.length} publishes`);
    } finally {
      await client.stop();
    }
  });

  it('after a burst, a pull answers for the current version (and "unchanged" when asked again)', async () => {
    const client = await LspClient.start({ pull: true });
    try {
      const text = fixture(SAMPLES.kunming);
      const doc = await client.openFixture(SAMPLES.kunming);
      const { range } = grandTotal(text);
      for (let i = 0; i < 50; i++) await client.change(doc.uri, [{ range: { start: range.start, end: { line: range.start.line, character: range.start.character + (i ? 2 : 1) } }, newText: String(10 + i) }]);
      const first = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } }) as { kind: string; resultId: string; items: Diagnostic[] };
      assert.equal(first.kind, 'full');
      assert.ok(first.items.some((d) => ruleOf(d) === 'total-mismatch') && first.items.some((d) => messageOf(d).includes(' 59 ')), dump(first.items));
      const again = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri }, previousResultId: first.resultId }) as { kind: string };
      assert.equal(again.kind, 'unchanged');
    } finally {
      await client.stop();
    }
  });

  it('closing a document clears its diagnostics (push)', async () => {
    const client = await LspClient.start();
    try {
      const doc = await client.openFixture(SAMPLES.xinjiang);
      assert.ok((await client.diagnostics(doc.uri)).length > 0);
      const n = client.published.length;
      await client.close(doc.uri);
      const cleared = await client.until(() => client.published.slice(n).find((p) => p.uri === doc.uri), () => 'the clearing publish');
      assert.deepEqual(cleared.diagnostics, []);
    } finally {
      await client.stop();
    }
  });

  it('govreport/status and inlay hints follow the edits', async () => {
    const client = await LspClient.start();
    try {
      const text = fixture(SAMPLES.kunming);
      const doc = await client.openFixture(SAMPLES.kunming);
      const status = await client.conn.sendRequest('govreport/status', { uri: doc.uri }) as { format: string; year: number; total: number; counts: Record<string, number> };
      assert.equal(status.format, '2021');
      assert.equal(status.year, 2022);
      assert.equal(status.counts.error, 0);
      const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
      assert.deepEqual(await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri: doc.uri }, range: whole }), []);
      const { range } = grandTotal(text);
      await client.change(doc.uri, [{ range, newText: '9' }]);
      const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri: doc.uri }, range: whole }) ?? [];
      assert.ok(hints.some((h) => h.label === '= 6' && h.position.line === range.start.line), JSON.stringify(hints));
      const after = await client.conn.sendRequest('govreport/status', { uri: doc.uri }) as { counts: Record<string, number> };
      assert.ok(after.counts.error > 0);
    } finally {
      await client.stop();
    }
  });

  it('shutdown + exit ends the process with code 0', async () => {
    const client = await LspClient.start();
    assert.equal(await client.stop(), 0);
  });

  it('the process exits when the client closes the pipe (client gone)', async () => {
    const client = await LspClient.start();
    const exited = new Promise<number | null>((resolve) => client.proc.on('exit', resolve));
    client.proc.stdin!.end();
    assert.notEqual(await exited, undefined);
    await client.stop();
  });
});
