// The CLI against files that can hurt it: devices, FIFOs, huge and sparse files, configs other users
// planted, folders nested thousands deep, names that are not UTF-8 or carry terminal escapes, a
// closed or full standard output, and a read-only file fixed by a user who is not root. Cases that
// used to hang or eat memory run the built CLI (bin/govreport.js → dist/cli.js) in a child process
// with a timeout, so a regression fails the test instead of stalling the suite.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as iconv from 'iconv-lite';
import { ConfigFiles, type ConfigNotice } from '../../server/src/io/configFile';
import { expandInputs, type InputEntry } from '../../server/src/io/files';
import { runCli } from './runCli';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'govreport.js');
const FIX = path.join(ROOT, 'test', 'fixtures');
const LUSHAN = path.join(FIX, 'lushan-health-2021-tab.txt');
const posix = process.platform !== 'win32';

const run = (...args: string[]) => runCli(args);

/** The built CLI in a child process; 20 s is far more than any of these needs when it works. */
function cli(args: string[], opts: { cwd?: string; uid?: number; gid?: number } = {}): SpawnSyncReturns<string> {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run `node esbuild.mjs` (npm test does)');
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20000, cwd: opts.cwd, uid: opts.uid, gid: opts.gid, env: { ...process.env, GOVREPORT_LANG: 'zh' } });
}

function mkfifo(p: string): boolean {
  try { execFileSync('mkfifo', [p], { stdio: 'ignore' }); return true; } catch { return false; }
}

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-hostile-')); });
// GNU rm copes with trees deeper than PATH_MAX; fs.rmSync does not.
// Removing 3,000 nested folders takes seconds on a loaded machine: more than the default hook timeout.
afterEach(function () { this.timeout(120_000); if (posix) execFileSync('rm', ['-rf', tmp]); else fs.rmSync(tmp, { recursive: true, force: true }); });

describe('hostile files: only regular files are read, with a size limit', () => {
  it('a .govreportrc.json symlink to /dev/zero: refused at once with a message, exit 2', function () {
    if (!posix) this.skip();
    fs.copyFileSync(LUSHAN, path.join(tmp, 'r.txt'));
    fs.symlinkSync('/dev/zero', path.join(tmp, '.govreportrc.json'));
    const r = cli(['check', tmp]);
    assert.equal(r.error, undefined, 'finished within the timeout');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.govreportrc\.json: 这不是普通文件，而是设备文件，未读取/);
    // A broken configuration stops the run before anything is checked (exit 2), as any other config problem.
    assert.equal(r.stdout, '');
  });

  it('a .govreportrc.json FIFO: refused without waiting for a writer', function () {
    if (!posix || !mkfifo(path.join(tmp, '.govreportrc.json'))) this.skip();
    fs.copyFileSync(LUSHAN, path.join(tmp, 'r.txt'));
    const r = cli(['check', tmp]);
    assert.equal(r.error, undefined, 'finished within the timeout');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /不是普通文件，而是命名管道（FIFO）/);
  });

  it('/dev/zero, a FIFO and a folder named as report or --config: clear messages, no hang', function () {
    if (!posix || !mkfifo(path.join(tmp, 'fifo.txt'))) this.skip();
    const reports = cli(['check', '/dev/zero', path.join(tmp, 'fifo.txt'), LUSHAN]);
    assert.equal(reports.error, undefined, 'finished within the timeout');
    assert.match(reports.stdout, /\/dev\/zero: 错误: 这不是普通文件，而是设备文件/);
    assert.match(reports.stdout, /fifo\.txt: 错误: 这不是普通文件，而是命名管道/);
    assert.match(reports.stdout, /lushan-health-2021-tab\.txt:\d+/);
    const config = cli(['check', '--config', tmp, LUSHAN]);
    assert.equal(config.status, 2);
    assert.match(config.stderr, /不是普通文件，而是目录/);
  });

  it('one sparse 512 MiB file in a folder is refused by size; the other reports are checked', async () => {
    fs.copyFileSync(LUSHAN, path.join(tmp, 'a.txt'));
    const big = path.join(tmp, 'big.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 512 * 1024 * 1024); // sparse: no disk space, no memory
    const r = await run('check', tmp);
    assert.equal(r.code, 2);
    assert.match(r.out, /big\.txt: 错误: 文件过大（512 MiB，上限 256 MiB），未读取/);
    assert.match(r.out, /a\.txt:\d+:\d+ {2}错误/);
  });

  it('the report limit is set by --max-file-size or "maxFileSize" in .govreportrc.json', async () => {
    fs.copyFileSync(LUSHAN, path.join(tmp, 'r.txt'));
    const flag = await run('check', '--max-file-size', '2K', tmp);
    assert.match(flag.out, /r\.txt: 错误: 文件过大（\d+(\.\d)? KiB，上限 2 KiB）/);
    fs.writeFileSync(path.join(tmp, '.govreportrc.json'), JSON.stringify({ maxFileSize: '1k' }));
    assert.match((await run('check', tmp)).out, /上限 1 KiB/);
    assert.match((await run('check', '--max-file-size', '1M', tmp)).out, /r\.txt:\d+:\d+/, 'the flag wins over the file');
    assert.equal((await run('check', '--max-file-size', 'lots', tmp)).code, 2);
  });
});

