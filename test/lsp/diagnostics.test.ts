// Diagnostics over the protocol, push and pull: every sample report yields the rule ids that
// samples/EXPECTED.md asks for at the expected lines (±2), with source, code and a
// link to the rule page; the clean control (kunming) has no error or warning.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, SAMPLES, dump, fixture, lineOf, near, ruleOf } from './helpers';

type Expect = [rule: string, line1: number | string][];

// Lines are 1-based as in EXPECTED.md; a string is located in the sample text.
const MUST_FLAG: Record<string, Expect> = {
  [SAMPLES.xinjiang]: [
    ['section-title', 593], ['table-label', 43], ['table-label', 209], ['table-label', 309], ['table-unbalanced', 81],
    ['row-numbering', 423], ['narrative-mismatch', '收到各类政府信息公开申请22件'],
  ],
  [SAMPLES.lushan]: [['table-unbalanced', 80], ['table-unbalanced', 81], ['table-label', 56], ['table-label', 62], ['report-title', 3]],
  [SAMPLES.xinxiang]: [['report-title', 1], ['publish-date', 1]],
  [SAMPLES.yuyao]: [['section-title', 6], ['table-label', 122], ['table-label', 347], ['publish-date', 410], ['number-invalid', 91]],
  [SAMPLES.kunming]: [],
};

function check(name: string, ds: Diagnostic[]): void {
  const text = fixture(name);
  for (const [rule, where] of MUST_FLAG[name]) {
    const line = typeof where === 'number' ? where : lineOf(text, where) + 1;
    assert.ok(near(ds, rule, line), `${name}: ${rule} near line ${line}\n${dump(ds)}`);
  }
  for (const d of ds) {
    assert.equal(d.source, 'govreport');
    assert.match(d.codeDescription?.href ?? '', new RegExp(`^file://.*/docs/rules/${ruleOf(d)}\\.md$`), 'links to the rule page');
  }
}

for (const pull of [false, true]) {
  describe(`lsp: diagnostics (${pull ? 'pull' : 'push'})`, function () {
    this.timeout(60000);
    let client: LspClient;
    before(async () => { client = await LspClient.start({ pull }); });
    after(async () => { await client.stop(); });

    it(`advertises ${pull ? 'a diagnostic provider' : 'no diagnostic provider'}`, () => {
      assert.equal(!!client.init.capabilities.diagnosticProvider, pull);
    });

    for (const name of Object.values(SAMPLES)) {
      it(`${name}: the expected findings`, async () => {
        const doc = await client.openFixture(name);
        const ds = await client.diagnostics(doc.uri);
        check(name, ds);
        if (name === SAMPLES.kunming) {
          const serious = ds.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
          assert.deepEqual(serious, [], `the clean control has no error or warning:\n${dump(serious)}`);
        }
        await client.close(doc.uri);
      });
    }
  });
}

describe('lsp: diagnostics configuration and locale', function () {
  this.timeout(60000);

  it('English messages when the client locale is en', async () => {
    const client = await LspClient.start({ locale: 'en' });
    try {
      const doc = await client.openFixture(SAMPLES.xinjiang);
      const d = near(await client.diagnostics(doc.uri), 'section-title', 593);
      assert.ok(d);
      assert.match(String(d.message).replace(/[“"][^”"]*[”"]/g, ''), /\b(section|title|heading|standard|should)\b/i, String(d.message));
    } finally {
      await client.stop();
    }
  });

  it('govreport.rules from workspace/configuration overrides .govreportrc.json, which overrides the defaults', async () => {
    let settings: unknown = { format: 'auto', rules: { 'section-title': 'off' } };
    const client = await LspClient.start({ pull: true, settings: () => settings });
    try {
      const fs = await import('node:fs');
      const path = await import('node:path');
      fs.writeFileSync(path.join(client.tmpDir, '.govreportrc.json'), JSON.stringify({ rules: { 'table-label': 'error', 'row-numbering': 'off' } }));
      const doc = await client.openFixture(SAMPLES.xinjiang);
      let ds = await client.diagnostics(doc.uri);
      assert.ok(!ds.some((d) => ruleOf(d) === 'section-title'), `section-title is off in the settings\n${dump(ds)}`);
      assert.ok(!ds.some((d) => ruleOf(d) === 'row-numbering'), 'row-numbering is off in .govreportrc.json');
      const labels = ds.filter((d) => ruleOf(d) === 'table-label');
      assert.ok(labels.length && labels.every((d) => d.severity === DiagnosticSeverity.Error), 'table-label is an error per .govreportrc.json');
      // Settings win over the file; a configuration change makes the server re-read both.
      settings = { rules: { 'table-label': 'hint' } };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      ds = await client.diagnostics(doc.uri);
      assert.ok(ds.some((d) => ruleOf(d) === 'section-title'), 'section-title is back');
      assert.ok(ds.filter((d) => ruleOf(d) === 'table-label').every((d) => d.severity === DiagnosticSeverity.Hint), 'settings override the file');
    } finally {
      await client.stop();
    }
  });
});
