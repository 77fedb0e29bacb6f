#!/usr/bin/env node
// `npm run test:vscode`: the real-editor suite (out/e2e/index.js) in desktop VS Code through
// @vscode/test-electron — the same suite that scripts/e2e/run.mjs runs in code-server.
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:vscode     use an installed VS Code (no download)
//   npm run test:vscode                                     downloads VS Code (VSCODE_VERSION, default
//                                                           "stable") into .e2e/vscode-test/ — needs access to
//                                                           update.code.visualstudio.com, so it cannot run
//                                                           on machines that reach only the npm registry
// Options: --locale LOC (e.g. en; default zh-cn), --grep TEXT (only tests whose title contains TEXT).
// On Linux without a display, run it under xvfb-run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, makeWorkspace } from './workspace.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : def; };
const locale = opt('--locale', 'zh-cn');
const grep = opt('--grep', locale.startsWith('en') ? '@en' : undefined);

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch (e) {
  console.error(`test:vscode needs the devDependency @vscode/test-electron (npm ci): ${e.message}`);
  process.exit(1);
}

for (const [cmd, args] of [['npm', ['run', '--silent', 'build']], [process.execPath, ['scripts/e2e/build.mjs']]]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`${cmd} ${args.join(' ')} failed`); process.exit(1); }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-vscode-'));
const ws = makeWorkspace(path.join(scratch, 'ws'));
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
if (vscodeExecutablePath && !fs.existsSync(vscodeExecutablePath)) {
  console.error(`VSCODE_EXECUTABLE does not exist: ${vscodeExecutablePath}`);
  process.exit(1);
}
console.log(vscodeExecutablePath
  ? `test:vscode: using ${vscodeExecutablePath}`
  : `test:vscode: VSCODE_EXECUTABLE not set, downloading VS Code ${process.env.VSCODE_VERSION || 'stable'} (needs internet access)`);
let code = 0;
try {
  code = await runTests({
    vscodeExecutablePath,
    version: process.env.VSCODE_VERSION || undefined,
    cachePath: path.join(ROOT, '.e2e/vscode-test'), // git-ignored
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/e2e/index.js'),
    extensionTestsEnv: grep ? { GOVREPORT_E2E_GREP: grep } : {},
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--locale', locale, '--user-data-dir', path.join(scratch, 'user-data'), '--extensions-dir', path.join(scratch, 'extensions')],
  });
} catch (e) {
  console.error(`test:vscode failed: ${e?.message ?? e}`);
  code = 1;
} finally {
  if (code === 0) fs.rmSync(scratch, { recursive: true, force: true });
  else console.error(`scratch folder kept: ${scratch}`);
}
process.exit(code);
