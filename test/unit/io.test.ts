import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeReport } from '../../server/src/io/decode';
import { expandInputs, readFileBytes, type InputEntry } from '../../server/src/io/files';

const REPORT = '一、总体情况\r\n本机关2023年政府信息公开工作（见表3）。\n';
// "政府信息公开" in GBK, taken from the GB2312 code table rather than produced by our own code.
const GBK_ZHENGFU_XINXI_GONGKAI = Buffer.from('d5feb8aed0c5cfa2b9abbfaa', 'hex');

function ok(buf: Uint8Array) {
  const r = decodeReport(buf);
  if (!r.ok) assert.fail(`expected text, got ${r.reason}: ${r.message.en}`);
  return r;
}

function fail(buf: Uint8Array) {
  const r = decodeReport(buf);
  if (r.ok) assert.fail(`expected failure, decoded as ${r.encoding}`);
  return r;
}

// Deterministic "random" bytes so a failure is reproducible.
function noise(n: number, seed: number, lo = 0, hi = 256): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = lo + ((x >>> 24) % (hi - lo));
  }
  return out;
}

describe('io/decode', () => {
  it('decodes empty input as empty text', () => {
    assert.deepEqual(decodeReport(new Uint8Array(0)), { ok: true, text: '', encoding: 'utf-8' });
  });

  it('decodes UTF-8 without BOM, keeping CRLF', () => {
    const r = ok(Buffer.from(REPORT, 'utf8'));
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.text, REPORT);
  });

  it('strips a UTF-8 BOM', () => {
    const r = ok(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT, 'utf8')]));
    assert.equal(r.encoding, 'utf-8-bom');
    assert.equal(r.text, REPORT);
  });

  it('decodes UTF-16LE and UTF-16BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(REPORT, 'utf16le').swap16()]);
    assert.deepEqual(ok(le), { ok: true, text: REPORT, encoding: 'utf-16le' });
    assert.deepEqual(ok(be), { ok: true, text: REPORT, encoding: 'utf-16be' });
  });

  it('decodes GBK bytes as gb18030', () => {
    // ASCII, GBK and CRLF mixed, the way Notepad "ANSI" saves on a Chinese Windows.
    const buf = Buffer.concat([Buffer.from('2023', 'ascii'), GBK_ZHENGFU_XINXI_GONGKAI, Buffer.from('\r\n', 'ascii')]);
    const r = ok(buf);
    assert.equal(r.encoding, 'gb18030');
    assert.equal(r.text, '2023政府信息公开\r\n');
  });

  it('decodes a longer GBK report (round-trips through the GB18030 decoder only)', () => {
    const line = Buffer.concat([GBK_ZHENGFU_XINXI_GONGKAI, Buffer.from([0xa3, 0xac]) /* ， */, Buffer.from('12\r\n')]);
    const r = ok(Buffer.concat(Array.from({ length: 200 }, () => line)));
    assert.equal(r.encoding, 'gb18030');
    assert.equal(r.text, '政府信息公开，12\r\n'.repeat(200));
  });

  it('rejects random bytes (with NULs and controls) as binary', () => {
    const r = fail(noise(4096, 42));
    assert.equal(r.reason, 'binary');
    assert.match(r.message.en, /NUL|control/);
  });

  it('rejects high-byte noise that is neither UTF-8 nor plausible GB text', () => {
    const r = fail(noise(4096, 7, 0x80, 0x100));
    assert.equal(r.reason, 'undecodable');
    assert.ok(r.message.zh.includes('编码'));
  });

  it('a UTF-8 report with a GBK line pasted in says where the first non-UTF-8 byte is', () => {
    const head = Buffer.from('一、总体情况\n本机关（全角，１２）\t', 'utf8');
    const r = fail(Buffer.concat([head, GBK_ZHENGFU_XINXI_GONGKAI, Buffer.from('\n二、主动公开政府信息情况\n'.repeat(50), 'utf8')]));
    assert.equal(r.reason, 'undecodable');
    assert.match(r.message.zh, /第 2 行第 12 列/);
    assert.match(r.message.en, /line 2, column 12/);
    // Behind a UTF-8 BOM too.
    const b = fail(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), head, GBK_ZHENGFU_XINXI_GONGKAI]));
    assert.match(b.message.zh, /第 2 行第 12 列/);
  });

  it('rejects control-character soup without NULs as binary', () => {
    const r = fail(noise(4096, 3, 1, 0x20));
    assert.equal(r.reason, 'binary');
  });

  it('tolerates a stray DOS EOF (0x1A) in a text file', () => {
    assert.equal(ok(Buffer.from('正文\r\n\x1a', 'utf8')).text, '正文\r\n\x1a');
  });

  it('recognises PNG, PDF, ZIP and DOCX by magic number', () => {
    const png = fail(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    assert.equal(png.reason, 'binary');
    assert.match(png.message.zh, /PNG/);
    assert.match(fail(Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1')).message.en, /PDF/);
    const zipHeader = Buffer.from('504b0304140000000800', 'hex');
    assert.match(fail(Buffer.concat([zipHeader, Buffer.from('readme.txt')])).message.en, /ZIP/);
    const docx = fail(Buffer.concat([zipHeader, Buffer.from('[Content_Types].xml....word/document.xml')]));
    assert.equal(docx.message.zh, '这是 Word 文档（.docx），请先另存为纯文本');
    assert.equal(docx.message.en, 'This is a Word document (.docx); save it as plain text first');
  });

  it('rejects NUL bytes in an otherwise textual file, and all-NUL files as empty-binary', () => {
    const r = fail(Buffer.concat([Buffer.from('政府信息公开', 'utf8'), Buffer.from([0]), Buffer.from('abc')]));
    assert.equal(r.reason, 'binary');
    assert.match(r.message.en, /NUL/);
    assert.equal(fail(Buffer.alloc(1024)).reason, 'empty-binary');
  });

  // Speed is the benchmark's (npm run bench, big documents); here: 10 MB inputs are classified right.
  it('classifies 10 MB inputs: a long report is text, 10 MB of noise is refused', () => {
    const big = Buffer.from(REPORT.repeat(200_000), 'utf8'); // ~10 MB
    ok(big);
    assert.notEqual(fail(noise(10_000_000, 1)).reason, undefined);
  });
});

describe('io/files', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-io-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function collect(inputs: string[], opts?: { extensions?: string[] }) {
    const out: InputEntry[] = [];
    for await (const e of expandInputs(inputs, opts)) out.push(e);
    return out;
  }
  const rel = (p: string) => path.relative(tmp, p).split(path.sep).join('/');
  const write = (p: string, s = 'x') => {
    fs.mkdirSync(path.dirname(path.join(tmp, p)), { recursive: true });
    fs.writeFileSync(path.join(tmp, p), s);
  };

  it('walks directories recursively in sorted order, filtering by extension', async () => {
    for (const f of ['b/2.TXT', 'b/1.md', 'a.govreport', 'c/d/e/deep.txt', 'skip.xlsx', 'r.docx', 'p.PDF', 'w.htm', 'node_modules/x.txt', '.git/y.txt', 'b/.hidden/z.txt']) write(f);
    const entries = await collect([tmp]);
    // Word, PDF and web pages are reports too (read by io/readers); spreadsheets are not.
    assert.deepEqual(entries.map((e) => rel(e.path)), ['a.govreport', 'b/1.md', 'b/2.TXT', 'c/d/e/deep.txt', 'p.PDF', 'r.docx', 'w.htm']);
    assert.ok(entries.every((e) => !('error' in e)));
  });

  it('yields explicit files as given, whatever their extension', async () => {
    write('report.docx');
    const given = path.join(tmp, 'report.docx');
    assert.deepEqual(await collect([given]), [{ path: given }]);
  });

  it('honours opts.extensions', async () => {
    write('a.txt');
    write('b.rpt');
    assert.deepEqual((await collect([tmp], { extensions: ['rpt'] })).map((e) => rel(e.path)), ['b.rpt']);
  });

  it('reports a symlink loop once and keeps walking', async () => {
    write('a/r.txt');
    write('z.txt');
    fs.symlinkSync('..', path.join(tmp, 'a', 'up'));
    fs.symlinkSync('.', path.join(tmp, 'self'));
    const entries = await collect([tmp]);
    const loops = entries.filter((e) => 'error' in e && e.error.code === 'SYMLINK_LOOP');
    assert.equal(loops.length, 1, JSON.stringify(entries));
    assert.deepEqual(entries.filter((e) => !('error' in e)).map((e) => rel(e.path)), ['a/r.txt', 'z.txt']);
  });

  it('turns missing paths and dangling symlinks into ENOENT entries', async () => {
    write('ok.txt');
    fs.symlinkSync(path.join(tmp, 'gone.txt'), path.join(tmp, 'dangling.txt'));
    const missing = path.join(tmp, 'nope');
    const entries = await collect([missing, tmp]);
    assert.deepEqual(entries.map((e) => [rel(e.path), 'error' in e ? e.error.code : 'file']), [
      ['nope', 'ENOENT'],
      ['dangling.txt', 'ENOENT'],
      ['ok.txt', 'file'],
    ]);
    const err = entries[0];
    assert.ok('error' in err && err.error.zh.includes('不存在') && /No such file/.test(err.error.en));
  });

  it('reports unreadable directories and files as permission errors', async function () {
    if (process.getuid?.() === 0 || process.platform === 'win32') {
      // Root bypasses mode bits, so chmod 000 cannot produce EACCES here; ENOENT is covered above.
      this.skip();
    }
    write('locked/r.txt');
    write('secret.txt');
    fs.chmodSync(path.join(tmp, 'locked'), 0o000);
    fs.chmodSync(path.join(tmp, 'secret.txt'), 0o000);
    try {
      const entries = await collect([tmp]);
      assert.ok(entries.some((e) => 'error' in e && e.error.code === 'EACCES' && rel(e.path) === 'locked'));
      const r = readFileBytes(path.join(tmp, 'secret.txt'));
      assert.ok(!r.ok && r.error.code === 'EACCES' && r.error.zh.includes('权限'));
    } finally {
      fs.chmodSync(path.join(tmp, 'locked'), 0o755);
    }
  });

  it('reports NO_FILES for a directory without report files', async () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    write('other/pic.png');
    const entries = await collect([path.join(tmp, 'empty'), path.join(tmp, 'other')]);
    assert.deepEqual(entries.map((e) => ('error' in e ? e.error.code : 'file')), ['NO_FILES', 'NO_FILES']);
    const e = entries[0];
    assert.ok('error' in e && e.error.zh.includes('.txt/.md/.govreport'));
  });

  it('readFileBytes returns bytes or a structured error, never throws', () => {
    write('r.txt', '政府');
    const r = readFileBytes(path.join(tmp, 'r.txt'));
    assert.ok(r.ok);
    assert.equal(Buffer.from(r.bytes).toString('utf8'), '政府');
    const missing = readFileBytes(path.join(tmp, 'missing.txt'));
    assert.ok(!missing.ok && missing.error.code === 'ENOENT');
    const dir = readFileBytes(tmp);
    assert.ok(!dir.ok && dir.error.code === 'NOT_REGULAR' && dir.error.zh.includes('目录'), JSON.stringify(dir));
  });
});
