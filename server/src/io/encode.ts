// Text → bytes in a report's own encoding. Kept apart from decode.ts so that only the code that
// writes files (the CLI's --fix) loads iconv-lite and its GB18030 tables; the language server never writes.
import type { ReportEncoding } from './decode';

// Loaded on first use: most CLI runs never write a GB18030 file and should not pay for the codec.
let iconv: typeof import('iconv-lite') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codec = (): typeof import('iconv-lite') => (iconv ??= require('iconv-lite') as typeof import('iconv-lite'));

/** The byte-order mark decodeReport strips for this encoding. */
export function bomOf(encoding: ReportEncoding): Buffer {
  switch (encoding) {
    case 'utf-8-bom': return Buffer.from([0xef, 0xbb, 0xbf]);
    case 'utf-16le': return Buffer.from([0xff, 0xfe]);
    case 'utf-16be': return Buffer.from([0xfe, 0xff]);
    default: return Buffer.alloc(0);
  }
}

/** Encodes text without a BOM. GB18030 covers all of Unicode, so GBK text stays GBK byte for byte. */
export function encodeBody(text: string, encoding: ReportEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'gb18030':
      return codec().encode(text, 'gb18030');
  }
}

export const encodeText = (text: string, encoding: ReportEncoding): Buffer => Buffer.concat([bomOf(encoding), encodeBody(text, encoding)]);
