// Runs the CLI in-process with captured output (and an optional standard input).
import { Readable, Writable } from 'node:stream';
import { main } from '../../server/src/cli';

export function sink(): Writable & { bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const w = new Writable({ write(c, _e, cb) { chunks.push(Buffer.from(c)); cb(); } }) as Writable & { bytes: () => Buffer };
  w.bytes = () => Buffer.concat(chunks);
  return w;
}

export async function runCli(args: string[], stdin?: string | Buffer): Promise<{ code: number; out: string; bytes: Buffer; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, out, err, Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]));
  return { code, out: out.bytes().toString('utf8'), bytes: out.bytes(), err: err.bytes().toString('utf8') };
}
