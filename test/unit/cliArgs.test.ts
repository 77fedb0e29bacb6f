// The command line's parsing: exact option names, unknown commands and options as usage errors with a
// suggestion in the user's language, version and per-command help, --stdin.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { commands } from '../../server/src/cli/commands';
import { langOf, parseCommandArgs } from '../../server/src/cli/args';
import { closest } from '../../server/src/suggest';
import pkg from '../../package.json';

const FIX = join(__dirname, '..', 'fixtures');

const run = runCli;

describe('cli: parsing', () => {
  const saved = process.env.GOVREPORT_LANG;
  beforeEach(() => { delete process.env.GOVREPORT_LANG; });
  after(() => { if (saved === undefined) delete process.env.GOVREPORT_LANG; else process.env.GOVREPORT_LANG = saved; });

  it('a misspelt option is a usage error with the right name suggested, never taken for another option', async () => {
    const r = await run(['check', '--formats', 'json', FIX]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '', 'nothing checked');
    assert.match(r.err, /未知选项 --formats，是否想输入 “--format”？/);
    assert.match(r.err, /govreport check --help/);
    const en = await run(['check', '--lang', 'en', '--qiuet', FIX]);
    assert.match(en.err, /unknown option --qiuet; did you mean “--quiet”\?/);
  });

  it('an abbreviation is not accepted as the full name', async () => {
    const r = await run(['check', '--form', 'json', FIX]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--form.*“--format”/);
  });

  it('an unknown command is a usage error with a suggestion; a path is not a command', async () => {
    const r = await run(['chek', FIX]);
    assert.equal(r.code, 2);
    assert.match(r.err, /未知命令 “chek”，是否想输入 “check”？/);
    assert.equal((await run([FIX])).code, 2);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /请给出命令/);
  });

  it('govreport version, --version and -v print the package version', async () => {
    for (const a of [['version'], ['--version'], ['-v']]) {
      const r = await run(a);
      assert.equal(r.code, 0);
      assert.equal(r.out, `${pkg.version}\n`);
    }
    assert.equal((await run(['version', 'extra'])).code, 2);
  });

  it('<command> --help lists that command’s own options, in the user’s language', async () => {
    for (const c of commands) {
      const r = await run([c.name, '--help']);
      assert.equal(r.code, 0, c.name);
      for (const o of c.options) assert.ok(r.out.includes(`--${o.name}`), `${c.name} --help lists --${o.name}`);
      assert.ok(r.out.includes(c.summary.zh));
    }
    const en = await run(['export', '--help', '--lang', 'en']);
    assert.match(en.out, /^Usage: govreport export \[options\] FILES\|DIRS…/);
    assert.match(en.out, /--format csv\|json\|xlsx +export format/);
    assert.doesNotMatch(en.out, /--fix/, 'check’s options are not export’s');
    const general = await run(['--help']);
    for (const c of commands) assert.match(general.out, new RegExp(`^  ${c.name} `, 'm'));
    assert.equal((await run(['help', 'rules'])).out, (await run(['rules', '--help'])).out);
  });

  it('option values: missing, unknown, given to a flag, or taken from the next option are usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['check', FIX, '--format'], /选项 --format 缺少值/],
      [['check', '--format', '--fix', FIX], /选项 --format 缺少值/],
      [['check', '--format', 'xml', FIX], /选项 --format 的值应为 text\|json\|sarif，而不是 “xml”/],
      [['check', '--format', 'jsno', FIX], /是否想输入 “json”/],
      [['check', '--fix=yes', FIX], /选项 --fix 不带值/],
      [['export', '--format', 'sarif', FIX], /csv\|json\|xlsx/],
      [['rules', '--fix'], /未知选项 --fix/],
      [['check', '--lang', 'fr', FIX], /zh\|en/],
    ];
    for (const [args, re] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, re, args.join(' '));
    }
  });

  it('every numeric option given a negative, zero or non-number value says what is wrong with it, in both languages', async () => {
    // Options whose value is a number by their placeholder; --max-file-size is one, and so is every later one.
    const numeric = commands.flatMap((c) => c.options.filter((o) => o.value && /^(SIZE|N|COUNT|NUMBER|BYTES)$/.test(o.value)).map((o) => [c.name, o.name] as const));
    assert.ok(numeric.some(([c, o]) => c === 'check' && o === 'max-file-size'), JSON.stringify(numeric));
    for (const [cmd, opt] of numeric) {
      for (const bad of ['-1', '-0.5', '0', 'abc']) {
        for (const args of [[cmd, `--${opt}`, bad, FIX], [cmd, `--${opt}=${bad}`, FIX]]) {
          const zh = await run(args);
          assert.equal(zh.code, 2, args.join(' '));
          assert.ok(zh.err.includes(`--${opt} 应为`) && zh.err.includes(`现为 ${bad}`) && !zh.err.includes('缺少值'), `${args.join(' ')}: ${zh.err}`);
          const en = await run([...args, '--lang', 'en']);
          assert.ok(en.err.includes(`--${opt} must be`) && en.err.includes(`got ${bad}`), `${args.join(' ')}: ${en.err}`);
        }
      }
    }
    // A negative number is a value, not the next option; a word starting with '-' still is an option.
    assert.deepEqual(parseCommandArgs(['--format', '-1'], [{ name: 'format', type: 'string', help: { zh: '', en: '' } }]).values.format, '-1');
    assert.throws(() => parseCommandArgs(['--format', '-q'], [{ name: 'format', type: 'string', help: { zh: '', en: '' } }]), /needs a value/);
  });

  it('usage errors are English with --lang en or GOVREPORT_LANG=en, Chinese otherwise (LANG alone does not switch)', async () => {
    assert.equal(langOf(['check', '--lang=en'], {}), 'en');
    assert.equal(langOf(['check', '--lang', 'en'], {}), 'en');
    assert.equal(langOf(['check'], { GOVREPORT_LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(langOf(['check'], { LANG: 'en_US.UTF-8' }), 'zh');
    assert.equal(langOf(['check', '--', '--lang=en'], { GOVREPORT_LANG: 'en' }), 'en');
    process.env.GOVREPORT_LANG = 'en';
    const r = await run(['chek']);
    assert.match(r.err, /unknown command “chek”; did you mean “check”\?/);
  });

  it('the option table drives parseArgs: short names, --name=value, -- ends options', () => {
    const specs = commands.find((c) => c.name === 'check')!.options;
    const p = parseCommandArgs(['-f', 'json', '--config=a.json', '-q', '--', '--weird-file.txt'], specs);
    assert.deepEqual(p.values, { format: 'json', config: 'a.json', quiet: true });
    assert.deepEqual(p.positionals, ['--weird-file.txt']);
  });

  it('did-you-mean suggests only near names', () => {
    assert.equal(closest('--formats', ['--format', '--fix']), '--format');
    assert.equal(closest('cehck', ['check', 'export']), 'check');
    assert.equal(closest('--zzzzzz', ['--format', '--fix']), undefined);
    assert.equal(closest('table-lable', ['table-label', 'table-missing']), 'table-label');
  });

  it('check --stdin reads the report from standard input; --stdin-filename names it and finds its configuration', async () => {
    const text = readFileSync(join(FIX, 'lushan-health-2021-tab.txt'));
    const r = await run(['check', '--stdin', '--format', 'json'], text);
    assert.equal(r.code, 1);
    const [file] = JSON.parse(r.out);
    assert.equal(file.file, '<stdin>');
    assert.ok(file.diagnostics.some((d: { rule: string; line: number }) => d.rule === 'table-unbalanced' && d.line === 80));
    const dir = mkdtempSync(join(tmpdir(), 'govreport-stdin-'));
    writeFileSync(join(dir, '.govreportrc.json'), '{ "rules": { "table-unbalanced": "off" } }');
    const named = await run(['check', '--stdin', '--stdin-filename', join(dir, 'r.txt')], text);
    assert.match(named.out, new RegExp(`^${join(dir, 'r.txt').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: 按 2021 格式检查`, 'm'));
    assert.doesNotMatch(named.out, /table-unbalanced/, 'the configuration next to the named file applies');
    assert.equal((await run(['check', '--stdin', FIX], text)).code, 2, '--stdin with files');
    assert.equal((await run(['check', '--stdin', '--fix'], text)).code, 2, '--stdin with --fix');
    assert.equal((await run(['check', '--stdin-filename', 'x.txt', FIX])).code, 2, '--stdin-filename without --stdin');
    const binary = await run(['check', '--stdin'], Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2]));
    assert.equal(binary.code, 2, 'a binary stdin is unreadable input');
  });
});
