// Where the text output sends a reader for a rule's page: the repository's page when package.json names a
// repository (the address SARIF and `rules --format json` give), else the docs/rules/<id>.md shipped beside
// the CLI — the page the editor's diagnostics link to. Nothing when neither exists: no address is made up.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ruleHelpUri } from '../about';

let docsDir: string | null | undefined;

/** The docs/rules folder above this file: dist/cli.js and server/src/cli/*.ts both sit under the package root. */
function rulesDir(): string | undefined {
  if (docsDir === undefined) {
    docsDir = null;
    for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
      const d = path.join(dir, 'docs', 'rules');
      if (existsSync(path.join(d, 'README.md'))) { docsDir = d; break; }
    }
  }
  return docsDir ?? undefined;
}

/** The rule's page: a URL, or the shipped file's path (relative to `cwd` when under it), or undefined. */
export function ruleDocLocation(id: string, cwd = process.cwd()): string | undefined {
  const url = ruleHelpUri(id);
  if (url) return url;
  const dir = rulesDir();
  if (!dir || !/^[a-z0-9-]+$/.test(id)) return undefined;
  const file = path.join(dir, `${id}.md`);
  if (!existsSync(file)) return undefined;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
