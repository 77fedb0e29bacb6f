// .govreportrc.json: JSON with comments, a BOM accepted, problems with line:column, unknown keys and
// rule ids as errors with a suggestion, and a broken configuration stops the CLI before checking.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { describeProblem, parseConfigText, validateConfig } from '../../server/src/config';
import { configDiagnostics } from '../../server/src/features/configDiagnostics';
import { ruleIds } from '../../server/src/rules/catalog';

const FIX = join(__dirname, '..', 'fixtures');

const run = runCli;

describe('configuration (.govreportrc.json)', () => {
  it('reads the README’s own example: comments, trailing commas', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = /```jsonc\n(\/\/ \.govreportrc\.json[\s\S]*?)```/.exec(readme);
    assert.ok(example, 'README has a jsonc .govreportrc.json example');
    const { config, problems } = parseConfigText(example[1]);
    assert.deepEqual(problems, []);
    assert.equal(config.format, 'auto');
    assert.equal(config.rules?.['report-title'], 'off');
    const trailing = parseConfigText('{ /* block */ "rules": { "table-label": "error", }, }');
    assert.deepEqual(trailing.problems, []);
    assert.deepEqual(trailing.config.rules, { 'table-label': 'error' });
  });

  it('an out-of-range number is quoted as a number, not as null', () => {
    const { problems } = parseConfigText('{ "maxFileSize": 1e400 }');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message.zh, /现为 Infinity/);
    assert.doesNotMatch(problems[0].message.en, /null/);
  });

  it('a negative or zero size, as a number or a string, says what it got, like --max-file-size on the command line', () => {
    for (const [v, shown] of [['-1', '-1'], ['"-1"', '"-1"'], ['0', '0'], ['"-2M"', '"-2M"']]) {
      const { problems, config } = parseConfigText(`{ "maxFileSize": ${v} }`);
      assert.equal(problems.length, 1, v);
      assert.ok(problems[0].message.zh.includes(`应为大小`) && problems[0].message.zh.includes(`现为 ${shown}`), problems[0].message.zh);
      assert.ok(problems[0].message.en.includes(`got ${shown}`), problems[0].message.en);
      assert.equal(config.maxFileSize, undefined);
    }
  });

  it('accepts a BOM; positions are counted without it', () => {
    const { config, problems } = parseConfigText('\ufeff{ "rules": { "publish-date": "off" } }');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { 'publish-date': 'off' });
    const bad = parseConfigText('\ufeff{\n  "rulez": {}\n}');
    assert.deepEqual([bad.problems[0].line, bad.problems[0].column], [2, 3]);
  });

  it('syntax errors give line and column', () => {
    const { problems } = parseConfigText('{\n  "rules": {\n    "table-label": "error"\n    "report-title": "off"\n  }\n}');
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0].line, problems[0].column], [4, 5]);
    assert.equal(describeProblem('.govreportrc.json', problems[0], 'zh'), '.govreportrc.json:4:5: JSON 语法错误：此处应为逗号 “,”');
    assert.equal(describeProblem('x', problems[0], 'en'), 'x:4:5: JSON syntax error: comma “,” expected');
    assert.match(parseConfigText('').problems[0].message.zh, /JSON 语法错误/);
    assert.match(parseConfigText('{ "rules": { ').problems[0].message.en, /expected/);
  });

  it('unknown keys and rule ids are errors with “did you mean”, at the key', () => {
    const text = '{\n  "rule": {},\n  "rules": { "table-lable": "off", "carryover-mismatch": "off" }\n}';
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(problems.map((p) => `${p.line}:${p.column} ${p.message.en}`), [
      '2:3 unknown key “rule”; did you mean “rules”? (known: format, rules, fix, maxFileSize)',
      '3:14 unknown rule “table-lable”; did you mean “table-label”? (govreport rules lists them)',
    ]);
    assert.equal(problems[1].message.zh, '未知的规则 “table-lable”，是否想写 “table-label”？（govreport rules 列出全部规则）');
    assert.equal(config.rules?.['carryover-mismatch'], 'off', 'every rule id of the catalogue is known, carryover-mismatch too');
    for (const id of ruleIds()) assert.deepEqual(parseConfigText(JSON.stringify({ rules: { [id]: 'hint' } })).problems, [], id);
  });

  it('bad values: severity and format, with the value quoted', () => {
    const { problems } = parseConfigText('{ "format": 2020, "rules": { "table-label": "warn" } }');
    assert.deepEqual(problems.map((p) => p.message.en), [
      '"format" must be "auto", "2021" or "2019" (got 2020)',
      'rule “table-label”: severity must be error, warning, info, hint or off (got "warn"); did you mean “warning”?',
    ]);
    assert.deepEqual(parseConfigText('[]').problems.map((p) => p.message.en), ['the configuration must be a JSON object { … }']);
    assert.deepEqual(parseConfigText('{ "format": 2019, "rules": { "publish-date": false, "table-label": true } }').config, { format: '2019', rules: { 'publish-date': 'off' } });
  });

  it('the editor settings are validated by the same code (unknown rule ids too)', () => {
    assert.deepEqual(validateConfig({ rules: { 'no-such-rule': 'off' } }).problems, ['unknown rule “no-such-rule” (govreport rules lists them)']);
  });

  it('as diagnostics on the configuration file: 0-based range at the problem', () => {
    const { problems } = parseConfigText('{\n  "rules": { "table-lable": "off" }\n}');
    const [d] = configDiagnostics(problems, 'en');
    assert.deepEqual(d.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 26 } });
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /did you mean “table-label”/);
  });

  it('the CLI stops before checking (or fixing) anything when a configuration is broken: exit 2, file:line:col on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-config-'));
    copyFileSync(join(FIX, 'lushan-health-2021-tab.txt'), join(dir, 'r.txt'));
    const before = readFileSync(join(dir, 'r.txt'));
    writeFileSync(join(dir, '.govreportrc.json'), '{\n  // switch off\n  "rules": { "table-unbalancd": "off" }\n}\n');
    const r = await run(['check', '--fix', dir]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '', 'nothing checked');
    assert.deepEqual(readFileSync(join(dir, 'r.txt')), before, 'nothing fixed');
    assert.match(r.err, /配置文件有误: .*\.govreportrc\.json:3:14: 未知的规则 “table-unbalancd”，是否想写 “table-unbalanced”？/);
    writeFileSync(join(dir, '.govreportrc.json'), '{\n  // switch off\n  "rules": { "table-unbalanced": "off", },\n}\n');
    const ok = await run(['check', '--format', 'json', dir]);
    assert.equal(ok.code, 0, ok.err);
    assert.ok(!JSON.parse(ok.out)[0].diagnostics.some((d: { rule: string }) => d.rule === 'table-unbalanced'));
    const missing = await run(['check', '--config', join(dir, 'nope.json'), dir]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.json: 配置文件不存在/);
  });
});
