// The server's stdin frame filter, in memory: valid frames pass byte for byte (also split anywhere),
// bad headers are skipped up to the next Content-Length, and garbage never accumulates.
import * as assert from 'node:assert/strict';
import { FrameFilter } from '../../server/src/protocol/frames';

function run(chunks: Buffer[], maxBody?: number): { out: string; text: () => string; problems: string[]; filter: FrameFilter } {
  const problems: string[] = [];
  const filter = new FrameFilter((m) => problems.push(m), maxBody);
  const out: Buffer[] = [];
  filter.on('data', (b: Buffer) => out.push(b));
  for (const c of chunks) filter.write(c);
  const text = () => Buffer.concat(out).toString('utf8');
  return { out: text(), text, problems, filter };
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const VALID = frame('{"jsonrpc":"2.0","id":1,"method":"shutdown"}') + frame('{"jsonrpc":"2.0","method":"x","params":{"t":"报告"}}');

describe('LSP frame filter', () => {
  it('passes valid frames unchanged, however the bytes are split', () => {
    const bytes = Buffer.from(VALID, 'utf8');
    for (const size of [1, 3, 7, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const r = run(chunks);
      assert.equal(r.out, VALID, `chunks of ${size}`);
      assert.deepEqual(r.problems, []);
    }
  });

  it('skips a bad header and resumes at the next Content-Length', () => {
    for (const bad of ['Content-Length: abc\r\n\r\n{}', 'Content-Length: -1\r\n\r\n', 'Content-Length: 1e3\r\n\r\n', 'Content-Length: 999999999999\r\n\r\n{', 'garbage without colon\r\n\r\n', 'Content-Type: x\r\n\r\n']) {
      const r = run([Buffer.from(bad + VALID, 'utf8')], 1024);
      assert.equal(r.out, VALID, JSON.stringify(bad));
      assert.equal(r.problems.length, 1, JSON.stringify(bad));
    }
  });

  it('keeps at most a header’s worth of garbage (bounded memory on endless junk)', () => {
    const r = run([], 1024);
    const junk = Buffer.alloc(64 * 1024, 'x');
    for (let i = 0; i < 200; i++) r.filter.write(junk); // 12.5 MiB without a header
    r.filter.write(Buffer.from(VALID, 'utf8'));
    assert.ok((r.filter as unknown as { pending: Buffer }).pending.length <= 16 * 1024);
    assert.equal(r.text(), VALID, 'the frame after the junk gets through');
    assert.ok(r.problems.length > 0);
  });
});
