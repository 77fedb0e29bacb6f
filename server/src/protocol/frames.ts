// Guards the language server's stdin: only well-formed LSP frames (`Content-Length: N` headers, then N
// bytes) reach vscode-jsonrpc's reader. That reader, given `Content-Length: abc` or `-5`, reports an
// error and loses its place in the stream for good (the server stays alive but never answers again);
// given a huge length it buffers every later message as the body. Here a bad header is reported and
// skipped, and reading resumes at the next `Content-Length:` header; a length above the limit is a bad
// header too, so memory stays bounded by the limit.
import { Transform, type TransformCallback } from 'node:stream';

/** Largest message body accepted (a 100 MB report, JSON-escaped, fits). */
export const MAX_BODY = 256 * 1024 * 1024;
/** Largest header block: real clients send one or two short lines. */
export const MAX_HEADER = 8 * 1024;

const SEP = Buffer.from('\r\n\r\n', 'latin1');
/** The header name as clients write it (the spec's casing, and lower case). */
const KEYS = [Buffer.from('Content-Length:', 'latin1'), Buffer.from('content-length:', 'latin1')];
const KEY_LENGTH = KEYS[0].length;

export class FrameFilter extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Body bytes of the current frame still to pass through (-1: reading a header). */
  private body = -1;

  /** `problem` is told why bytes were skipped (a message for the log). */
  constructor(private readonly problem: (message: string) => void = () => undefined, private readonly maxBody = MAX_BODY, private readonly maxHeader = MAX_HEADER) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pump();
    done();
  }

  private pump(): void {
    for (;;) {
      if (this.body >= 0) {
        // Body bytes go straight through: vscode-jsonrpc's reader assembles them.
        const n = Math.min(this.body, this.pending.length);
        if (n > 0) { this.push(this.pending.subarray(0, n)); this.pending = this.pending.subarray(n); this.body -= n; }
        if (this.body > 0) return;
        this.body = -1;
      }
      if (this.pending.length === 0) return;
      const end = this.pending.indexOf(SEP);
      if (end < 0) {
        if (this.pending.length > this.maxHeader) this.skip('header too long or missing');
        return;
      }
      const header = this.pending.subarray(0, end).toString('latin1');
      const length = this.lengthOf(header);
      if (typeof length === 'string') { this.skip(length, header); continue; }
      this.push(this.pending.subarray(0, end + SEP.length));
      this.pending = this.pending.subarray(end + SEP.length);
      this.body = length;
    }
  }

  /** The Content-Length of a header block, or why the block is not a valid header. */
  private lengthOf(header: string): number | string {
    if (header.length > this.maxHeader) return 'header too long';
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
      const m = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*?)[ \t]*$/.exec(line);
      if (!m) return 'malformed header line';
      if (m[1].toLowerCase() !== 'content-length') continue;
      if (!/^\d{1,15}$/.test(m[2])) return `Content-Length is not a non-negative integer: ${JSON.stringify(m[2].slice(0, 40))}`;
      length = Number(m[2]);
      if (length > this.maxBody) return `Content-Length ${length} exceeds the limit of ${this.maxBody} bytes`;
    }
    return length === undefined ? 'no Content-Length header' : length;
  }

  /** Drops bytes up to the next `Content-Length:` after the current position (keeping a possible split key). */
  private skip(reason: string, header?: string): void {
    this.problem(`govreport: skipped a bad LSP frame (${reason})${header ? `: ${JSON.stringify(header.slice(0, 80))}` : ''}`);
    const found = KEYS.map((k) => this.pending.indexOf(k, 1)).filter((i) => i >= 0);
    if (found.length) { this.pending = this.pending.subarray(Math.min(...found)); return; }
    this.pending = this.pending.subarray(Math.max(1, this.pending.length - (KEY_LENGTH - 1)));
  }
}
