// The rule lists written by hand agree with the code: every rule of allRules has its page in
// docs/rules/, a row in the docs index and in the README's rules table, with its default severity.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('docs list every rule', () => {
  const index = read('docs/rules/README.md');
  const readme = read('README.md');
  for (const r of allRules) {
    it(r.id, () => {
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
      assert.match(read(`docs/rules/${r.id}.md`), new RegExp(`^# ${r.id}\\n\\n> 默认级别 Default severity: \`${r.defaultSeverity}\``), 'page heading and severity');
      assert.match(index, new RegExp(`^\\| \\[${r.id}\\]\\(${r.id}\\.md\\) \\| ${r.defaultSeverity} \\|`, 'm'), 'docs/rules/README.md row');
      assert.match(readme, new RegExp(`^\\| \\[${r.id}\\]\\(docs/rules/${r.id}\\.md\\) \\| ${r.defaultSeverity} \\|`, 'm'), 'README.md rules table row');
    });
  }
});
