// Writing a fixed report back: in its own encoding, identical outside the fixed spans, or not at
// all. The file on disk must still be the one that was read (nobody appended meanwhile), must be
// writable by the user (a read-only file stays untouched even for root), and keeps what makes it
// that file: a symlink stays a link, hard links stay linked, owner, group and mode (set-id and sticky bits too)
// are kept. The atomic rename path cannot carry extended attributes, ACLs or the SELinux label over (Node has no
// API for them); the in-place path keeps them (README "Files respected").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeReport, type ReportEncoding } from './decode';
import { bomOf, encodeBody, encodeText } from './encode';
import { fsError } from './fsError';
import { HARD_LIMIT, readRegularFile, sameStamp, stampOf, type FileStamp } from './regularFile';

/** Why a file was not written; printed by the text output, carried by JSON/SARIF. */
export interface Notice {
  code: 'LOSSY_ENCODING' | 'READ_ONLY' | 'CHANGED' | 'DANGLING_LINK' | 'NOT_REGULAR' | 'WRITE_FAILED';
  zh: string;
  en: string;
}

export type WriteOutcome =
  /** `rename`: a new file replaced the old one atomically; `in-place`: the file itself was rewritten (hard links, foreign owner). */
  | { written: true; how: 'rename' | 'in-place' }
  | { written: false; notice: Notice };

export interface ReadFile { bytes: Buffer; stamp: FileStamp }
export interface Decoded { text: string; encoding: ReportEncoding }

const notice = (code: Notice['code'], zh: string, en: string): Notice => ({ code, zh: `${zh}；文件未改动`, en: `${en}; the file was not changed` });
const refuse = (code: Notice['code'], zh: string, en: string): WriteOutcome => ({ written: false, notice: notice(code, zh, en) });

function lineCol(text: string, index: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; start = i + 1; }
  }
  return `${line}:${index - start + 1}`;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The new file's bytes: the original bytes up to the first changed character, the changed middle
 * encoded, the original bytes after the last changed character. Undefined (with a notice) when the
 * original cannot be reproduced from its text, i.e. when the decoder replaced damaged bytes.
 */
export function spliceBytes(original: Buffer, decoded: Decoded, newText: string): { bytes: Buffer } | { notice: Notice } {
  const { text: a, encoding } = decoded;
  // Byte offsets are computed by encoding the text before and after the change, which is only
  // right if the whole text encodes back to exactly the original bytes.
  if (!encodeText(a, encoding).equals(original)) {
    const bad = a.indexOf('\ufffd');
    const where = bad >= 0 ? lineCol(a, bad) : undefined;
    return { notice: notice('LOSSY_ENCODING',
      where ? `第 ${where}（行:列）处有无法识别的字节（显示为 �），按 ${encoding} 写回会改变它。请先在编辑器中修正该处` : `按原编码（${encoding}）写回无法保留原有字节`,
      where ? `undecodable bytes at ${where} (shown as �) would be changed by writing the file back as ${encoding}; repair them in an editor first` : `the file cannot be written back in its encoding (${encoding}) without changing other bytes`) };
  }
  const max = Math.min(a.length, newText.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === newText.charCodeAt(p)) p++;
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  const head = bomOf(encoding).length + encodeBody(a.slice(0, p), encoding).length;
  const tail = encodeBody(a.slice(a.length - s), encoding).length;
  const bytes = Buffer.concat([original.subarray(0, head), encodeBody(newText.slice(p, newText.length - s), encoding), original.subarray(original.length - tail)]);
  // The end-to-end guarantee: reading the new file gives exactly the fixed text, in the same encoding
  // (catches characters the encoding cannot hold, e.g. an unpaired surrogate written as "?").
  const back = decodeReport(bytes);
  // (A GBK file whose last non-ASCII character was fixed away reads back as UTF-8: same bytes, fine.)
  const sameEncoding = back.ok && (back.encoding === encoding || (encoding === 'gb18030' && back.encoding === 'utf-8'));
  if (!back.ok || !sameEncoding || back.text !== newText) {
    return { notice: notice('LOSSY_ENCODING', `修复后的文本无法用原编码（${encoding}）无损保存`, `the fixed text cannot be stored losslessly in the file's encoding (${encoding})`) };
  }
  return { bytes };
}

type Target = { path: fs.PathLike; st: fs.Stats } | { outcome: WriteOutcome };

function resolveTarget(file: fs.PathLike, read: ReadFile): Target {
  let target: fs.PathLike = file;
  try {
    if (fs.lstatSync(file).isSymbolicLink()) {
      // Write the file the link points to, so the link stays a link.
      target = Buffer.isBuffer(file) ? fs.realpathSync(file, { encoding: 'buffer' }) : fs.realpathSync(file);
    }
  } catch (err) {
    const e = fsError(err);
    if (e.code === 'ENOENT') return { outcome: refuse('DANGLING_LINK', '符号链接指向的文件已不存在，不会用普通文件替换该链接', 'the symlink points to a file that no longer exists; the link is not replaced by a regular file') };
    return { outcome: refuse('WRITE_FAILED', e.zh, e.en) };
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch (err) {
    const e = fsError(err);
    return { outcome: refuse('WRITE_FAILED', e.zh, e.en) };
  }
  if (!st.isFile()) return { outcome: refuse('NOT_REGULAR', '这不是普通文件', 'not a regular file') };
  // No write bit at all means "read-only" to its owner, and root would otherwise override it.
  let writable = (st.mode & 0o222) !== 0;
  if (writable) {
    try { fs.accessSync(target, fs.constants.W_OK); } catch { writable = false; }
  }
  if (!writable) return { outcome: refuse('READ_ONLY', '文件是只读的（或没有写权限），未写入修复', 'the file is read-only (or not writable by you); fixes were not written') };
  if (!sameStamp(stampOf(st), read.stamp)) return { outcome: changed() };
  return { path: target, st };
}

const changed = (): WriteOutcome => refuse('CHANGED', '检查期间文件被修改过（大小、时间或内容与读取时不同），为免覆盖他人的改动，未写入修复。请重新运行', 'the file changed while it was being checked (size, time or content differ from what was read); fixes were not written so as not to overwrite that change. Run again');

/** True if the file at `p` still holds exactly the bytes that were read. */
function unchanged(p: fs.PathLike, read: ReadFile): boolean {
  const now = readRegularFile(p, Math.min(HARD_LIMIT, read.bytes.length + 1));
  return now.ok && sameStamp(now.stamp, read.stamp) && now.bytes.equals(read.bytes);
}

function writeAll(fd: number, data: Buffer, position: number): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done, position + done);
}

