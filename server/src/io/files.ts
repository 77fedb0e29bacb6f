// File-system side of the CLI: which files to check and reading them (writing fixes back is in
// writeBack.ts). Editor-neutral on purpose (no `vscode`): the extension goes through the editor's own buffers.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { fsError, type FileError } from './fsError';
import { readableName } from './names';
import { DEFAULT_REPORT_LIMIT, readRegularFile, type ReadResult } from './regularFile';

export type { FileError } from './fsError';
export { fsError } from './fsError';

/** `path` is what is shown; `fsPath`, when present, is the raw bytes to open (a name that is not UTF-8). */
export type InputEntry = { path: string; fsPath?: Buffer } | { path: string; fsPath?: Buffer; error: FileError };

// .docx/.html/.htm/.pdf go through their readers (io/source-file.ts).
export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.govreport', '.docx', '.html', '.htm', '.pdf'];

const normalizeExt = (ext: string): string => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase();

/**
 * Expands CLI arguments into files. Explicit arguments are trusted (any extension); directories
 * are filtered by extension. Errors are yielded, not thrown, so one bad path never stops a batch run.
 */
export async function* expandInputs(inputs: string[], opts: { extensions?: readonly string[] } = {}): AsyncGenerator<InputEntry> {
  const exts = (opts.extensions ?? DEFAULT_EXTENSIONS).map(normalizeExt);
  // Extensions are ASCII, and ASCII bytes mean the same in every encoding a name may be in.
  const wanted = (name: Buffer): boolean => {
    const lower = name.toString('latin1').toLowerCase();
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
    yield* walk.run(input, st);
    if (walk.files === 0 && !walk.rootFailed) {
      const list = exts.join('/');
      yield { path: input, error: { code: 'NO_FILES', zh: `目录中没有可检查的报告文件（${list}）`, en: `No report files (${list}) found in this directory` } };
    }
  }
}

/** A folder on the walk: how to open it (string, or bytes for a non-UTF-8 name) and how to show it. */
interface Place { fs: string | Buffer; shown: string }
interface Frame extends Place { key: string; entries: fs.Dirent<Buffer>[]; next: number }

const SEP = Buffer.from(path.sep);
const keyOf = (st: fs.Stats): string => `${st.dev}:${st.ino}`;

function child(parent: Place, name: Buffer): Place {
  if (typeof parent.fs === 'string' && isUtf8(name)) {
    const full = path.join(parent.fs, name.toString('utf8'));
    return { fs: full, shown: path.join(parent.shown, name.toString('utf8')) };
  }
  return { fs: Buffer.concat([Buffer.from(parent.fs), SEP, name]), shown: path.join(parent.shown, readableName(name)) };
}

/**
 * Depth-first, in byte order of the names, with an explicit stack: 3,000 nested folders cost 3,000
 * frames of heap, not 3,000 nested generators (which overflowed the stack and made every yielded
 * file climb back through all of them). Folders are identified by device and inode, so a symlink
 * back to an ancestor is a loop (reported once) and a second route to a folder is skipped.
 */
class Walk {
  files = 0;
  rootFailed = false;
  private visited = new Set<string>();
  private onRoute = new Set<string>();
  private loopsReported = new Set<string>();

  constructor(private wanted: (name: Buffer) => boolean) {}

  async *run(root: string, st: fs.Stats): AsyncGenerator<InputEntry> {
    const stack: Frame[] = [];
    const first = await this.open({ fs: root, shown: root }, st, stack);
    if (first !== true) {
      this.rootFailed = true;
      yield first;
      return;
    }
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next >= top.entries.length) {
        stack.pop();
        this.onRoute.delete(top.key);
        continue;
      }
      const entry = top.entries[top.next++];
      const name = entry.name;
      // Dot-entries are VCS/editor state, and macOS "._x.txt" files are binary resource forks.
      if (name[0] === 0x2e || name.toString('latin1') === 'node_modules') continue;
      const place = child(top, name);
      const raw = typeof place.fs === 'string' ? undefined : place.fs;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let st: fs.Stats | undefined;
      if (entry.isSymbolicLink() || isDir) {
        try {
          st = await fsp.stat(place.fs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          // A dangling link only matters if it would have been a report.
          if (isDir || this.wanted(name)) yield { path: place.shown, ...(raw ? { fsPath: raw } : {}), error: fsError(err) };
          continue;
        }
      }
      if (isDir && st) {
        const opened = await this.open(place, st, stack);
        if (opened !== true) yield opened;
      } else if (isFile && this.wanted(name)) {
        this.files++;
        yield { path: place.shown, ...(raw ? { fsPath: raw } : {}) };
      }
    }
  }

  /** Pushes a folder's frame; true, or an entry to report, or nothing-to-do (already seen). */
  private async open(place: Place, st: fs.Stats, stack: Frame[]): Promise<true | InputEntry> {
    const key = keyOf(st);
    if (this.onRoute.has(key)) {
      if (this.loopsReported.has(key)) return true;
      this.loopsReported.add(key);
      return { path: place.shown, error: { code: 'SYMLINK_LOOP', zh: '符号链接形成循环，已跳过', en: 'Symbolic link loop; skipped' } };
    }
    if (this.visited.has(key)) return true;
    this.visited.add(key);
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = await fsp.readdir(place.fs, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      return { path: place.shown, ...(typeof place.fs === 'string' ? {} : { fsPath: place.fs }), error: fsError(err) };
    }
    // Byte order, not locale order: output must be identical on every machine.
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    this.onRoute.add(key);
    stack.push({ ...place, key, entries, next: 0 });
    return true;
  }
}

/**
 * Reads a report file: a regular file of at most `limit` bytes (default 256 MiB), opened without
 * blocking. Synchronous because the CLI processes files one at a time anyway. Never throws.
 */
export function readFileBytes(file: fs.PathLike, limit = DEFAULT_REPORT_LIMIT): ReadResult {
  return readRegularFile(file, limit);
}
