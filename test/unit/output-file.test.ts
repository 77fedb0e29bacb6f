// `convert -o OUT` and `export -o OUT` write where they are told without replacing what is there by
// something else: a FIFO or device is written into (renaming a temporary file over it replaced the node
// itself — as root, `convert -o /dev/null` made /dev/null a regular file), a symlink stays a link, a
// folder or a file being read is refused with a message. Tested with a FIFO, never a real device.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const ROOT = join(__dirname, '..', '..');
const PAGE = join(ROOT, 'test', 'fixtures-readers', 'kunming-xishan-health-2022-pipe.html');
const REPORT = join(ROOT, 'test', 'fixtures', 'kunming-xishan-health-2022-pipe.txt');

/** Runs `args` with a reader (cat) on the FIFO `fifo`; returns what the reader got and the CLI's result. */
async function intoFifo(fifo: string, args: string[]): Promise<{ got: string; code: number; err: string }> {
  execFileSync('mkfifo', [fifo]);
  const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  reader.stdout.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
  const r = await runCli(args);
  // With the node replaced the reader would wait for a writer forever: give it one.
  if (!fs.lstatSync(fifo).isFIFO()) reader.kill();
  await done;
  return { got: Buffer.concat(chunks).toString('utf8'), code: r.code, err: r.err };
}

describe('convert/export -o: what is at the output path is respected', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(join(tmpdir(), 'govreport-output-')); });

  it('convert into a FIFO writes through it; the FIFO stays a FIFO', async () => {
    const fifo = join(dir, 'out.fifo');
    const r = await intoFifo(fifo, ['convert', PAGE, '-o', fifo]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.lstatSync(fifo).isFIFO(), 'the FIFO was replaced by a regular file');
    assert.ok(r.got.includes('三、收到和处理政府信息公开申请情况'), 'the reader got the report');
  });

  it('export into a FIFO the same way', async () => {
    const fifo = join(dir, 'out.fifo');
    const r = await intoFifo(fifo, ['export', '--format', 'json', REPORT, '-o', fifo]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.lstatSync(fifo).isFIFO());
    assert.ok(r.got.includes('"table"'), r.got.slice(0, 200));
  });

  it('a symlink to a file stays a link; the file it points to gets the text', async () => {
    const target = join(dir, 'target.txt');
    const link = join(dir, 'link.txt');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, link);
    const r = await runCli(['convert', PAGE, '-o', link]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link was replaced by a file');
    assert.ok(fs.readFileSync(target, 'utf8').includes('三、收到和处理政府信息公开申请情况'));
  });

  it('a regular file written over keeps its permissions', async () => {
    const csv = join(dir, 'private.csv');
    fs.writeFileSync(csv, 'old', { mode: 0o600 });
    fs.chmodSync(csv, 0o600);
    const r = await runCli(['export', REPORT, '-o', csv]);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.statSync(csv).mode & 0o777, 0o600);
    assert.ok(fs.readFileSync(csv, 'utf8').includes('收到和处理政府信息公开申请情况'));
  });

  it('a folder, or the input reached through a link, is refused with a message; nothing is touched', async () => {
    const folder = join(dir, 'folder');
    fs.mkdirSync(folder);
    let r = await runCli(['convert', PAGE, '-o', folder]);
    assert.equal(r.code, 2);
    assert.match(r.err, /这是一个目录，不是文件/);
    assert.ok(fs.statSync(folder).isDirectory());
    const report = join(dir, 'report.txt');
    fs.copyFileSync(REPORT, report);
    fs.symlinkSync(report, join(dir, 'alias.txt'));
    r = await runCli(['convert', report, '-o', join(dir, 'alias.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /输出文件不能是要读取的文件/);
    assert.equal(fs.readFileSync(report, 'utf8'), fs.readFileSync(REPORT, 'utf8'));
  });

  it('export -o one of its own input reports is refused; the report is intact', async () => {
    const report = join(dir, 'report.txt');
    fs.copyFileSync(REPORT, report);
    const r = await runCli(['export', report, '-o', report, '--lang', 'en']);
    assert.equal(r.code, 2);
    assert.match(r.err, /must not be one of the files being read/);
    assert.equal(fs.readFileSync(report, 'utf8'), fs.readFileSync(REPORT, 'utf8'));
  });
});
