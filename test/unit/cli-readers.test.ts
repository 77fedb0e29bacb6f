// The CLI on Word, web and PDF reports: check with locations (text, JSON, SARIF), --fix leaves them
// alone, convert writes a text report that checks the same, and a bad file does not stop the run.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const FIX = join(__dirname, '..', 'fixtures');
const RENDERED = join(__dirname, '..', 'fixtures-readers');

const run = (args: string[]) => runCli(args);

type JsonFile = { file: string; error?: string; diagnostics: { rule: string; message: string; line: number; location?: Record<string, number> }[] };
const keys = (f: JsonFile): string[] => f.diagnostics.map((d) => `${d.rule}: ${d.message}`).sort();

describe('cli: .docx, .html and .pdf reports', () => {
  it('check gives the text report\'s findings and exit code, each with a location', async () => {
    const txt = await run(['check', '--format', 'json', join(FIX, 'lushan-health-2021-tab.txt')]);
    for (const ext of ['docx', 'html', 'pdf']) {
      const r = await run(['check', '--format', 'json', join(RENDERED, `lushan-health-2021-tab.${ext}`)]);
      assert.equal(r.code, txt.code, ext);
      const [f] = JSON.parse(r.out) as JsonFile[];
      assert.deepEqual(keys(f), keys((JSON.parse(txt.out) as JsonFile[])[0]), ext);
      const total = f.diagnostics.find((d) => d.rule === 'table-unbalanced')!;
      assert.ok(total.location, ext);
      if (ext === 'pdf') assert.ok(total.location.page && total.location.line);
      else assert.ok(total.location.table && total.location.row && total.location.column);
    }
  });

  it('text output names the place in the document; SARIF carries it as a logical location', async () => {
    const r = await run(['check', join(RENDERED, 'lushan-health-2021-tab.pdf')]);
    assert.match(r.out, /lushan-health-2021-tab\.pdf:\d+:\d+（第\d+页第\d+行 第\d+列）  错误  “[(（]七[)）] ?总计”行有 8 个数值/);
    const d = await run(['check', join(RENDERED, 'lushan-health-2021-tab.docx')]);
    assert.match(d.out, /（表\d+ 第\d+行 第\d+列）  错误  “[(（]七[)）] ?总计”行有 8 个数值/);
    const s = JSON.parse((await run(['check', '--format', 'sarif', join(RENDERED, 'lushan-health-2021-tab.html')])).out);
    const res = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'table-unbalanced');
    assert.match(res.locations[0].logicalLocations[0].name, /^表\d+ 第\d+行 第\d+列$/);
  });

  it('--fix never writes into a Word/web/PDF file and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-readers-'));
    const files = ['docx', 'html', 'pdf'].map((ext) => {
      const f = join(dir, `yuyao.${ext}`);
      copyFileSync(join(RENDERED, `yuyao-health-2020-indented.${ext}`), f);
      return f;
    });
    const before = files.map((f) => readFileSync(f));
    const r = await run(['check', '--fix', dir]);
    files.forEach((f, i) => assert.ok(readFileSync(f).equals(before[i]), f));
    assert.equal(r.out.match(/不会把修复写入 Word\/网页\/PDF 文件/g)?.length, 3);
  });

  it('convert writes an editable text report (tab, pipe, Markdown) that checks the same as the original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-convert-'));
    for (const ext of ['docx', 'pdf']) {
      const src = join(RENDERED, `xinjiang-health-2023-cell-per-line.${ext}`);
      const original = JSON.parse((await run(['check', '--format', 'json', src])).out)[0] as JsonFile;
      for (const layout of ['tab', 'pipe', 'markdown']) {
        const out = join(dir, `${ext}-${layout}.txt`);
        const c = await run(['convert', '--layout', layout, '-o', out, src]);
        assert.equal(c.code, 0, c.err);
        const again = JSON.parse((await run(['check', '--format', 'json', out])).out)[0] as JsonFile;
        assert.deepEqual(keys(again), keys(original), `${ext} ${layout}`);
      }
    }
    const stdout = await run(['convert', join(RENDERED, 'kunming-xishan-health-2022-pipe.html')]);
    assert.match(stdout.out, /^昆明市西山区卫生健康局2022年政府信息公开工作年度报告\n/);
    assert.equal((await run(['convert', '--layout', 'csv', join(RENDERED, 'kunming-xishan-health-2022-pipe.html')])).code, 2);
  });

  it('a scanned or damaged file gets a message; the other reports are still checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-bad-'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4\nnot really');
    writeFileSync(join(dir, 'broken.docx'), 'PK\x03\x04 nothing');
    copyFileSync(join(RENDERED, 'xinxiang-health-2020-pipe.docx'), join(dir, 'good.docx'));
    const r = await run(['check', '--format', 'json', dir]);
    assert.equal(r.code, 2);
    const files = JSON.parse(r.out) as JsonFile[];
    assert.match(files.find((f) => f.file.endsWith('broken.pdf'))!.error!, /PDF/);
    assert.match(files.find((f) => f.file.endsWith('broken.docx'))!.error!, /Word/);
    assert.ok(files.find((f) => f.file.endsWith('good.docx'))!.diagnostics.length > 0);
  });
});
