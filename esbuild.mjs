// Bundles the extension client, the language server and the CLI into dist/, one file each.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [] },
  { in: 'server/src/cli.ts', out: 'cli', external: [] },
].filter((e) => existsSync(e.in));

await Promise.all(entries.map((e) => build({
  entryPoints: [e.in],
  outfile: `dist/${e.out}.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: e.external,
  logLevel: 'warning',
})));
if (!watch) console.log(`esbuild: ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