describe('hostile files: configuration discovery', () => {
  const notices: ConfigNotice[] = [];
  const finder = (home = '/nonexistent-home') => new ConfigFiles({ home, onNotice: (n) => notices.push(n) });
  const OFF = JSON.stringify({ rules: { 'table-unbalanced': 'off' } });
  beforeEach(() => { notices.length = 0; });

  it('never reads a config from a folder everyone can write to (like /tmp)', function () {
    if (!posix) this.skip();
    const shared = path.join(tmp, 'shared');
    fs.mkdirSync(path.join(shared, 'mine'), { recursive: true });
    fs.chmodSync(shared, 0o1777);
    fs.writeFileSync(path.join(shared, '.govreportrc.json'), OFF);
    assert.deepEqual(finder().find(path.join(shared, 'mine')), {});
  });

  it('stops at the repository root (.git) and at the home folder', () => {
    fs.writeFileSync(path.join(tmp, '.govreportrc.json'), OFF);
    fs.mkdirSync(path.join(tmp, 'repo', '.git'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'repo', 'reports'));
    assert.deepEqual(finder().find(path.join(tmp, 'repo', 'reports')), {});
    fs.mkdirSync(path.join(tmp, 'home', 'docs'), { recursive: true });
    assert.deepEqual(finder(path.join(tmp, 'home')).find(path.join(tmp, 'home', 'docs')), {});
    // Within the boundary it is found as before.
    assert.equal(finder().find(path.join(tmp)).config?.rules?.['table-unbalanced'], 'off');
  });

  it('ignores a config other users can write, and says so', async function () {
    if (!posix) this.skip();
    fs.copyFileSync(LUSHAN, path.join(tmp, 'r.txt'));
    fs.writeFileSync(path.join(tmp, '.govreportrc.json'), OFF);
    fs.chmodSync(path.join(tmp, '.govreportrc.json'), 0o666);
    const r = await run('check', '--format', 'json', tmp);
    assert.ok(JSON.parse(r.out)[0].diagnostics.some((d: { rule: string }) => d.rule === 'table-unbalanced'), 'the planted config had no effect');
    assert.match(r.err, /\.govreportrc\.json: 已忽略此配置文件：其他用户可以修改该文件；如确实信任它，请用 --config 明确指定/);
    // Named explicitly, the user vouches for it.
    const named = await run('check', '--format', 'json', '--config', path.join(tmp, '.govreportrc.json'), tmp);
    assert.ok(!JSON.parse(named.out)[0].diagnostics.some((d: { rule: string }) => d.rule === 'table-unbalanced'));
  });

  it('ignores a config owned by another user (as root: the /tmp attack of issue 13)', function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can hand a file to another user
    fs.writeFileSync(path.join(tmp, '.govreportrc.json'), OFF);
    fs.chownSync(path.join(tmp, '.govreportrc.json'), 65534, 65534);
    assert.equal(finder().find(tmp).config, undefined);
    assert.match(notices[0]?.zh ?? '', /文件属于其他用户（uid 65534）/);
  });

  it('a config with a BOM is read', () => {
    fs.writeFileSync(path.join(tmp, '.govreportrc.json'), `\ufeff${OFF}`);
    assert.equal(finder().find(tmp).config?.rules?.['table-unbalanced'], 'off');
    assert.deepEqual(notices, []);
  });

  it('caches the parsed file by size and mtime: an unchanged file is not read again', () => {
    const file = path.join(tmp, '.govreportrc.json');
    fs.writeFileSync(file, OFF);
    fs.utimesSync(file, 1700000000, 1700000000); // whole seconds: restorable exactly below
    const f = finder();
    assert.equal(f.find(tmp).config?.rules?.['table-unbalanced'], 'off');
    // Same size and mtime, different bytes: only a re-read could notice, and there must be none.
    fs.writeFileSync(file, OFF.replace('"off"', '"hin"'));
    fs.utimesSync(file, 1700000000, 1700000000);
    f.forget();
    assert.equal(f.find(tmp).config?.rules?.['table-unbalanced'], 'off', 'served from the cache');
    fs.writeFileSync(file, JSON.stringify({ rules: { 'table-unbalanced': 'hint' } }));
    f.forget();
    assert.equal(f.find(tmp).config?.rules?.['table-unbalanced'], 'hint', 'a changed file is read again');
  });
});

