// CLI resilience, calling main() with captured streams in temp dirs: unreadable inputs (dangling
// symlinks, self-referencing links, directories named like files), folders without reports,
// symlink loops, 2,000 files, binary/invalid UTF-8/GBK files, exit codes, and `--fix` writing
// atomically (temp + rename: a new inode; on a write error the original stays and no temp remains).
// Running as root, chmod cannot make a file unreadable, so none of this relies on permissions.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../../server/src/cli';
import { encodeGbk } from './props';

const FIX = join(__dirname, '..', '..', 'fixtures');
const CLEAN = 'kunming-xishan-health-2022-pipe.txt'; // no error-severity finding
const ERRORS = 'lushan-health-2021-tab.txt'; // table-unbalanced errors, safely fixable

function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const w = new Writable({ write(c, _e, cb) { chunks.push(Buffer.from(c)); cb(); } }) as Writable & { text: () => string };
  w.text = () => Buffer.concat(chunks).toString('utf8');
  return w;
}

async function run(...args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(args, out, err);
  return { code, out: out.text(), err: err.text() };
}

type JsonFile = { file: string; error?: string; diagnostics?: { rule: string; line: number; column: number; message: string }[] };
async function json(...args: string[]): Promise<{ code: number; files: JsonFile[] }> {
  const r = await run('check', '--format', 'json', ...args);
  return { code: r.code, files: JSON.parse(r.out) as JsonFile[] };
}

const dirs: string[] = [];
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'govreport-robust-'));
  dirs.push(d);
  return d;
}

