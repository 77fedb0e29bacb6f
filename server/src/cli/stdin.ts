// Reads a report from standard input (editors and pre-commit pipe the text in), with a size limit.
import { DEFAULT_REPORT_LIMIT, HARD_LIMIT } from '../io/regularFile';
import { formatSize, parseSize } from '../io/size';

const MAX_STDIN_BYTES = DEFAULT_REPORT_LIMIT;

/** `--max-file-size` limits standard input as it limits files (it was always 256 MiB); V8's string limit caps both. */
export function stdinLimit(sizeArg: unknown): number {
  return Math.min((sizeArg === undefined ? undefined : parseSize(sizeArg)) ?? MAX_STDIN_BYTES, HARD_LIMIT);
}

type Text = { zh: string; en: string };

export async function readStdin(stream: NodeJS.ReadableStream, limit = MAX_STDIN_BYTES): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: Text }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > limit) {
        const max = formatSize(limit);
        return { ok: false, error: { zh: `标准输入超过 ${max}，不予读取`, en: `standard input is larger than ${max}; not read` } };
      }
      chunks.push(b);
    }
  } catch (e) {
    return { ok: false, error: { zh: `无法读取标准输入：${(e as Error).message}`, en: `cannot read standard input: ${(e as Error).message}` } };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
