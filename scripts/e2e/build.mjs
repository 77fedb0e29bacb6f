// Bundles the real-editor suite: test/e2e/index.ts (with mocha inside, so the extension host needs no
// node_modules) → out/e2e/index.js, and each test/e2e/suite/*.test.ts → out/e2e/suite/*.test.js.
// `vscode` stays external: the extension host provides it.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'out/e2e');
rmSync(out, { recursive: true, force: true });
const suites = readdirSync(path.join(root, 'test/e2e/suite')).filter((f) => f.endsWith('.test.ts')).sort();
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18', // the oldest Node of a VS Code extension host we test against (test-electron may use an older VS Code)
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  absWorkingDir: root,
};
await Promise.all([
  build({ ...common, sourcemap: false, entryPoints: ['test/e2e/index.ts'], outfile: path.join(out, 'index.js'),
    // mocha's optional ESM loader and parallel mode are not used by run(); keep their requires lazy.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent', 'unsupported-require-call': 'silent' } }),
  ...suites.map((f) => build({ ...common, entryPoints: [`test/e2e/suite/${f}`], outfile: path.join(out, 'suite', f.replace(/\.ts$/, '.js')) })),
]);
console.log(`e2e build: out/e2e/index.js + ${suites.length} suite(s)`);
