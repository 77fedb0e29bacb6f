// Diagnostic messages follow VS Code's display language: Chinese by default, English under --locale en.
// The runner's English pass (code-server --locale en) runs only the tests tagged @en.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAll, openReport, ruleOf, waitForDiagnostics } from '../helpers';

const ENGLISH_WORDS = /\b(section|title|heading|standard|should|expected|label|table|missing|row|column|instead)\b/i;
const CJK = /[\u4e00-\u9fff]/;

describe('UI language @en', function () {
  this.timeout(60000);
  before(async () => { await activeExtension(); });
  after(closeAll);

  it(`diagnostic messages are in the display language (${vscode.env.language}) @en`, async () => {
    const uri = (await openReport('xinjiang-health-2023-cell-per-line.txt')).document.uri;
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'section-title') && d.some((x) => ruleOf(x) === 'table-label'),
      'section-title and table-label');
    const english = vscode.env.language.toLowerCase().startsWith('en');
    for (const d of ds.filter((x) => ruleOf(x) === 'section-title' || ruleOf(x) === 'table-label')) {
      // Quoted report text stays Chinese in any language; judge the message around it.
      const own = d.message.replace(/[“"「『《(（'‘][^”"」』》)）'’]*[”"」』》)）'’]/g, '');
      if (english) {
        assert.match(own, ENGLISH_WORDS, `English message expected under --locale en: ${d.message}`);
      } else {
        assert.match(own, CJK, `Chinese message expected under ${vscode.env.language}: ${d.message}`);
        assert.doesNotMatch(own, ENGLISH_WORDS, `Chinese message expected under ${vscode.env.language}: ${d.message}`);
      }
    }
  });
});
