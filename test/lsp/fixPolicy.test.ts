// Over the protocol: fix-on-save (source.fixAll.govreport) never changes a statistic unless
// govreport.fix.numbers allows it; the numeric quick fix is still offered, titled as such, not preferred.
import * as assert from 'node:assert/strict';
import { CodeActionResolveRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../server/src/fix';
import { LspClient, SAMPLES, dump, fixture, isAction, ruleOf } from './helpers';

const CLEAN = fixAll(fixture(SAMPLES.kunming)).text;
const lines = CLEAN.split('\n');
assert.ok(lines[55].startsWith('(七)总计') && lines[55].includes('| 6 | ||'));
/** （七）总计 of table 三 says 7 where its parts sum to 6; 第五 heading also renamed (a wording fix). */
const TEXT = [...lines.slice(0, 55), lines[55].replace('| 6 | ||', '| 7 | ||'), ...lines.slice(56)].join('\n')
  .replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况');

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

async function fixAllEdits(client: LspClient, uri: string): Promise<TextEdit[]> {
  const actions = ((await client.codeActions(uri, ORIGIN, [], ['source.fixAll'])) ?? []).filter(isAction);
  const a = actions.find((x) => x.kind === 'source.fixAll.govreport');
  return (a?.edit?.documentChanges?.flatMap((c) => ('edits' in c ? c.edits : [])) ?? []) as TextEdit[];
}

function applied(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'govreport', 1, text), edits);
}

describe('lsp: numeric fixes are the author’s', function () {
  this.timeout(60000);

  it('source.fixAll fixes the wording, leaves the total; the quick fix on the total is offered, not preferred', async () => {
    const client = await LspClient.start();
    try {
      const doc = await client.open(client.uri('total.txt'), TEXT);
      const ds = await client.diagnostics(doc.uri);
      const total: Diagnostic | undefined = ds.find((d) => ruleOf(d) === 'total-mismatch' && d.range.start.line === 55);
      assert.ok(total, dump(ds));
      const out = applied(TEXT, await fixAllEdits(client, doc.uri)).split('\n');
      assert.equal(out[55], TEXT.split('\n')[55], 'the total is untouched by fix-all');
      assert.ok(out.includes('五、存在的主要问题及改进情况'), 'the wording fix is applied');
      const quick = ((await client.codeActions(doc.uri, total.range, [total], ['quickfix'])) ?? []).filter(isAction) as CodeAction[];
      const own = quick.find((a) => a.diagnostics?.length === 1 && /请核对台账/.test(a.title));
      assert.ok(own, JSON.stringify(quick.map((a) => a.title)));
      assert.equal(own.isPreferred, false, 'a numeric fix is never preferred (it could be applied without the menu)');
      assert.match(own.title, /^将此数改为 6（请核对台账）$|^将总计改为 6（请核对台账）$/);
    } finally {
      await client.stop();
    }
  });

  it('with govreport.fix.numbers = true, source.fixAll also sets the total', async () => {
    const client = await LspClient.start({ settings: () => ({ fix: { numbers: true } }) });
    try {
      const doc = await client.open(client.uri('total.txt'), TEXT);
      await client.diagnostics(doc.uri);
      const out = applied(TEXT, await fixAllEdits(client, doc.uri));
      assert.equal(out.split('\n')[55], lines[55]);
    } finally {
      await client.stop();
    }
  });

  it('with codeAction/resolve (as VS Code), "fix all of this kind" comes without its edit and resolve supplies it', async () => {
    const client = await LspClient.start({ codeActionResolve: true });
    try {
      assert.equal((client.init.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      const doc = await client.open(client.uri('kinds.txt'), fixture(SAMPLES.yuyao));
      const ds = await client.diagnostics(doc.uri);
      const d = ds.find((x) => ruleOf(x) === 'section-numbering');
      assert.ok(d, dump(ds));
      const actions = ((await client.codeActions(doc.uri, d.range, [d], ['quickfix'])) ?? []).filter(isAction) as CodeAction[];
      const kind = actions.find((a) => /全部/.test(a.title));
      assert.ok(kind && !kind.edit && kind.data, JSON.stringify(actions));
      const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, kind);
      assert.ok(resolved.edit);
      await client.applyEdit(resolved.edit);
      assert.ok(!(await client.diagnostics(doc.uri)).some((x) => ruleOf(x) === 'section-numbering'));
    } finally {
      await client.stop();
    }
  });
});
