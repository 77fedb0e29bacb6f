// The CLI's standard output and error streams. `govreport check dir | head -1` closes the pipe
// after one line, and `> /dev/full` or a full disk fails the write: both used to end in an
// unhandled-error stack trace.
import { fsError } from './fsError';

/** Exit status of a process ended by SIGPIPE, as a shell reports it (128 + 13). */
export const EXIT_PIPE_CLOSED = 141;

export function guardOutput(out: NodeJS.WritableStream, err: NodeJS.WritableStream, lang: 'zh' | 'en' = 'zh'): void {
  out.on('error', (e: NodeJS.ErrnoException) => {
    // The reader has gone (head, less quit): nothing more can be shown, so stop quietly.
    if (e.code === 'EPIPE') process.exit(EXIT_PIPE_CLOSED);
    const m = fsError(e);
    try { err.write(`govreport: ${lang === 'en' ? `cannot write the output: ${m.en}` : `无法写出结果：${m.zh}`}\n`); } catch { /* stderr gone too */ }
    process.exit(2);
  });
  // stderr closed as well: there is no one left to tell.
  err.on('error', () => process.exit(2));
}
