// Converter Markdown with HTML tables over the protocol: diagnostics sit on the <td> text as
// written, a hover on such a cell explains its total, and a quick fix applied as an editor applies it
// changes that cell's bytes only and makes its diagnostic go away.
import * as assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { LspClient, fixture, hoverText, isAction, ruleOf } from './helpers';

const TEXT = fixture('real/pingtan-haitan-2024.md');
const slice = (text: string, r: Range) => text.split('\n')[r.start.line].slice(r.start.character, r.end.character);

describe('lsp: HTML tables in converter Markdown', function () {
  this.timeout(60000);
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  it('diagnostics, hover and a quick fix land on the cell in the HTML', async () => {
    const doc = await client.open(client.uri('haitan-2024.md'), TEXT, 'markdown');
    const ds = await client.diagnostics(doc.uri);
    const totals = ds.filter((d) => ruleOf(d) === 'total-mismatch');
    assert.ok(totals.length >= 6, `表三's 总计 column: ${totals.length}`);
    for (const d of totals) assert.match(slice(TEXT, d.range), /^\d+$/);

    const h = hoverText(await client.hover(doc.uri, totals[0].range.start));
    assert.match(h, /总计/, h);

    const label: Diagnostic = ds.find((d) => ruleOf(d) === 'table-label' && slice(TEXT, d.range) === '先行有效件数')!;
    assert.ok(label, 'the column label is reported on its cell');
    const actions = ((await client.codeActions(doc.uri, label.range, [label], ['quickfix'])) ?? []).filter(isAction)
      .filter((a) => a.edit && a.diagnostics?.length === 1);
    assert.ok(actions.length > 0, 'a quick fix is offered');
    const after = await client.applyEdit(actions[0].edit!);
    assert.equal(after.getText(), TEXT.replace('<td>先行有效件数</td>', '<td>现行有效件数</td>'));
    const again = await client.diagnostics(doc.uri);
    assert.equal(again.filter((d) => ruleOf(d) === 'table-label' && slice(after.getText(), d.range) === '先行有效件数').length, 0);
    assert.equal(again.filter((d) => ruleOf(d) === 'total-mismatch').length, totals.length);
  });
});