describe('hostile files: folders and names', () => {
  async function collect(input: string) {
    const out: InputEntry[] = [];
    for await (const e of expandInputs([input])) out.push(e);
    return out;
  }

  it('3,000 nested folders: walked without a stack overflow; too-deep paths are reported, not fatal', async function () {
    this.timeout(60000);
    const cwd = process.cwd();
    try {
      process.chdir(tmp);
      // Relative steps, because the full path soon exceeds PATH_MAX.
      for (let i = 0; i < 3000; i++) {
        fs.mkdirSync('d');
        process.chdir('d');
        if (i % 500 === 0) fs.writeFileSync(`r${i}.txt`, 'x');
      }
    } finally {
      process.chdir(cwd);
    }
    const entries = await collect(tmp);
    const files = entries.filter((e) => !('error' in e));
    const errors = entries.filter((e) => 'error' in e);
    // Every file whose path the OS can still open is found, in byte order ("d" < "r…", so the deepest
    // first); the first path too long for
    // the OS ends the descent with a message instead of an exception.
    assert.deepEqual(files.map((e) => path.basename(e.path)), ['r2000.txt', 'r1500.txt', 'r1000.txt', 'r500.txt', 'r0.txt'].filter((n) => {
      const depth = Number(n.slice(1, -4));
      return tmp.length + 2 * (depth + 1) + n.length < 4096;
    }));
    assert.ok(errors.length === 1 && errors.every((e) => 'error' in e && e.error.code === 'ENAMETOOLONG' && e.error.zh.includes('路径过长')), JSON.stringify(errors.map((e) => 'error' in e && e.error.code)));
  });

  it('a file name in GBK bytes (a zip from Chinese Windows) is found, checked, fixed and shown readably', async function () {
    if (process.platform !== 'linux') this.skip(); // macOS and Windows file systems only hold Unicode names
    const name = Buffer.concat([Buffer.from(`${tmp}/`), iconv.encode('卢山年报.txt', 'gbk')]);
    fs.writeFileSync(name, fs.readFileSync(LUSHAN));
    const r = await run('check', tmp);
    assert.match(r.out, /卢山年报\.txt:\d+:\d+ {2}错误/);
    assert.doesNotMatch(r.out, /不存在/);
    const fixed = await run('check', '--fix', tmp);
    assert.match(fixed.out, /卢山年报\.txt: .*已修复 \d+ 处/);
    assert.notDeepEqual(fs.readFileSync(name), fs.readFileSync(LUSHAN));
  });

  it('file names with ESC and newlines are printed escaped in text output', async function () {
    if (!posix) this.skip(); // such names are not allowed on Windows
    const evil = 'a\x1b[2Jb\nfake.txt:1:1  错误  forged.txt';
    fs.copyFileSync(LUSHAN, path.join(tmp, evil));
    const r = await run('check', tmp);
    assert.ok(!r.out.includes('\x1b'), 'no raw ESC');
    assert.match(r.out, /a\\x1b\[2Jb\\x0afake\.txt:1:1 {2}错误 {2}forged\.txt:\d+:\d+/);
    assert.ok(r.out.split('\n').every((l) => !l.startsWith('fake.txt')), 'no forged line');
  });
});

describe('hostile files: standard output', () => {
  // Inputs as small as the case needs (one sample, whose findings make output): the whole fixtures folder
  // (70 texts and the real reports' PDFs) made these hang guards race a busy machine's clock.
  it('a closed stdout (| head -1) ends the CLI quietly', async function () {
    if (!posix) this.skip();
    this.timeout(60_000); // a hang guard
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')));
    const child = spawn(process.execPath, [BIN, 'check', LUSHAN, LUSHAN, LUSHAN], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before anything is written: every write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b) => { stderr += b; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(stderr, '');
    assert.equal(code, 141);
  });

  it('a full disk on stdout (> /dev/full) is a one-line message, not a stack', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const fd = fs.openSync('/dev/full', 'w');
    try {
      this.timeout(60_000); // a hang guard, as the child's own
      const r = spawnSync(process.execPath, [BIN, 'check', LUSHAN], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 50_000 });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'govreport: 无法写出结果：磁盘空间不足（或超出配额）\n');
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe('hostile files: --fix as a user who is not root', () => {
  // Tests run as root here, and root may write anything; the protection that matters is for the
  // ordinary user, so the CLI runs as `nobody` (uid/gid 65534) when we are root.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const canRun = (): boolean => {
    if (!posix) return false;
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))})`], { ...asNobody, timeout: 20000 });
    return probe.status === 0;
  };

  it('does not write a read-only file, nor replace a file the user may not write, even in a folder the user owns', function () {
    if (!canRun()) this.skip(); // Windows, or `nobody` cannot read the repository
    const dir = path.join(tmp, 'user');
    fs.mkdirSync(dir);
    fs.chmodSync(tmp, 0o755);
    const own = path.join(dir, 'own-readonly.txt');
    const foreign = path.join(dir, 'root-owned.txt');
    fs.copyFileSync(LUSHAN, own);
    fs.copyFileSync(LUSHAN, foreign);
    fs.chmodSync(own, 0o444);
    fs.chmodSync(foreign, 0o644);
    if (asNobody.uid !== undefined) {
      fs.chownSync(dir, asNobody.uid, asNobody.gid);
      fs.chownSync(own, asNobody.uid, asNobody.gid);
    }
    const r = cli(['check', '--fix', dir], asNobody);
    assert.equal(r.error, undefined);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /own-readonly\.txt: 错误: 文件是只读的（或没有写权限），未写入修复；文件未改动/);
    assert.ok(fs.readFileSync(own).equals(fs.readFileSync(LUSHAN)));
    if (asNobody.uid !== undefined) {
      assert.match(r.stdout, /root-owned\.txt: 错误: 文件是只读的（或没有写权限）/);
      assert.ok(fs.readFileSync(foreign).equals(fs.readFileSync(LUSHAN)));
      assert.equal(fs.statSync(foreign).uid, 0, 'still root’s file');
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['own-readonly.txt', 'root-owned.txt']);
  });
});
