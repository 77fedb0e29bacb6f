// Bundles the extension client, the language server and the CLI into dist/, one file each.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Node built-ins that vscode-languageserver / vscode-jsonrpc require when they load but use only on
 * paths the server never takes over stdio or IPC: crypto names random pipes (--pipe/--socket), and
 * child_process resolves global npm/yarn modules. Loading them costs the server about 1 MB of
 * memory (crypto initialises OpenSSL), so inside those packages they are required on first use.
 */
const LAZY_BUILTINS = ['crypto', 'child_process'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) => (/[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]/.test(args.importer)
      ? { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let m; const load = () => (m ??= require(${JSON.stringify(`node:${args.path}`)}));
module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load(), ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, k) => { const d = Object.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; } });`,
    }));
  },
};

/**
 * esbuild escapes non-ASCII characters in strings but not in regular-expression literals or
 * comments, and a single CJK character makes V8 hold the whole bundle source as a two-byte string
 * (twice its size, for as long as the process runs). Escape them as \uXXXX, which means the same
 * in a regex (with or without the u flag; surrogate pairs stay pairs) and nothing in a comment.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    // An identity escape of a non-ASCII character (\、) is the character itself.
    const keep = slashes.length % 2 ? slashes.slice(1) : slashes;
    return `${keep}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * The CLI loads the xlsx writer (exceljs, ~1 MB) only for `export --format xlsx`: it is its own bundle,
 * dist/xlsx.js, required at run time from next to dist/cli.js, so every other command starts without it.
 */
const lazyXlsx = {
  name: 'lazy-xlsx',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/xlsx$/ }, (args) => (args.importer.endsWith(`export.ts`) ? { path: './xlsx.js', external: true } : undefined));
  },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'], plugins: [] },
  { in: 'server/src/server.ts', out: 'server', external: [], plugins: [lazyBuiltins] },
  { in: 'server/src/cli.ts', out: 'cli', external: [], plugins: [lazyXlsx] },
  { in: 'server/src/cli/xlsx.ts', out: 'xlsx', external: [], plugins: [] },
].filter((e) => existsSync(e.in));

await Promise.all(entries.map(async (e) => {
  const result = await build({
    entryPoints: [e.in],
    outfile: `dist/${e.out}.js`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    external: e.external,
    plugins: e.plugins,
    // jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow; its ES build can.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
    write: false,
  });
  for (const f of result.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.path.endsWith('.js') ? asciiOnly(f.text) : f.contents);
  }
}));
if (!watch) console.log(`esbuild: ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
