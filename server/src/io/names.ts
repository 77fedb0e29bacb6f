// File names as bytes and as text. Zips made on Chinese Windows unpack to GBK-encoded names, which
// are not UTF-8: Node's default string paths turn them into U+FFFD and the file "does not exist".
// Such files are opened by their raw bytes and shown by a readable rendering of them.
import { isUtf8 } from 'node:buffer';

const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** A readable rendering of a non-UTF-8 name: GBK/GB18030 if it decodes as such, else \xNN escapes. */
export function readableName(name: Buffer): string {
  if (isUtf8(name)) return name.toString('utf8');
  try {
    return gb18030.decode(name);
  } catch {
    let out = '';
    for (const b of name) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    return out;
  }
}

// C0 and C1 controls, DEL, and the bidirectional overrides that can make a name display reversed.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name fit for a terminal line: control characters (ESC sequences, newlines that would fake
 * another output line) become visible escapes. For text output only; JSON escapes by itself.
 */
export function printableName(name: string): string {
  return name.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
