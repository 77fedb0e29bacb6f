// Quick fixes and fix-all over the protocol: every offered quick fix, applied as an editor would
// (WorkspaceEdit → TextDocument edits → incremental didChange), makes its diagnostic go away; the
// source.fixAll.govreport action leaves nothing safely fixable and is idempotent.
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, SAMPLES, dump, fixture, isAction, ruleOf } from './helpers';

const same = (a: Diagnostic, b: Diagnostic) => ruleOf(a) === ruleOf(b) && a.message === b.message && a.range.start.line === b.range.start.line;

async function quickFixes(client: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])) ?? [];
  return actions.filter(isAction).filter((a) => a.kind === 'quickfix' && a.edit && (a.diagnostics ?? []).some((x) => ruleOf(x) === ruleOf(d)));
}

describe('lsp: code actions', function () {
  this.timeout(120000);
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  for (const name of [SAMPLES.xinjiang, SAMPLES.lushan, SAMPLES.yuyao, SAMPLES.kunming]) {
    it(`${name}: each quick fix removes its diagnostic`, async () => {
      const probe = await client.openFixture(name, `probe-${name}`);
      const initial = await client.diagnostics(probe.uri);
      let tried = 0;
      for (const [i, d] of initial.entries()) {
        const fixes = await quickFixes(client, probe.uri, d);
        // Fixes bound to exactly this diagnostic (the "fix all of this kind" action lists several).
        const own = fixes.filter((a) => a.diagnostics!.length === 1);
        for (const [j, fix] of own.entries()) {
          // A fresh copy per fix, so that each fix is judged on the text it was offered for.
          const doc = await client.open(client.uri(`fix-${i}-${j}-${name}`), fixture(name));
          await client.diagnostics(doc.uri);
          const [action] = (await quickFixes(client, doc.uri, d)).filter((a) => a.title === fix.title);
          assert.ok(action, `the fix "${fix.title}" is offered again`);
          await client.applyEdit(action.edit!);
          const after = await client.diagnostics(doc.uri);
          assert.ok(!after.some((x) => same(x, d)), `"${fix.title}" removed ${ruleOf(d)} at line ${d.range.start.line + 1}:\n${dump(after)}`);
          await client.close(doc.uri);
          tried++;
        }
      }
      if (name !== SAMPLES.kunming) assert.ok(tried > 0, 'some quick fixes were offered');
      await client.close(probe.uri);
    });
  }

  it('safe fixes are preferred; "fix all of this kind" covers several diagnostics of one rule', async () => {
    const doc = await client.openFixture(SAMPLES.yuyao, 'kinds.txt');
    const ds = await client.diagnostics(doc.uri);
    const numbering = ds.filter((d) => ruleOf(d) === 'section-numbering');
    assert.ok(numbering.length >= 2, dump(ds));
    const actions = await quickFixes(client, doc.uri, numbering[0]);
    assert.ok(actions.some((a) => a.isPreferred), 'the safe fix is preferred');
    const all = actions.find((a) => a.diagnostics!.length > 1 || /全部|all/i.test(a.title));
    assert.ok(all, `a fix-all-of-this-kind action: ${JSON.stringify(actions.map((a) => a.title))}`);
    await client.applyEdit(all.edit!);
    const after = await client.diagnostics(doc.uri);
    assert.ok(!after.some((d) => ruleOf(d) === 'section-numbering'), dump(after));
  });

  for (const name of [SAMPLES.xinjiang, SAMPLES.lushan, SAMPLES.yuyao]) {
    it(`${name}: source.fixAll.govreport leaves nothing safely fixable and is idempotent`, async () => {
      const doc = await client.openFixture(name, `fixall-${name}`);
      await client.diagnostics(doc.uri);
      const actions = ((await client.codeActions(doc.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? []).filter(isAction);
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.govreport');
      assert.ok(fixAll?.edit, `a source.fixAll.govreport action: ${JSON.stringify(actions.map((a) => a.kind))}`);
      const edits = fixAll.edit.documentChanges!.flatMap((c) => ('edits' in c ? c.edits : []));
      assert.equal(edits.length, 1, 'one minimal edit');
      assert.ok(edits[0].range.start.line > 0 || edits[0].range.start.character > 0 || edits[0].range.end.line < doc.lineCount - 1,
        'the edit covers the changed region, not the whole document');
      await client.applyEdit(fixAll.edit);
      const after = await client.diagnostics(doc.uri);
      for (const d of after) {
        const preferred = (await quickFixes(client, doc.uri, d)).filter((a) => a.isPreferred);
        assert.deepEqual(preferred.map((a) => a.title), [], `no safe fix left for ${ruleOf(d)} at ${d.range.start.line + 1}: ${d.message}`);
      }
      const again = ((await client.codeActions(doc.uri, after[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [])
        .filter(isAction).filter((a) => a.kind === 'source.fixAll.govreport');
      assert.deepEqual(again, [], 'fix-all twice = fix-all once');
    });
  }

  it('govreport/fixAll (the command\'s request) returns the same edit', async () => {
    const doc = await client.openFixture(SAMPLES.xinjiang, 'fixall-request.txt');
    await client.diagnostics(doc.uri);
    const edit = await client.conn.sendRequest('govreport/fixAll', { uri: doc.uri }) as import('vscode-languageserver-protocol').WorkspaceEdit;
    assert.ok(edit);
    const after = await client.diagnostics((await client.applyEdit(edit)).uri);
    assert.ok(!after.some((d) => ruleOf(d) === 'section-title'), dump(after));
  });
});
