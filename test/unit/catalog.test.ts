// One source of truth for the rule list: `govreport rules`, the settings schema, the config schema,
// the README and docs tables and the rule pages' summary lines all come from the rules' metadata, and
// this test fails when they drift. Also: the repository stands alone (samples/, docs/format.md, no
// path outside it) and package.json's engines agree with every locked dependency.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import * as semver from 'semver';
import { main } from '../../server/src/cli';
import { checkText } from '../../server/src/check';
import { ruleCatalog } from '../../server/src/rules/catalog';
import type { RuleMeta } from '../../server/src/rules/rule';
import { configSchema, outOfDate } from '../../scripts/gen-manifest';

const ROOT = join(__dirname, '..', '..');

describe('rule catalogue: one source of truth', () => {
  it('package.json, schemas/govreportrc.schema.json, README.md, docs/rules/README.md and every rule page match the metadata (npm run gen)', () => {
    assert.deepEqual(outOfDate(), []);
  });

  it('the drift check fails when a rule is added or its metadata changes', () => {
    const added: RuleMeta = { id: 'placeholder-left', defaultSeverity: 'warning', fixable: 'no', description: { zh: '测试', en: 'test' }, tags: [] };
    const stale = outOfDate([...ruleCatalog(), added]);
    for (const f of ['package.json', 'schemas/govreportrc.schema.json', 'README.md', 'docs/rules/README.md']) assert.ok(stale.includes(f), f);
    assert.ok(stale.some((s) => s.startsWith('docs/rules/placeholder-left.md')), 'a new rule needs its page');
    const changed = ruleCatalog().map((r) => (r.id === 'report-title' ? { ...r, fixable: 'no' as const } : r));
    assert.ok(outOfDate(changed).includes('docs/rules/report-title.md'));
  });

  it('govreport rules --format json is the catalogue; the text list names every rule', async () => {
    const chunks: Buffer[] = [];
    const out = new Writable({ write(c, _e, cb) { chunks.push(Buffer.from(c)); cb(); } });
    assert.equal(await main(['rules', '--format', 'json'], out, out), 0);
    const listed = JSON.parse(Buffer.concat(chunks).toString()) as RuleMeta[];
    assert.deepEqual(listed.map(({ id, defaultSeverity, fixable, description, tags }) => ({ id, defaultSeverity, fixable, description, tags })), ruleCatalog());
    assert.ok(listed.some((r) => r.id === 'carryover-mismatch'));
  });

  it('the config schema accepts every rule id and nothing else', () => {
    const s = configSchema() as { properties: { rules: { properties: Record<string, unknown>; additionalProperties: boolean } }; additionalProperties: boolean };
    assert.deepEqual(Object.keys(s.properties.rules.properties), ruleCatalog().map((r) => r.id));
    assert.equal(s.properties.rules.additionalProperties, false);
    assert.equal(s.additionalProperties, false);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.govreportrc.json', url: './schemas/govreportrc.schema.json' }]);
    assert.ok(pkg.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.govreportrc.json')), 'comments are allowed in the editor too');
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.json$/m, 'the schema is in the .vsix');
  });

  it('a rule declared not fixable offers no fix on any sample; every fix comes from a rule that says it has fixes', () => {
    const fixable = new Map(ruleCatalog().map((r) => [r.id, r.fixable]));
    const seen = new Set<string>();
    for (const f of readdirSync(join(ROOT, 'samples')).filter((x) => x.endsWith('.txt'))) {
      for (const d of checkText(readFileSync(join(ROOT, 'samples', f), 'utf8')).findings) {
        if (d.fixes.length) { assert.notEqual(fixable.get(d.rule), 'no', `${f}: ${d.rule} offers a fix but its metadata says fixable: no`); seen.add(d.rule); }
      }
    }
    assert.ok(seen.has('report-title'), 'report-title has a fix (the repeated title) — its docs must say so');
  });
});