function dirOf(p: fs.PathLike): fs.PathLike {
  if (!Buffer.isBuffer(p)) return path.dirname(String(p));
  const slash = p.lastIndexOf(0x2f);
  return slash < 0 ? '.' : slash === 0 ? '/' : p.subarray(0, slash);
}

function join(dir: fs.PathLike, name: string): fs.PathLike {
  return Buffer.isBuffer(dir) ? Buffer.concat([dir, Buffer.from(`/${name}`)]) : path.join(String(dir), name);
}

/** Whether a new file made by this process can be given the old file's owner and group. */
function ownerReproducible(st: fs.Stats): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0) return true;
  return st.uid === uid && (st.gid === process.getgid?.() || (process.getgroups?.() ?? []).includes(st.gid));
}

/**
 * Writes the fixed text. Never throws: every refusal and failure is a notice. A file with one link
 * whose owner this process can reproduce is replaced atomically (temp file in the same folder,
 * created 0600, filled, given the old owner and mode, checked again, renamed); a file with several
 * hard links or a foreign owner is rewritten in place from the first changed byte, so the links and
 * the owner stay.
 */
export function writeFixed(file: fs.PathLike, read: ReadFile, decoded: Decoded, newText: string): WriteOutcome {
  const spliced = spliceBytes(read.bytes, decoded, newText);
  if ('notice' in spliced) return { written: false, notice: spliced.notice };
  const t = resolveTarget(file, read);
  if ('outcome' in t) return t.outcome;
  try {
    if (t.st.nlink > 1 || !ownerReproducible(t.st)) return writeInPlace(t.path, read, spliced.bytes);
    return replaceFile(t.path, t.st, read, spliced.bytes);
  } catch (err) {
    const e = fsError(err);
    return refuse('WRITE_FAILED', `无法写回修复后的文件：${e.zh}`, `could not write the fixed file: ${e.en}`);
  }
}

function replaceFile(target: fs.PathLike, st: fs.Stats, read: ReadFile, data: Buffer): WriteOutcome {
  const dir = dirOf(target);
  // Same folder, so the rename stays on one file system and is atomic; dot-named so walks skip it.
  const tmp = join(dir, `.govreport-fix-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    // 0600 from the start: nobody else can read the content while it is being written.
    fd = fs.openSync(tmp, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A writable file in a folder we may not create files in: rewrite the file itself. (EPERM, an
    // immutable or append-only folder, is a policy and is reported instead.)
    if (code === 'EACCES') return writeInPlace(target, read, data);
    throw err;
  }
  let renamed = false;
  try {
    writeAll(fd, data, 0);
    if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) fs.fchownSync(fd, st.uid, st.gid);
    // After chown (which clears set-id bits); an explicit chmod is immune to the umask.
    fs.fchmodSync(fd, st.mode & 0o7777);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    // The last moment before the switch: if someone wrote to the file meanwhile, keep their version.
    if (!unchanged(target, read)) return changed();
    fs.renameSync(tmp, target);
    renamed = true;
  } finally {
    if (fd !== -1) try { fs.closeSync(fd); } catch { /* already failing */ }
    if (!renamed) try { fs.unlinkSync(tmp); } catch { /* never created or already gone */ }
  }
  syncDir(dir);
  return { written: true, how: 'rename' };
}

function writeInPlace(target: fs.PathLike, read: ReadFile, data: Buffer): WriteOutcome {
  const fd = fs.openSync(target, 'r+');
  try {
    // Checked on the descriptor that is about to be written.
    const st = fs.fstatSync(fd);
    if (!sameStamp(stampOf(st), read.stamp)) return changed();
    const now = Buffer.allocUnsafe(read.bytes.length);
    let got = 0;
    while (got < now.length) {
      const n = fs.readSync(fd, now, got, now.length - got, got);
      if (n === 0) break;
      got += n;
    }
    if (got !== now.length || !now.equals(read.bytes)) return changed();
    let from = 0;
    while (from < data.length && from < read.bytes.length && data[from] === read.bytes[from]) from++;
    try {
      writeAll(fd, data.subarray(from), from);
      fs.ftruncateSync(fd, data.length);
      fs.fsyncSync(fd);
    } catch (err) {
      // Put the original bytes back (best effort) before reporting, e.g. after ENOSPC.
      try { writeAll(fd, read.bytes.subarray(from), from); fs.ftruncateSync(fd, read.bytes.length); } catch { /* report the first error */ }
      throw err;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { written: true, how: 'in-place' };
}

// Persists the rename itself. Best effort: Windows cannot open directories for fsync.
function syncDir(dir: fs.PathLike): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Durability nicety only; the content is already in place.
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* ignore */ }
  }
}
