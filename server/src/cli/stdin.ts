// Reads a report from standard input (editors and pre-commit pipe the text in), with a size limit.
const MAX_STDIN_BYTES = 256 * 1024 * 1024;

type Text = { zh: string; en: string };

export async function readStdin(stream: NodeJS.ReadableStream, limit = MAX_STDIN_BYTES): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: Text }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > limit) {
        const mib = Math.round(limit / 1024 / 1024);
        return { ok: false, error: { zh: `标准输入超过 ${mib} MiB，不予读取`, en: `standard input is larger than ${mib} MiB; not read` } };
      }
      chunks.push(b);
    }
  } catch (e) {
    return { ok: false, error: { zh: `无法读取标准输入：${(e as Error).message}`, en: `cannot read standard input: ${(e as Error).message}` } };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