describe('the repository stands alone', () => {
  const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

  it('samples/ holds the sample reports (the same files as test/fixtures) and EXPECTED.md', () => {
    const samples = readdirSync(join(ROOT, 'samples'));
    assert.ok(samples.includes('EXPECTED.md'));
    const reports = samples.filter((f) => f.endsWith('.txt'));
    assert.equal(reports.length, 5);
    for (const f of reports) assert.deepEqual(readFileSync(join(ROOT, 'samples', f)), readFileSync(join(ROOT, 'test', 'fixtures', f)), f);
  });

  it('npm run demo checks samples/ and fails only when the CLI fails (exit 2, a crash), not on findings (exit 1)', function () {
    this.timeout(60_000);
    const demo = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
    const ok = demo([]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /共 5 个文件，\d+ 个问题（错误 [1-9]/, 'the samples have error findings, and the demo still passes');
    const usage = demo(['--formats', 'json']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /demo: govreport failed \(exit 2\)/);
  });

  it('no tracked file points outside the repository (../shared, FORMAT.md)', () => {
    const offenders: string[] = [];
    for (const f of tracked) {
      if (!/\.(ts|mjs|js|json|md|sh|lua|yaml|yml)$/.test(f) || f.startsWith('samples/') || f.startsWith('test/fixtures/') || f === 'package-lock.json' || f === 'test/unit/catalog.test.ts') continue;
      if (!existsSync(join(ROOT, f))) continue;
      const text = readFileSync(join(ROOT, f), 'utf8');
      if (/\.\.\/shared\b|\/work\/shared\b|(?<![\w/])FORMAT\.md/.test(text)) offenders.push(f);
    }
    assert.deepEqual(offenders, []);
  });

  it('every relative link in README.md and docs/ leads to a file in the repository', () => {
    const broken: string[] = [];
    for (const f of tracked.filter((x) => x === 'README.md' || (x.startsWith('docs/') && x.endsWith('.md')))) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        if (!existsSync(resolve(dirname(join(ROOT, f)), m[1]))) broken.push(`${f} → ${m[1]}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('README images are absolute links or shipped in the .vsix', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const glob = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '.*').replace(/(?<!\.)\*/g, '[^/]*')}$`);
    for (const m of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (/^https:\/\//.test(m[1])) continue;
      assert.ok(ignore.some((p) => glob(p).test(m[1])), `${m[1]} is not in the .vsix (.vscodeignore)`);
    }
  });
});

describe('Node versions', () => {
  it('engines.node is satisfied by every locked package on the lowest Node of each supported line (no EBADENGINE)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const range = new semver.Range(pkg.engines.node);
    const lowest = range.set.map((set) => semver.minVersion(set.map((c) => c.value).join(' '))!.version);
    assert.ok(lowest.some((v) => semver.major(v) === 20), 'Node 20 (VS Code’s extension host) stays supported');
    for (const v of [...lowest, '24.0.0']) {
      assert.ok(semver.satisfies(v, range), `${v} in engines`);
      const refuse = Object.entries(lock.packages as Record<string, { engines?: { node?: string } | string[] }>)
        .filter(([name, p]) => name && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(v, p.engines.node))
        .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
      assert.deepEqual(refuse, [], `on Node ${v}`);
    }
  });
});

describe('pre-commit hooks', () => {
  const yaml = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');

  it('each hook runs a real govreport command on files named like reports', async () => {
    const hooks = [...yaml.matchAll(/^- id: (\S+)\n(?:  .*\n)*?  entry: (.*)\n(?:  .*\n)*?  files: '(.*)'$/gm)].map((m) => ({ id: m[1], entry: m[2], files: new RegExp(m[3]) }));
    assert.deepEqual(hooks.map((h) => h.id), ['govreport', 'govreport-fix']);
    for (const h of hooks) {
      const [bin, ...args] = h.entry.split(' ');
      assert.equal(bin, 'govreport');
      const err = new Writable({ write(_c, _e, cb) { cb(); } });
      // pre-commit appends the staged file names; --help proves the command and its options parse.
      assert.equal(await main([...args, '--help'], err, err), 0, h.entry);
      for (const f of ['2021年政府信息公开工作年度报告.txt', 'docs/某局2022年年报.md', 'a.govreport', 'b.govreport.txt']) assert.ok(h.files.test(f), f);
      for (const f of ['README.md', 'notes.txt', '年报/README.md']) assert.ok(!h.files.test(f), f);
    }
  });

  it('npm pack (how pre-commit installs a node hook) ships the built CLI', function () {
    this.timeout(60_000);
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path);
    for (const f of ['bin/govreport.js', 'dist/cli.js', 'dist/xlsx.js', 'package.json']) assert.ok(files.includes(f), f);
    assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('test/')));
  });
});
