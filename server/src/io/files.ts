// File-system side of the CLI: which files to check, reading them, and writing fixes back.
// Editor-neutral on purpose (no `vscode`): the extension goes through the editor's own buffers.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ReportEncoding } from './decode';

export type FileError = { code: string; zh: string; en: string };
export type InputEntry = { path: string } | { path: string; error: FileError };

// .docx/.html/.htm/.pdf go through their readers (io/source-file.ts).
export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.govreport', '.docx', '.html', '.htm', '.pdf'];

/** Turns a Node fs error into a message a non-programmer can act on. */
export function fsError(err: unknown): FileError {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : 'EUNKNOWN';
  switch (code) {
    case 'ENOENT':
      return { code, zh: '文件或目录不存在（或符号链接指向的目标不存在）', en: 'No such file or directory (or the symlink target is missing)' };
    case 'EACCES':
    case 'EPERM':
      return { code, zh: '没有权限读取或写入', en: 'Permission denied' };
    case 'EISDIR':
      return { code, zh: '这是一个目录，不是文件', en: 'This is a directory, not a file' };
    case 'ENOTDIR':
      return { code, zh: '路径中的某一部分不是目录', en: 'A component of the path is not a directory' };
    case 'ELOOP':
      return { code, zh: '符号链接层级过多（可能存在循环）', en: 'Too many levels of symbolic links (possibly a loop)' };
    case 'EMFILE':
    case 'ENFILE':
      return { code, zh: '同时打开的文件过多', en: 'Too many open files' };
    default: {
      const detail = e instanceof Error ? e.message : String(err);
      return { code, zh: `无法访问：${detail}`, en: `Cannot access: ${detail}` };
    }
  }
}

const normalizeExt = (ext: string): string => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase();

/**
 * Expands CLI arguments into files. Explicit arguments are trusted (any extension); directories
 * are filtered by extension. Errors are yielded, not thrown, so one bad path never stops a batch run.
 */
export async function* expandInputs(inputs: string[], opts: { extensions?: string[] } = {}): AsyncGenerator<InputEntry> {
  const exts = (opts.extensions ?? DEFAULT_EXTENSIONS).map(normalizeExt);
  const wanted = (name: string): boolean => {
    const lower = name.toLowerCase();
    return exts.some((e) => lower.endsWith(e));
  };

  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = await fsp.stat(input);
    } catch (err) {
      yield { path: input, error: fsError(err) };
      continue;
    }
    if (!st.isDirectory()) {
      yield { path: input };
      continue;
    }
    const walk = new Walk(wanted);
    yield* walk.dir(input, []);
    if (walk.files === 0 && !walk.rootFailed) {
      const list = exts.join('/');
      yield { path: input, error: { code: 'NO_FILES', zh: `目录中没有可检查的报告文件（${list}）`, en: `No report files (${list}) found in this directory` } };
    }
  }
}

class Walk {
  files = 0;
  rootFailed = false;
  // Real paths already walked: a second route to the same directory (diamond of symlinks) is skipped.
  private visited = new Set<string>();
  private loopsReported = new Set<string>();

  constructor(private wanted: (name: string) => boolean) {}

  /** `ancestors` holds the real paths on the current route, which is what makes a revisit a loop. */
  async *dir(dir: string, ancestors: string[]): AsyncGenerator<InputEntry> {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = await fsp.realpath(dir);
      if (ancestors.includes(real)) {
        if (!this.loopsReported.has(real)) {
          this.loopsReported.add(real);
          yield { path: dir, error: { code: 'SYMLINK_LOOP', zh: '符号链接形成循环，已跳过', en: 'Symbolic link loop; skipped' } };
        }
        return;
      }
      if (this.visited.has(real)) return;
      this.visited.add(real);
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (ancestors.length === 0) this.rootFailed = true;
      yield { path: dir, error: fsError(err) };
      return;
    }
    // Code-unit order, not locale order: output must be identical on every machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const route = [...ancestors, real];

    for (const entry of entries) {
      // Dot-entries are VCS/editor state, and macOS "._x.txt" files are binary resource forks.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await fsp.stat(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          // A dangling link only matters if it would have been a report.
          if (this.wanted(entry.name)) yield { path: full, error: fsError(err) };
          continue;
        }
      }
      if (isDir) {
        yield* this.dir(full, route);
      } else if (isFile && this.wanted(entry.name)) {
        this.files++;
        yield { path: full };
      }
    }
  }
}

/**
 * Reads a whole file. Synchronous because the CLI processes files one at a time anyway and
 * a sync call keeps the result usable with or without `await`. Never throws.
 */
export function readFileBytes(file: string): { ok: true; bytes: Uint8Array } | { ok: false; error: FileError } {
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (err) {
    return { ok: false, error: fsError(err) };
  }
}

function encode(text: string, encoding: ReportEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
    case 'gb18030': // Node has no GB18030 encoder; the caller is told via encodingChanged.
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/**
 * Replaces a file's content so that a crash or full disk leaves either the old or the new file,
 * never a truncated one. Line endings are written exactly as they appear in `text`.
 */
export async function writeFileAtomic(file: string, text: string, encoding: ReportEncoding): Promise<{ encodingChanged: boolean }> {
  const data = encode(text, encoding);
  // Write through symlinks, so the link stays a link instead of being replaced by a regular file.
  let target = file;
  let original: fs.Stats | undefined;
  try {
    target = await fsp.realpath(file);
    original = await fsp.stat(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  const dir = path.dirname(target);
  // Same directory, so rename stays on one filesystem and is atomic; dot-prefixed so walks skip it.
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(tmp, 'wx', 0o666);
    await handle.writeFile(data);
    if (original) {
      // An explicit chmod is immune to umask, so 0644/0600/0755 survive exactly.
      await handle.chmod(original.mode & 0o7777);
      // Only succeeds as root; keeps a fixed file owned by its owner rather than by root.
      if (original.uid !== process.getuid?.() || original.gid !== process.getgid?.()) {
        await handle.chown(original.uid, original.gid).catch(() => undefined);
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fsp.unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
  return { encodingChanged: encoding === 'gb18030' };
}

// Persists the rename itself. Best effort: Windows cannot open directories for fsync.
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Durability nicety only; the content is already safely in place.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
