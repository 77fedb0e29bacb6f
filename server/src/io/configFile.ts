// Finding and reading .govreportrc.json: one implementation for the CLI and the language server,
// so a folder is configured the same way in the editor, in a workspace check and on the command line.
//
// Discovery climbs from the report's folder towards the root but stops at the first of:
//   - a folder holding `.git` (the repository root), the user's home folder, an editor workspace folder
//     (each still searched itself);
//   - a folder anyone may write to (the system temp folder, /var/tmp, /dev/shm) or the file-system
//     root, which are never searched: another local user could leave a config there that switches
//     every rule off in someone else's report.
// A config found must be owned by the current user or root and not writable by other users — the
// rule git applies to repositories (safe.directory) and ssh to its config files. Otherwise it is
// ignored, with a notice that says why and how to use it anyway (name it with --config).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE, parseConfigText, type ConfigProblem, type GovreportConfig } from '../config';
import { CONFIG_LIMIT, readRegularFile, sameStamp, stampOf, type FileStamp } from './regularFile';

export interface ConfigNotice {
  file: string;
  /** `invalid`: unreadable or wrong content (a usage error); `ignored`: skipped as untrusted. */
  kind: 'invalid' | 'ignored';
  zh: string;
  en: string;
  /** Where in the file, for a problem in its content (1-based). */
  line?: number;
  column?: number;
}

/** `file:line:column: message` (or `file: message`), as compilers print it. */
export function describeNotice(n: ConfigNotice, lang: 'zh' | 'en', file: string = n.file): string {
  return n.line ? `${file}:${n.line}:${n.column}: ${n[lang]}` : `${file}: ${n[lang]}`;
}

export interface FoundConfig {
  config?: GovreportConfig;
  file?: string;
}

export interface DiscoveryOptions {
  /** Workspace folders: the search does not climb above them. */
  roots?: readonly string[];
  /** Defaults to os.homedir(). */
  home?: string;
  onNotice?: (n: ConfigNotice) => void;
  /** Called each time a file is actually read and parsed, with its problems (possibly none). */
  onRead?: (file: string, problems: ConfigProblem[]) => void;
}

const ignoredHow = { zh: '如确实信任它，请用 --config 明确指定', en: 'name it with --config if you trust it' };

export class ConfigFiles {
  /** Folder → the config that applies there. Cleared by forget() when files may have changed. */
  private dirs = new Map<string, FoundConfig>();
  /** File → its parsed content, reused while its device, inode, size and mtime are unchanged. */
  private contents = new Map<string, { stamp: FileStamp; parsed: { config: GovreportConfig; problems: ConfigProblem[] } }>();
  private roots: Set<string>;
  private home: string;

  constructor(private opts: DiscoveryOptions = {}) {
    this.roots = new Set((opts.roots ?? []).map((r) => path.resolve(r)));
    this.home = path.resolve(opts.home ?? os.homedir());
  }

  setRoots(roots: readonly string[]): void {
    this.roots = new Set(roots.map((r) => path.resolve(r)));
    this.dirs.clear();
  }

  /** Forgets which folder has which config (files may have appeared); parsed contents stay cached by stamp. */
  forget(): void {
    this.dirs.clear();
  }

  /** The configuration that applies to reports in `dir`: the nearest .govreportrc.json within the boundaries. */
  find(dir: string): FoundConfig {
    let d = path.resolve(dir);
    const visited: string[] = [];
    let found: FoundConfig = {};
    for (;;) {
      const hit = this.dirs.get(d);
      if (hit) { found = hit; break; }
      const dirStat = statOrUndefined(d);
      if (!dirStat || this.shared(d, dirStat)) break;
      visited.push(d);
      const file = path.join(d, CONFIG_FILE);
      if (lstatOrUndefined(file)) {
        // The nearest file decides, even when it is ignored: falling back to one further up would
        // make the outcome depend on files the user did not mean.
        found = { file, config: this.trusted(file, dirStat) ? this.load(file) : undefined };
        break;
      }
      if (this.boundary(d)) break;
      const parent = path.dirname(d);
      if (parent === d) break;
      d = parent;
    }
    for (const v of visited) this.dirs.set(v, found);
    return found;
  }

  /**
   * Reads and parses a config file (also one named with --config, which skips the ownership check).
   * Returns the valid part; its problems went to onNotice (with line and column) and onRead.
   */
  load(file: string): GovreportConfig | undefined {
    return this.read(file)?.config;
  }

  /** The parsed file with its problems; undefined when it could not be read at all. */
  read(file: string): { config: GovreportConfig; problems: ConfigProblem[] } | undefined {
    const st = statOrUndefined(file);
    const cached = this.contents.get(file);
    if (st && cached && st.isFile() && sameStamp(stampOf(st), cached.stamp)) return cached.parsed;
    const read = readRegularFile(file, CONFIG_LIMIT);
    if (!read.ok) {
      this.notice(file, 'invalid', read.error.code === 'ENOENT' ? { zh: '配置文件不存在', en: 'no such file' } : read.error);
      return undefined;
    }
    const parsed = parseConfigText(read.bytes.toString('utf8'));
    for (const p of parsed.problems) this.opts.onNotice?.({ file, kind: 'invalid', zh: p.message.zh, en: p.message.en, line: p.line, column: p.column });
    this.opts.onRead?.(file, parsed.problems);
    this.contents.set(file, { stamp: read.stamp, parsed });
    return parsed;
  }

  private notice(file: string, kind: ConfigNotice['kind'], m: { zh: string; en: string }): void {
    this.opts.onNotice?.({ file, kind, zh: m.zh, en: m.en });
  }

  /** Never searched: the file-system root and folders every user may write to. */
  private shared(d: string, st: fs.Stats): boolean {
    if (path.parse(d).root === d) return true;
    return process.platform !== 'win32' && (st.mode & 0o002) !== 0;
  }

  private boundary(d: string): boolean {
    return d === this.home || this.roots.has(d) || lstatOrUndefined(path.join(d, '.git')) !== undefined;
  }

  /** Owned by us or root and writable by nobody else, the file and the folder holding it. */
  private trusted(file: string, dirStat: fs.Stats): boolean {
    const uid = process.getuid?.();
    if (uid === undefined) return true; // Windows: no POSIX owners; ACLs are the OS's business.
    const st = statOrUndefined(file);
    if (!st || !st.isFile()) return true; // gone, or a device/FIFO/folder: load() refuses it with the reason
    const gid = process.getgid?.();
    const foreign = (s: fs.Stats) => s.uid !== uid && s.uid !== 0;
    // Group-writable is fine when the group is the user's own (Debian's user-private groups, umask 002).
    const othersWrite = (s: fs.Stats) => (s.mode & 0o002) !== 0 || ((s.mode & 0o020) !== 0 && s.gid !== gid);
    let why: { zh: string; en: string } | undefined;
    if (foreign(st)) why = { zh: `文件属于其他用户（uid ${st.uid}）`, en: `it belongs to another user (uid ${st.uid})` };
    else if (othersWrite(st)) why = { zh: '其他用户可以修改该文件', en: 'other users can write to it' };
    else if (foreign(dirStat) || othersWrite(dirStat)) why = { zh: '所在目录属于其他用户或其他用户可写', en: 'its folder belongs to or is writable by other users' };
    if (!why) return true;
    this.notice(file, 'ignored', { zh: `已忽略此配置文件：${why.zh}；${ignoredHow.zh}`, en: `ignored this configuration: ${why.en}; ${ignoredHow.en}` });
    return false;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try { return fs.statSync(p); } catch { return undefined; }
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try { return fs.lstatSync(p); } catch { return undefined; }
}
