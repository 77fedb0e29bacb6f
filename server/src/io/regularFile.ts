// Reading a report or a configuration file without trusting what the path points at: only a
// regular file is read, never more than a size limit, and never by blocking on a FIFO or a device.
// `fs.readFileSync('/dev/zero')` grows without bound and a FIFO blocks forever; both were reachable
// through a committed `.govreportrc.json` symlink.
import * as fs from 'node:fs';
import { fsError, type FileError } from './fsError';
import { MiB, formatSize } from './size';

export { MiB, formatSize, parseSize } from './size';

/** Reports above this are refused unless the user raises the limit (--max-file-size, "maxFileSize"). */
export const DEFAULT_REPORT_LIMIT = 256 * MiB;
/** A configuration is a few hundred bytes; anything near this is a mistake or an attack. */
export const CONFIG_LIMIT = 64 * MiB;
// V8 cannot hold a string longer than about 2^29 characters: decoding more than this throws.
export const HARD_LIMIT = 512 * MiB - 64;

/** What identifies the content that was read, to notice a change before writing back. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export type ReadResult = { ok: true; bytes: Buffer; stamp: FileStamp } | { ok: false; error: FileError };

// O_NONBLOCK makes opening a FIFO without a writer return at once instead of waiting for one;
// for a regular file it changes nothing. Windows has no such flag (and no FIFOs on paths).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export const stampOf = (st: fs.Stats): FileStamp => ({ dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs });
export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

function kindOf(st: fs.Stats): { zh: string; en: string } {
  if (st.isDirectory()) return { zh: '目录', en: 'a directory' };
  if (st.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (st.isSocket()) return { zh: '套接字', en: 'a socket' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { zh: '设备文件', en: 'a device' };
  return { zh: '特殊文件', en: 'a special file' };
}

export function tooLarge(size: number | string, limit: number): FileError {
  const s = typeof size === 'number' ? formatSize(size) : size;
  return {
    code: 'TOO_LARGE',
    zh: `文件过大（${s}，上限 ${formatSize(limit)}），未读取；如确需检查，请用 --max-file-size 或配置项 "maxFileSize" 调高上限`,
    en: `File too large (${s}, limit ${formatSize(limit)}); not read. Raise the limit with --max-file-size or the "maxFileSize" setting if needed`,
  };
}

/** Reads an open descriptor until EOF, but never past `limit` bytes (a regular file may still grow). */
function readCapped(fd: number, expected: number, limit: number): Buffer | undefined {
  let buf = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > limit) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(buf.length * 2, 64 * 1024)));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return length > limit ? undefined : buf.subarray(0, length);
}

/**
 * Opens `file` (following symlinks), checks on the opened descriptor that it is a regular file
 * within `limit` bytes, and reads it. Never throws, never blocks on a FIFO, never reads a device.
 */
export function readRegularFile(file: fs.PathLike, limit: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    // fstat, not stat: what is checked is what was opened, even if the path is swapped meanwhile.
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const k = kindOf(st);
      return { ok: false, error: { code: 'NOT_REGULAR', zh: `这不是普通文件，而是${k.zh}，未读取`, en: `Not a regular file but ${k.en}; not read` } };
    }
    const cap = Math.min(limit, HARD_LIMIT);
    if (st.size > cap) return { ok: false, error: tooLarge(st.size, cap) };
    const bytes = readCapped(fd, st.size, cap);
    if (!bytes) return { ok: false, error: tooLarge(`> ${formatSize(cap)}`, cap) };
    return { ok: true, bytes, stamp: stampOf(st) };
  } catch (err) {
    return { ok: false, error: fsError(err) };
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* nothing left to do with it */ }
  }
}