const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('robustness: CLI', function () {
  this.timeout(60_000);
  this.slow(5_000);
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  describe('exit codes', () => {
    it('0 for a clean report, 1 when errors remain, 2 for unreadable input or bad usage', async () => {
      assert.equal((await run('check', join(FIX, CLEAN))).code, 0);
      assert.equal((await run('check', join(FIX, ERRORS))).code, 1);
      assert.equal((await run('check', join(FIX, CLEAN), join(FIX, 'no-such-file.txt'))).code, 2, 'unreadable wins over clean');
      assert.equal((await run('check', join(FIX, ERRORS), join(FIX, 'no-such-file.txt'))).code, 2, 'unreadable wins over errors');
      assert.equal((await run('check', '--fromat', 'json', FIX)).code, 2, 'misspelt option');
      assert.equal((await run('check', '--lang')).code, 2, 'option without its value');
      assert.equal((await run('frobnicate')).code, 2, 'unknown command taken as an unreadable input');
      assert.equal((await run()).code, 2, 'no arguments');
    });

    it('an empty file, named explicitly, is “not a report” — reported, not a crash', async () => {
      const dir = temp();
      writeFileSync(join(dir, 'empty.txt'), '');
      const r = await run('check', join(dir, 'empty.txt'));
      assert.equal(r.code, 0);
      assert.match(r.out, /未识别出政府信息公开工作年度报告的结构/);
    });
  });

  describe('unreadable inputs', () => {
    it('a dangling symlink, named or inside a folder, is reported as missing; the rest is checked', async () => {
      const dir = temp();
      copyFileSync(join(FIX, CLEAN), join(dir, 'a.txt'));
      symlinkSync(join(dir, 'gone.txt'), join(dir, 'link.txt'));
      const named = await run('check', join(dir, 'link.txt'));
      assert.equal(named.code, 2);
      assert.match(named.out, /link\.txt: 错误: 文件或目录不存在/);
      const folder = await json(dir);
      assert.equal(folder.code, 2);
      assert.deepEqual(folder.files.map((f) => [f.file.slice(dir.length + 1), !!f.error]), [['a.txt', false], ['link.txt', true]]);
    });

    it('a symlink to itself (ELOOP) is reported, not followed', async () => {
      const dir = temp();
      symlinkSync('self.txt', join(dir, 'self.txt'));
      copyFileSync(join(FIX, CLEAN), join(dir, 'b.txt'));
      const r = await run('check', dir);
      assert.equal(r.code, 2);
      assert.match(r.out, /self\.txt: 错误: 符号链接层级过多/);
      assert.match(r.out, /b\.txt: 按 2021 格式检查/);
    });

    it('a directory named like a report file: walked when inside a folder, “no report files” when named', async () => {
      const dir = temp();
      mkdirSync(join(dir, 'report.txt'));
      copyFileSync(join(FIX, CLEAN), join(dir, 'report.txt', 'inner.txt'));
      mkdirSync(join(dir, 'hollow.txt'));
      const inFolder = await json(dir);
      assert.equal(inFolder.code, 0);
      assert.deepEqual(inFolder.files.map((f) => f.file.slice(dir.length + 1)), [join('report.txt', 'inner.txt')]);
      const named = await run('check', join(dir, 'hollow.txt'));
      assert.equal(named.code, 2);
      assert.match(named.out, /hollow\.txt: 错误: 目录中没有可检查的报告文件/);
    });

    it('binary, invalid UTF-8 and all-NUL files are reported with a reason and exit 2; GBK is read like UTF-8', async () => {
      const dir = temp();
      const good = readFileSync(join(FIX, ERRORS));
      writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff)));
      writeFileSync(join(dir, 'broken-utf8.txt'), Buffer.concat([good.subarray(0, 500), Buffer.from([0xc3, 0x28, 0x80]), good.subarray(500)]));
      writeFileSync(join(dir, 'nul.txt'), Buffer.alloc(64));
      writeFileSync(join(dir, 'pdf.txt'), '%PDF-1.7\n%âãÏÓ\n');
      const r = await json(dir);
      assert.equal(r.code, 2);
      const byName = Object.fromEntries(r.files.map((f) => [f.file.slice(dir.length + 1), f]));
      for (const n of ['binary.txt', 'broken-utf8.txt', 'nul.txt', 'pdf.txt']) assert.ok(byName[n]?.error, `${n}: ${JSON.stringify(byName[n])}`);
      assert.match(byName['pdf.txt'].error!, /PDF/);
      assert.match(byName['broken-utf8.txt'].error!, /编码/);
      const text = (await run('check', join(dir, 'broken-utf8.txt'))).out;
      assert.match(text, /broken-utf8\.txt: 错误: /);
      const gbk = encodeGbk(good.toString('utf8'));
      assert.ok(gbk, 'the sample is encodable in GBK');
      writeFileSync(join(dir, 'gbk.txt'), gbk);
      const diag = (f: JsonFile) => f.diagnostics?.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
      const [fromGbk] = (await json(join(dir, 'gbk.txt'))).files;
      const [fromUtf8] = (await json(join(FIX, ERRORS))).files;
      assert.equal(fromGbk.error, undefined);
      assert.deepEqual(diag(fromGbk), diag(fromUtf8));
    });
  });

  describe('folders', () => {
    it('an empty folder and a folder without report files: “no report files”, exit 2', async () => {
      const dir = temp();
      mkdirSync(join(dir, 'empty'));
      mkdirSync(join(dir, 'pictures'));
      writeFileSync(join(dir, 'pictures', 'a.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
      writeFileSync(join(dir, 'pictures', '.hidden.txt'), 'dot files are skipped');
      for (const sub of ['empty', 'pictures']) {
        const r = await run('check', join(dir, sub));
        assert.equal(r.code, 2, sub);
        assert.match(r.out, /目录中没有可检查的报告文件/, sub);
      }
    });

    it('a folder whose text files are not reports: they are skipped and counted, exit 0', async () => {
      const dir = temp();
      writeFileSync(join(dir, 'README.md'), '# 说明\n本目录存放年度报告。\n');
      writeFileSync(join(dir, 'notes.txt'), 'meeting notes, nothing else');
      const r = await run('check', dir);
      assert.equal(r.code, 0);
      assert.match(r.out, /共 0 个文件.*跳过 2 个非报告文件/);
    });

    it('symlink loops are reported once and the walk goes on', async () => {
      const dir = temp();
      mkdirSync(join(dir, 'a', 'b'), { recursive: true });
      copyFileSync(join(FIX, CLEAN), join(dir, 'a', 'b', 'r.txt'));
      symlinkSync('..', join(dir, 'a', 'b', 'up'));
      symlinkSync(join(dir, 'a'), join(dir, 'a', 'b', 'again'));
      const r = await json(dir);
      const checked = r.files.filter((f) => !f.error).map((f) => f.file.slice(dir.length + 1));
      assert.deepEqual(checked, [join('a', 'b', 'r.txt')], 'each real file once');
      const loops = r.files.filter((f) => f.error);
      assert.ok(loops.length >= 1 && loops.length <= 2, JSON.stringify(loops));
      assert.ok(loops.every((f) => /循环/.test(f.error!)), JSON.stringify(loops));
      assert.equal(r.code, 2, 'a loop is an unreadable path');
    });

    it('a folder with 2,000 small reports finishes and counts them right', async function () {
      this.timeout(120_000);
      const dir = temp();
      // A real report cut to its first two sections: small, still recognised as a report.
      const full = readFileSync(join(FIX, CLEAN), 'utf8');
      const small = full.slice(0, full.indexOf('三、收到和处理'));
      for (let d = 0; d < 20; d++) {
        mkdirSync(join(dir, `d${d}`));
        for (let i = 0; i < 100; i++) writeFileSync(join(dir, `d${d}`, `r${i}.txt`), small);
      }
      writeFileSync(join(dir, 'd0', 'not-a-report.txt'), 'hello');
      const r = await json(dir);
      assert.equal(r.files.length, 2000);
      assert.equal(new Set(r.files.map((f) => f.file)).size, 2000, 'each file once');
      assert.ok(r.files.every((f) => !f.error && f.diagnostics), 'all read');
      const text = await run('check', '--quiet', dir);
      assert.match(text.out, /共 2000 个文件/);
      assert.match(text.out, /跳过 1 个非报告文件/);
    });
  });

  describe('--fix writes atomically', () => {
    it('replaces the file by rename (new inode), keeps its mode, leaves no temp file', async () => {
      const dir = temp();
      const file = join(dir, 'r.txt');
      copyFileSync(join(FIX, ERRORS), file);
      chmodSync(file, 0o640);
      const before = statSync(file);
      const r = await run('check', '--fix', '--fix-type', 'text,numbers', file);
      assert.match(r.out, /已修复 \d+ 处/);
      const after = statSync(file);
      assert.notEqual(after.ino, before.ino, 'a new inode: written to a temp file and renamed over');
      assert.equal(after.mode & 0o777, 0o640);
      assert.notEqual(readFileSync(file, 'utf8'), readFileSync(join(FIX, ERRORS), 'utf8'));
      assert.deepEqual(tempFiles(dir), []);
      assert.equal(r.code, 0, 'the remaining findings are not errors');
    });

    it('through a symlink: the link stays a link and its target is replaced', async () => {
      const dir = temp();
      mkdirSync(join(dir, 'real'));
      copyFileSync(join(FIX, ERRORS), join(dir, 'real', 'r.txt'));
      symlinkSync(join(dir, 'real', 'r.txt'), join(dir, 'link.txt'));
      const ino = statSync(join(dir, 'real', 'r.txt')).ino;
      await run('check', '--fix', join(dir, 'link.txt'));
      assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
      assert.notEqual(statSync(join(dir, 'real', 'r.txt')).ino, ino);
      assert.deepEqual([...tempFiles(dir), ...tempFiles(join(dir, 'real'))], []);
    });

    it('a 250-byte file name is fixed: the temp file’s name does not grow with it', async () => {
      const dir = temp();
      const name = `${'报'.repeat(80)}.txt`;
      assert.ok(Buffer.byteLength(name) > 240 && Buffer.byteLength(name) <= 255);
      const file = join(dir, name);
      copyFileSync(join(FIX, ERRORS), file);
      const r = await run('check', '--fix', file);
      assert.match(r.out, /已修复 \d+ 处/);
      assert.notEqual(readFileSync(file, 'utf8'), readFileSync(join(FIX, ERRORS), 'utf8'));
      assert.deepEqual(readdirSync(dir), [name], 'nothing else in the folder');
    });

    it('on a write error (immutable folder) the original is intact and no temp remains', async function () {
      const dir = temp();
      const sub = join(dir, 'locked');
      mkdirSync(sub);
      const file = join(sub, 'r.txt');
      copyFileSync(join(FIX, ERRORS), file);
      const bytes = readFileSync(file);
      try {
        execFileSync('chattr', ['+i', sub], { stdio: 'ignore' });
      } catch {
        this.skip(); // no chattr, or no CAP_LINUX_IMMUTABLE / file system support
      }
      try {
        const r = await run('check', '--fix', file);
        assert.equal(r.code, 2);
        assert.match(r.out, /无法写回修复后的文件/);
        assert.deepEqual(readFileSync(file), bytes);
        assert.deepEqual(readdirSync(sub), ['r.txt']);
      } finally {
        execFileSync('chattr', ['-i', sub], { stdio: 'ignore' });
      }
    });

    it('a folder run with one read-only file still fixes the others', async () => {
      const dir = temp();
      copyFileSync(join(FIX, ERRORS), join(dir, 'ok.txt'));
      const locked = 'read-only.txt';
      copyFileSync(join(FIX, ERRORS), join(dir, locked));
      chmodSync(join(dir, locked), 0o444);
      const r = await run('check', '--fix', dir);
      assert.equal(r.code, 2);
      assert.match(r.out, /read-only\.txt: 错误: 文件是只读的/);
      assert.notEqual(readFileSync(join(dir, 'ok.txt'), 'utf8'), readFileSync(join(FIX, ERRORS), 'utf8'), 'ok.txt was fixed');
      assert.equal(readFileSync(join(dir, locked), 'utf8'), readFileSync(join(FIX, ERRORS), 'utf8'), 'the read-only file is untouched');
      assert.deepEqual(tempFiles(dir), []);
    });
  });
});
