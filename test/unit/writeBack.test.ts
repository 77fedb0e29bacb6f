// Writing fixes back (io/writeBack.ts): the file's own encoding and line endings, every byte outside
// the fixed spans identical, nothing written when that cannot be guaranteed or the file is not ours
// to change. Files are real files in a temp folder; fixes are the checker's own (fixAll).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { decodeReport, type ReportEncoding } from '../../server/src/io/decode';
import { readFileBytes } from '../../server/src/io/files';
import { writeFixed } from '../../server/src/io/writeBack';
import { fixAll } from '../../server/src/fix';

// The fs module object itself (the namespace import above is a read-only view of it): patched in a few
// tests to act at an exact moment (another program appending, a full disk).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require('node:fs');

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SAMPLES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));

// The test's own encoders (Node's Buffer, and iconv-lite for GB18030 as a GBK editor would save).
function encode(text: string, enc: ReportEncoding): Buffer {
  switch (enc) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from('efbbbf', 'hex'), Buffer.from(text, 'utf8')]);
    case 'utf-16le': return Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from('feff', 'hex'), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030': return iconv.encode(text, 'gb18030');
  }
}

// Every third line CRLF, LF, CR: what a report edited on several machines ends up with.
const mixed = (t: string) => t.split('\n').map((l, i) => l + (['\r\n', '\n', '\r'] as const)[i % 3]).join('').slice(0, -1);

