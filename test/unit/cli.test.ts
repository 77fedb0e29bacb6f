// The CLI contract of DESIGN.md: output formats, 1-based positions, exit codes, encodings, config, --fix.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const FIX = join(__dirname, '..', 'fixtures');
/** The five samples (test/fixtures/real/ below it is the real-report corpus, checked by its own test). */
const SAMPLES = readdirSync(FIX).filter((f) => f.endsWith('.txt')).map((f) => join(FIX, f));

const run = (args: string[]) => runCli(args);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'govreport-cli-'));
}

describe('cli', () => {
  it('prints compiler-style text with a summary and exits 1 when errors remain', async () => {
    const r = await run(['check', ...SAMPLES]);
    assert.equal(r.code, 1);
    assert.match(r.out, /lushan-health-2021-tab\.txt:80:9 {2}错误 {2}“\(七\) 总计”行有 8 个数值，但本表只有 7 列 {2}\[table-unbalanced\]/);
    assert.match(r.out, /共 5 个文件，\d+ 个问题（错误 3，/);
  });

  it('exits 0 on a clean report and says which format it used', async () => {
    const r = await run(['check', join(FIX, 'kunming-xishan-health-2022-pipe.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /按 2021 格式检查（报告年度 2022）/);
  });

  it('--format json follows the DESIGN.md shape with 1-based positions', async () => {
    const r = await run(['check', '--format', 'json', join(FIX, 'xinjiang-health-2023-cell-per-line.txt')]);
    const json = JSON.parse(r.out);
    assert.equal(json.length, 1);
    assert.equal(json[0].format, '2021');
    assert.equal(json[0].year, 2023);
    const d = json[0].diagnostics.find((x: { rule: string }) => x.rule === 'section-title');
    assert.deepEqual({ line: d.line, column: d.column, severity: d.severity }, { line: 593, column: 7, severity: 'warning' });
    for (const x of json[0].diagnostics) for (const k of ['rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message']) assert.ok(k in x, k);
  });

  it('--format sarif is SARIF 2.1.0 with rules and results', async () => {
    const r = await run(['check', '--format=sarif', join(FIX, 'lushan-health-2021-tab.txt')]);
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'table-unbalanced'));
    const res = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'table-unbalanced');
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.region.startLine, 80);
  });

  it('--lang en gives English messages', async () => {
    const r = await run(['check', '--lang', 'en', join(FIX, 'lushan-health-2021-tab.txt')]);
    assert.match(r.out, /Row “\(七\) 总计” has 8 values but the table has 7 columns {2}\[table-unbalanced\]/);
    assert.match(r.out, /problems \(3 errors|problems \(2 errors/);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await run(['check'])).code, 2);
    assert.equal((await run(['check', '--format', 'xml', FIX])).code, 2);
    assert.equal((await run(['check', '--bogus', FIX])).code, 2);
  });

  it('reports unreadable and binary files, goes on, and exits 2', async () => {
    const dir = tempDir();
    copyFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await run(['check', dir, join(dir, 'missing.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.out, /b\.txt: 错误: /);
    assert.match(r.out, /missing\.txt: 错误: /);
    assert.match(r.out, /a\.txt: 按 2021 格式检查/);
  });

  it('reads GB18030, UTF-16 and CRLF files with the same findings', async () => {
    const dir = tempDir();
    const text = readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
    writeFileSync(join(dir, 'utf16.txt'), utf16);
    writeFileSync(join(dir, 'bom.txt'), '\ufeff' + text);
    const base = JSON.parse((await run(['check', '--format', 'json', join(FIX, 'lushan-health-2021-tab.txt')])).out)[0].diagnostics;
    for (const f of ['utf16.txt', 'bom.txt']) {
      const got = JSON.parse((await run(['check', '--format', 'json', join(dir, f)])).out)[0].diagnostics;
      assert.deepEqual(got.map((d: { rule: string; line: number; column: number }) => `${d.rule}@${d.line}:${d.column}`), base.map((d: { rule: string; line: number; column: number }) => `${d.rule}@${d.line}:${d.column}`), f);
    }
  });

  it('finds .govreportrc.json upward and honours --config', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(FIX, 'lushan-health-2021-tab.txt'), join(dir, 'sub', 'r.txt'));
    writeFileSync(join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'table-unbalanced': 'off', 'table-label': 'error' } }));
    const r = JSON.parse((await run(['check', '--format', 'json', dir])).out)[0].diagnostics;
    assert.equal(r.filter((d: { rule: string }) => d.rule === 'table-unbalanced').length, 0);
    assert.ok(r.filter((d: { rule: string }) => d.rule === 'table-label').every((d: { severity: string }) => d.severity === 'error'));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ rules: { 'report-title': 'off' } }));
    const r2 = JSON.parse((await run(['check', '--format', 'json', '--config', join(dir, 'other.json'), dir])).out)[0].diagnostics;
    assert.ok(r2.some((d: { rule: string }) => d.rule === 'table-unbalanced'), '--config replaces the discovered file');
    assert.equal(r2.filter((d: { rule: string }) => d.rule === 'report-title').length, 0);
    writeFileSync(join(dir, 'bad.json'), '{"rules": {"table-label": "loud"}}');
    assert.equal((await run(['check', '--config', join(dir, 'bad.json'), dir])).code, 2);
  });

  it('--fix repairs copies of the samples; a second --fix changes nothing', async () => {
    const dir = tempDir();
    for (const f of ['lushan-health-2021-tab.txt', 'xinjiang-health-2023-cell-per-line.txt', 'yuyao-health-2020-indented.txt']) copyFileSync(join(FIX, f), join(dir, f));
    const r = await run(['check', '--fix', dir]);
    assert.match(r.out, /已修复 \d+ 处/);
    const after = JSON.parse((await run(['check', '--format', 'json', dir])).out);
    for (const file of after) assert.deepEqual(file.diagnostics.filter((d: { fixable: boolean }) => d.fixable), [], file.file);
    const snapshot = ['lushan-health-2021-tab.txt'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const ino = statSync(join(dir, 'lushan-health-2021-tab.txt')).ino;
    await run(['check', '--fix', dir]);
    assert.deepEqual(['lushan-health-2021-tab.txt'].map((f) => readFileSync(join(dir, f), 'utf8')), snapshot);
    assert.equal(statSync(join(dir, 'lushan-health-2021-tab.txt')).ino, ino, 'an unchanged file is not rewritten');
  });

  it('skips non-report files inside folders but flags them when named', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), '# notes\nnothing to see');
    const r = await run(['check', dir]);
    assert.match(r.out, /跳过 1 个非报告文件/);
    const r2 = await run(['check', join(dir, 'notes.md')]);
    assert.match(r2.out, /未识别出政府信息公开工作年度报告的结构/);
  });

  it('checks carry-over against last year’s report of the same agency', async () => {
    const dir = tempDir();
    const k = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
    writeFileSync(join(dir, '2022.txt'), k.replace('四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    const next = k.replace(/2022年/g, '2023年').replace('2023年1月28日', '2024年1月28日').replace('二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    writeFileSync(join(dir, '2023.txt'), next);
    const r = JSON.parse((await run(['check', '--format', 'json', dir])).out);
    const d = r.find((x: { file: string }) => x.file.endsWith('2023.txt')).diagnostics.filter((x: { rule: string }) => x.rule === 'carryover-mismatch');
    assert.equal(d.length, 2);
    assert.equal(d[0].line, 35);
  });

  it('export writes the tables as CSV, with the format’s titles and labels', async () => {
    const r = await run(['export', join(FIX, 'kunming-xishan-health-2022-pipe.txt')]);
    assert.ok(r.out.startsWith('\ufeff文件,报告年度,格式,表格,行,列,数值,行号\r\n'), JSON.stringify(r.out.slice(0, 40)));
    assert.match(r.out, /,收到和处理政府信息公开申请情况,（七）总计,申请人情况 \/ 总计,6,57\r\n/);
  });
});
