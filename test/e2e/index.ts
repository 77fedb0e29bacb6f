// Entry of the real-editor suite, the module that VS Code loads from extensionTestsPath (the
// @vscode/test-electron contract, also used by scripts/e2e/run.mjs through code-server's payload URL).
// Bundled with mocha by scripts/e2e/build.mjs into out/e2e/index.js; the suites are bundled next to it
// as out/e2e/suite/*.test.js. GOVREPORT_E2E_GREP selects tests by title (e.g. "@en").
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60000,
    reporter: 'spec',
    grep: process.env.GOVREPORT_E2E_GREP || undefined,
  });
  // Fail fast, once, when the extension is absent or cannot activate (instead of every test timing out).
  mocha.suite.beforeAll('govreport.govreport activates', async () => {
    const ext = vscode.extensions.getExtension('govreport.govreport');
    if (!ext) throw new Error('extension govreport.govreport is not installed in this VS Code');
    await ext.activate();
  });
  const dir = path.join(__dirname, 'suite');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  if (!files.length) return Promise.reject(new Error(`no *.test.js in ${dir}: run node scripts/e2e/build.mjs`));
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} real-editor test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
