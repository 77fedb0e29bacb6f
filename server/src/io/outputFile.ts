// Where `convert -o` and `export -o` write. A new or regular file is written whole or not at all (a
// temporary file beside it, then a rename — at the symlink's target, so a link stays a link). Anything
// else that exists is written into as a shell redirection would: renaming over it replaced the node
// itself, so `convert -o /dev/null` run as root turned /dev/null into a regular file (and /dev/stdout,
// a symlink, into a file named stdout). A folder, or one of the files being read, is refused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsError, type FileError } from './fsError';

const isInput = (st: fs.Stats, inputs: readonly string[]): boolean =>
  inputs.some((i) => { try { const s = fs.statSync(i); return s.dev === st.dev && s.ino === st.ino; } catch { return false; } });

/** Writes `data` to `output`; an error (in both languages) when it cannot or must not. */
export async function writeOutputFile(output: string, data: string | Uint8Array, inputs: readonly string[]): Promise<FileError | undefined> {
  let st: fs.Stats | undefined;
  try { st = fs.statSync(output); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return fsError(e); }
  if (st?.isDirectory()) return fsError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  if (st && isInput(st, inputs)) return { code: 'INPUT', zh: '输出文件不能是要读取的文件（会覆盖原文件）', en: 'the output must not be one of the files being read (it would overwrite it)' };
  try {
    if (st && !st.isFile()) { await fs.promises.writeFile(output, data); return undefined; }
    const target = st ? fs.realpathSync(output) : output;
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.govreport-tmp`);
    try {
      // A new file gets the usual 0666 less the umask; a file written over keeps its permissions (a private export stays private).
      await fs.promises.writeFile(tmp, data, { flag: 'wx', mode: st ? 0o600 : 0o666 });
      if (st) await fs.promises.chmod(tmp, st.mode & 0o7777);
      await fs.promises.rename(tmp, target);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    return undefined;
  } catch (e) {
    return fsError(e);
  }
}