const VARIANTS: { name: string; enc: ReportEncoding; text: (t: string) => string }[] = [
  { name: 'UTF-8', enc: 'utf-8', text: (t) => t },
  { name: 'UTF-8 BOM', enc: 'utf-8-bom', text: (t) => t },
  { name: 'UTF-16LE', enc: 'utf-16le', text: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'UTF-16BE', enc: 'utf-16be', text: (t) => t },
  { name: 'GB18030', enc: 'gb18030', text: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'CRLF', enc: 'utf-8', text: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'mixed endings', enc: 'utf-8', text: mixed },
  { name: 'GB18030 mixed endings', enc: 'gb18030', text: mixed },
];

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-wb-')); });
afterEach(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

/** Reads, fixes and writes back `file` the way `check --fix` does. */
function fixFile(file: string) {
  const read = readFileBytes(file);
  if (!read.ok) assert.fail(read.error.en);
  const decoded = decodeReport(read.bytes);
  if (!decoded.ok) assert.fail(decoded.message.en);
  const fixed = fixAll(decoded.text, {});
  return { read, decoded, fixed: fixed.text, outcome: writeFixed(file, read, decoded, fixed.text) };
}

describe('io/writeBack', () => {
  describe('keeps every byte outside the fixes, in the file’s own encoding', () => {
    for (const sample of SAMPLES) {
      for (const v of VARIANTS) {
        it(`${sample} × ${v.name}`, () => {
          // A standard title shortened, so that every sample has at least one fix (section-title).
          const text = v.text(fs.readFileSync(path.join(FIXTURES, sample), 'utf8').replace('主动公开政府信息情况', '主动公开政府信息'));
          const original = encode(text, v.enc);
          const file = path.join(tmp, sample);
          fs.writeFileSync(file, original);
          const { decoded, fixed, outcome } = fixFile(file);
          assert.equal(decoded.encoding, v.enc);
          assert.notEqual(fixed, text, 'the sample has fixes');
          assert.deepEqual(outcome, { written: true, how: 'rename' });
          const after = fs.readFileSync(file);
          // Byte for byte what an editor saving the fixed text in this encoding would write ...
          assert.ok(after.equals(encode(fixed, v.enc)), 'bytes differ from the fixed text in the original encoding');
          // ... and the bytes before the first and after the last changed character are the original ones.
          let p = 0;
          while (text[p] === fixed[p]) p++;
          let s = 0;
          while (s < text.length - p && text[text.length - 1 - s] === fixed[fixed.length - 1 - s]) s++;
          const head = encode(text.slice(0, p), v.enc).length;
          const tail = encode(text.slice(text.length - s), v.enc).length - (v.enc === 'utf-8' || v.enc === 'gb18030' ? 0 : v.enc === 'utf-8-bom' ? 3 : 2);
          assert.ok(after.subarray(0, head).equals(original.subarray(0, head)));
          assert.ok(after.subarray(after.length - tail).equals(original.subarray(original.length - tail)));
        });
      }
    }
  });

  it('writes a GBK report back as GBK (the bytes of “政府信息公开” from the GB2312 table)', () => {
    const file = path.join(tmp, 'gbk.txt');
    const report = fs.readFileSync(path.join(FIXTURES, 'kunming-xishan-health-2022-pipe.txt'), 'utf8').replace('主动公开政府信息情况', '主动公开政府信息');
    fs.writeFileSync(file, iconv.encode(report, 'gbk'));
    assert.equal(fixFile(file).outcome.written, true);
    const after = fs.readFileSync(file);
    assert.ok(after.includes(Buffer.from('d5feb8aed0c5cfa2b9abbfaa', 'hex')), 'GBK bytes kept');
    assert.ok(!after.includes(Buffer.from('政府信息公开', 'utf8')), 'no UTF-8 written');
    assert.ok(after.includes(iconv.encode('二、主动公开政府信息情况', 'gbk')), 'the fix is written in GBK');
  });

  it('does not rewrite a GBK file with a damaged byte, and says where it is', () => {
    const file = path.join(tmp, 'damaged.txt');
    const report = fs.readFileSync(path.join(FIXTURES, 'kunming-xishan-health-2022-pipe.txt'), 'utf8').replace('主动公开政府信息情况', '主动公开政府信息');
    const gbk = iconv.encode(report, 'gbk');
    // 0xFF is never a GBK/GB18030 byte: the decoder shows it as U+FFFD, which cannot be written back as 0xFF.
    const at = gbk.indexOf(iconv.encode('本机关', 'gbk'));
    const damaged = Buffer.concat([gbk.subarray(0, at), Buffer.from([0xff]), gbk.subarray(at)]);
    fs.writeFileSync(file, damaged);
    const { decoded, fixed, outcome } = fixFile(file);
    assert.equal(decoded.encoding, 'gb18030');
    assert.notEqual(fixed, decoded.text);
    assert.equal(outcome.written, false);
    if (outcome.written) return;
    assert.equal(outcome.notice.code, 'LOSSY_ENCODING');
    const line = decoded.text.slice(0, decoded.text.indexOf('\ufffd')).split('\n').length;
    assert.match(outcome.notice.zh, new RegExp(`第 ${line}:\\d+（行:列）处有无法识别的字节.*文件未改动`));
    assert.ok(fs.readFileSync(file).equals(damaged), 'not one byte changed');
    assert.deepEqual(fs.readdirSync(tmp), ['damaged.txt']);
  });

  it('refuses a fixed text the encoding cannot hold (an unpaired surrogate in GB18030)', () => {
    const file = path.join(tmp, 'r.txt');
    fs.writeFileSync(file, iconv.encode('一、总体情况\r\n', 'gb18030'));
    const read = readFileBytes(file);
    assert.ok(read.ok);
    const decoded = decodeReport(read.bytes);
    assert.ok(decoded.ok);
    const outcome = writeFixed(file, read, decoded, '一、总体情况\ud800\r\n');
    assert.equal(outcome.written ? 'written' : outcome.notice.code, 'LOSSY_ENCODING');
  });

  it('a GBK file whose only Chinese text is fixed away is still written (it now reads as ASCII)', () => {
    const file = path.join(tmp, 'r.txt');
    fs.writeFileSync(file, iconv.encode('总计\r\n12\r\n', 'gbk'));
    const read = readFileBytes(file);
    assert.ok(read.ok);
    const decoded = decodeReport(read.bytes);
    assert.ok(decoded.ok && decoded.encoding === 'gb18030');
    assert.equal(writeFixed(file, read, decoded, '12\r\n').written, true);
    assert.equal(fs.readFileSync(file, 'latin1'), '12\r\n');
  });

  describe('files respected', () => {
    const REPORT = () => fs.readFileSync(path.join(FIXTURES, 'lushan-health-2021-tab.txt'));

    function prepared(name = 'r.txt') {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, REPORT());
      const read = readFileBytes(file);
      if (!read.ok) assert.fail(read.error.en);
      const decoded = decodeReport(read.bytes);
      if (!decoded.ok) assert.fail(decoded.message.en);
      const fixed = fixAll(decoded.text, {}).text;
      assert.notEqual(fixed, decoded.text);
      return { file, read, decoded, fixed };
    }

    it('does not write a read-only file (0444), even as root', function () {
      if (process.platform === 'win32') this.skip(); // no POSIX mode bits
      const { file, read, decoded, fixed } = prepared();
      fs.chmodSync(file, 0o444);
      const outcome = writeFixed(file, read, decoded, fixed);
      assert.equal(outcome.written ? 'written' : outcome.notice.code, 'READ_ONLY');
      assert.ok(fs.readFileSync(file).equals(REPORT()));
      assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    });

    it('leaves the file alone when text was appended after it was read', () => {
      const { file, read, decoded, fixed } = prepared();
      fs.appendFileSync(file, '\n六、其他需要报告的事项（补充）\n');
      const outcome = writeFixed(file, read, decoded, fixed);
      assert.equal(outcome.written ? 'written' : outcome.notice.code, 'CHANGED');
      assert.ok(fs.readFileSync(file).toString('utf8').endsWith('（补充）\n'), 'the appended text is kept');
      assert.deepEqual(fs.readdirSync(tmp), ['r.txt']);
    });

    it('leaves the file alone when it changes while the new content is being written', () => {
      const { file, read, decoded, fixed } = prepared();
      // Another program appends at the moment the temp file is flushed, i.e. after the first check.
      const fsync = fs.fsyncSync;
      let appended = false;
      (nodeFs as { fsyncSync: typeof fs.fsyncSync }).fsyncSync = (fd) => {
        if (!appended) { appended = true; fs.appendFileSync(file, 'late'); }
        return fsync(fd);
      };
      try {
        const outcome = writeFixed(file, read, decoded, fixed);
        assert.equal(outcome.written ? 'written' : outcome.notice.code, 'CHANGED');
      } finally {
        (nodeFs as { fsyncSync: typeof fs.fsyncSync }).fsyncSync = fsync;
      }
      assert.ok(appended);
      assert.ok(fs.readFileSync(file).toString('utf8').endsWith('late'));
      assert.deepEqual(fs.readdirSync(tmp), ['r.txt'], 'temp file removed');
    });

    it('creates the temp file 0600 and only then writes content; the result gets the original mode', function () {
      if (process.platform === 'win32') this.skip();
      const { file, read, decoded, fixed } = prepared();
      fs.chmodSync(file, 0o640);
      const write = fs.writeSync;
      const modes: number[] = [];
      (nodeFs as { writeSync: unknown }).writeSync = (fd: number, ...rest: unknown[]) => {
        modes.push(fs.fstatSync(fd).mode & 0o777);
        return (write as (...a: unknown[]) => number)(fd, ...rest);
      };
      try {
        assert.equal(writeFixed(file, read, decoded, fixed).written, true);
      } finally {
        (nodeFs as { writeSync: unknown }).writeSync = write;
      }
      assert.ok(modes.length > 0 && modes.every((m) => m === 0o600), `modes at write time: ${modes.map((m) => m.toString(8))}`);
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.equal(fs.readFileSync(file, 'utf8'), fixed);
      assert.deepEqual(fs.readdirSync(tmp), ['r.txt']);
    });

    it('keeps the set-id and sticky bits of the mode on the rename path (chmod after chown, which clears them)', function () {
      if (process.platform === 'win32') this.skip();
      const { file, decoded, fixed } = prepared();
      fs.chmodSync(file, 0o3664);
      if ((fs.statSync(file).mode & 0o7777) !== 0o3664) this.skip(); // a file system that drops them itself
      const again = readFileBytes(file);
      assert.ok(again.ok);
      assert.deepEqual(writeFixed(file, again, decoded, fixed), { written: true, how: 'rename' });
      assert.equal((fs.statSync(file).mode & 0o7777).toString(8), '3664');
    });

    it('writes through a symlink, which stays a link', () => {
      const { file, read, decoded, fixed } = prepared('real.txt');
      const link = path.join(tmp, 'link.txt');
      fs.symlinkSync('real.txt', link);
      assert.equal(writeFixed(link, read, decoded, fixed).written, true);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(file, 'utf8'), fixed);
    });

    it('does not replace a symlink whose target disappeared with a regular file', () => {
      const { file, read, decoded, fixed } = prepared('real.txt');
      const link = path.join(tmp, 'link.txt');
      fs.symlinkSync('real.txt', link);
      fs.unlinkSync(file);
      const outcome = writeFixed(link, read, decoded, fixed);
      assert.equal(outcome.written ? 'written' : outcome.notice.code, 'DANGLING_LINK');
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.deepEqual(fs.readdirSync(tmp), ['link.txt']);
    });

    it('keeps hard links linked (rewrites the file in place)', () => {
      const { file, read, decoded, fixed } = prepared();
      const other = path.join(tmp, 'other-name.txt');
      fs.linkSync(file, other);
      const ino = fs.statSync(file).ino;
      assert.deepEqual(writeFixed(file, read, decoded, fixed), { written: true, how: 'in-place' });
      assert.equal(fs.statSync(file).ino, ino);
      assert.equal(fs.statSync(other).nlink, 2);
      assert.equal(fs.readFileSync(other, 'utf8'), fixed);
    });

    it('keeps owner and group (as root)', function () {
      if (process.getuid?.() !== 0) this.skip(); // only root may give a file to another user
      const { file, read, decoded, fixed } = prepared();
      fs.chownSync(file, 65534, 65534);
      const again = readFileBytes(file); // chown changes ctime only, but read afresh like the CLI would
      assert.ok(again.ok);
      assert.equal(writeFixed(file, again, decoded, fixed).written, true);
      const st = fs.statSync(file);
      assert.deepEqual([st.uid, st.gid], [65534, 65534]);
      void read;
    });

    it('turns a full disk into a notice, leaving the original and no temp file', () => {
      const { file, read, decoded, fixed } = prepared();
      const write = fs.writeSync;
      (nodeFs as { writeSync: unknown }).writeSync = () => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); };
      let outcome;
      try {
        outcome = writeFixed(file, read, decoded, fixed);
      } finally {
        (nodeFs as { writeSync: unknown }).writeSync = write;
      }
      assert.equal(outcome.written ? 'written' : outcome.notice.code, 'WRITE_FAILED');
      assert.ok(!outcome.written && outcome.notice.zh.includes('磁盘空间不足') && /No space left/.test(outcome.notice.en));
      assert.ok(fs.readFileSync(file).equals(REPORT()));
      assert.deepEqual(fs.readdirSync(tmp), ['r.txt']);
    });
  });
});
