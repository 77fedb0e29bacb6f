// Turns raw report bytes into text. Editor-neutral: the CLI reads files from disk, and
// government reports arrive as UTF-8, UTF-16 (Windows Notepad "Unicode") or GBK/GB18030
// (Windows "ANSI" on Chinese systems), plus the odd PDF or Word file saved with a .txt name.

export type ReportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: ReportEncoding }
  | { ok: false; reason: 'binary' | 'empty-binary' | 'undecodable' | 'too-large'; message: { zh: string; en: string } };

type Failure = Extract<DecodeResult, { ok: false }>;

// The heuristics only look at a prefix so that a huge binary file costs no more than a small one.
const SAMPLE = 64 * 1024;

// Decoders are reused: constructing one per file is measurable when checking thousands of files.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
// Not fatal: we want to count replacement characters to judge how plausible the result is.
const gb18030 = new TextDecoder('gb18030', { ignoreBOM: true });

const bin = (zh: string, en: string): Failure => ({ ok: false, reason: 'binary', message: { zh, en } });

function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
// Signatures spelled as text, converted once (not per file).
const PDF = ascii('%PDF-');
const RTF = ascii('{\\rtf');
const GIF = ascii('GIF8');
const RAR = ascii('Rar!');

/** True if the latin1 `needle` occurs in the first or last SAMPLE bytes (ZIP names live in both). */
function zipMentions(buf: Uint8Array, needle: string): boolean {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return b.subarray(0, SAMPLE).includes(needle, 0, 'latin1') || b.subarray(Math.max(0, b.length - SAMPLE)).includes(needle, 0, 'latin1');
}

// Files people actually mistake for text reports. Each gets a message that says what to do.
function sniffMagic(buf: Uint8Array): Failure | undefined {
  if (startsWith(buf, PDF)) return bin('这是 PDF 文件，请先导出或另存为纯文本（.txt）', 'This is a PDF file; export or save it as plain text (.txt) first');
  if (startsWith(buf, [0x50, 0x4b]) && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7)) {
    // DOCX/XLSX/PPTX are ZIP archives; their member names reveal which one it is.
    if (zipMentions(buf, 'word/')) return bin('这是 Word 文档（.docx），请先另存为纯文本', 'This is a Word document (.docx); save it as plain text first');
    if (zipMentions(buf, 'xl/')) return bin('这是 Excel 表格（.xlsx），请先另存为纯文本', 'This is an Excel workbook (.xlsx); save it as plain text first');
    if (zipMentions(buf, 'ppt/')) return bin('这是 PowerPoint 演示文稿（.pptx），请先另存为纯文本', 'This is a PowerPoint file (.pptx); save it as plain text first');
    return bin('这是 ZIP 压缩包，请先解压', 'This is a ZIP archive; extract it first');
  }
  // OLE2 compound file: legacy .doc/.xls and WPS's own format, still common in government offices.
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return bin('这是旧版 Office/WPS 文档（.doc/.xls/.wps），请先另存为纯文本', 'This is a legacy Office/WPS document (.doc/.xls/.wps); save it as plain text first');
  // RTF is technically text, but linting its markup would only produce noise.
  if (startsWith(buf, RTF)) return bin('这是 RTF 富文本文档，请先另存为纯文本', 'This is an RTF document; save it as plain text first');
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return bin('这是 PNG 图片，不是文本文件', 'This is a PNG image, not a text file');
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return bin('这是 JPEG 图片，不是文本文件', 'This is a JPEG image, not a text file');
  if (startsWith(buf, GIF)) return bin('这是 GIF 图片，不是文本文件', 'This is a GIF image, not a text file');
  if (startsWith(buf, [0x1f, 0x8b]) || startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || startsWith(buf, RAR)) {
    return bin('这是压缩文件，请先解压', 'This is a compressed archive; extract it first');
  }
  return undefined;
}

// C0 controls other than \t \n \f \r, plus DEL. Real text has essentially none; binary has ~11%.
const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;

// A couple of stray controls (e.g. a DOS EOF 0x1A) must not reject a real report, hence the floor.
const tooManyControls = (controls: number, total: number): boolean => controls >= 3 && controls * 20 > total;

const controlFailure = (): Failure =>
  bin('文件含有大量控制字符，看起来不是文本文件', 'The file contains many control characters; it does not look like a text file');

// Any control byte at all (most text files have none, and then nothing needs counting).
const ANY_CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/** Control-character check on bytes; valid for UTF-8 and GB18030, which never use bytes < 0x80 inside multibyte sequences. */
function byteControlsBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SAMPLE);
  if (!ANY_CONTROL.test(Buffer.from(buf.buffer, buf.byteOffset, n).toString('latin1'))) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControl(buf[i])) controls++;
  return tooManyControls(controls, n);
}

function charControlsBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  if (!ANY_CONTROL.test(text.length > SAMPLE ? text.slice(0, SAMPLE) : text)) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControl(text.charCodeAt(i))) controls++;
  return tooManyControls(controls, n);
}

// Characters a Chinese report plausibly contains. GB18030 decodes almost any high-byte soup into
// *something*; random bytes show up as replacement characters, private-use and odd-script characters.
function plausible(c: number): boolean {
  if (c < 0x80) return !isControl(c);
  return (
    (c >= 0x00a0 && c <= 0x02ff) || // Latin-1, pinyin tone letters, modifier marks (GB2312 row 8)
    (c >= 0x0391 && c <= 0x045f) || // Greek and Cyrillic (GB2312 rows 6-7)
    (c >= 0x2000 && c <= 0x27bf) || // punctuation, ℃ №, Ⅰ-Ⅻ, ①, arrows, math, box drawing, ■●★
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, 、。《》, kana, bopomofo, Ext A, URO
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xffef) || // full-width forms: ，（）：
    (c >= 0xd800 && c <= 0xdfff) // surrogates: GB18030 4-byte sequences for Ext B+ characters
  );
}

function looksLikeText(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let bad = 0;
  let replacement = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacement++;
    else if (!plausible(c)) bad++;
  }
  // A genuine GBK file decodes with no replacements; allow a trace for a damaged byte or two.
  return replacement * 500 <= n && (bad + replacement) * 20 <= n;
}

function allZero(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

/** Decodes a report file. Never throws: text beyond what a JavaScript string can hold (~512 MiB) is a failure too. */
export function decodeReport(buf: Uint8Array): DecodeResult {
  try {
    return decode(buf);
  } catch {
    return {
      ok: false,
      reason: 'too-large',
      message: { zh: '文件内容过长，无法作为文本处理（超出 JavaScript 字符串上限）', en: 'The content is too long to be handled as text (beyond the JavaScript string limit)' },
    };
  }
}

function decode(buf: Uint8Array): DecodeResult {
  if (buf.length === 0) return { ok: true, text: '', encoding: 'utf-8' };

  const magic = sniffMagic(buf);
  if (magic) return magic;

  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    const encoding = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    let text: string;
    try {
      text = (encoding === 'utf-16le' ? utf16le : utf16be).decode(buf.subarray(2));
    } catch {
      return undecodable();
    }
    return charControlsBinary(text) ? controlFailure() : { ok: true, text, encoding };
  }

  const bom = startsWith(buf, [0xef, 0xbb, 0xbf]);
  const body = bom ? buf.subarray(3) : buf;

  // NUL never appears in UTF-8 or GB18030 text; outside a UTF-16 BOM file it means binary.
  if (body.subarray(0, SAMPLE).indexOf(0) !== -1) {
    if (allZero(body)) {
      return { ok: false, reason: 'empty-binary', message: { zh: '文件内容全是空字节（0x00），可能未保存完整或已损坏', en: 'The file consists only of NUL bytes (0x00); it may be incompletely saved or corrupted' } };
    }
    return bin('文件含有空字节（0x00），不是纯文本文件（若为无 BOM 的 UTF-16，请另存为 UTF-8）', 'The file contains NUL bytes (0x00) and is not plain text (if it is UTF-16 without a BOM, save it as UTF-8)');
  }
  // Valid UTF-8 keeps every byte below 0x80 as the same character: its controls are counted on the
  // text (one regex pass when there are none); only text that is not UTF-8 is checked byte by byte.
  let utf8: string | undefined;
  try {
    utf8 = utf8Strict.decode(body);
  } catch {
    if (byteControlsBinary(body)) return controlFailure();
    // A UTF-8 BOM followed by invalid UTF-8 is damage, not GBK; guessing further would mislead. So is
    // a file whose first Chinese characters are valid UTF-8 (GBK text would fail at the first one):
    // GBK pasted into a UTF-8 file. Decoded as GB18030 it turns into mojibake; say where it starts.
    const bad = firstNonUtf8(body);
    if (bom || bad.multibyte >= UTF8_EVIDENCE) return undecodable(body, bad.at);
  }
  if (utf8 !== undefined) return charControlsBinary(utf8) ? controlFailure() : { ok: true, text: utf8, encoding: bom ? 'utf-8-bom' : 'utf-8' };

  const text = gb18030.decode(body);
  return looksLikeText(text) ? { ok: true, text, encoding: 'gb18030' } : undecodable();
}

/** Multi-byte UTF-8 characters before the first invalid byte that make a file UTF-8 beyond doubt. */
const UTF8_EVIDENCE = 8;

/** The offset of the first byte that is not part of valid UTF-8, and how many multi-byte characters precede it. */
function firstNonUtf8(b: Uint8Array): { at: number; multibyte: number } {
  let multibyte = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length) return { at: i, multibyte };
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return { at: i, multibyte };
    // Overlong three/four-byte forms, surrogates and code points above U+10FFFF.
    if ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f) || (c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f)) return { at: i, multibyte };
    if (n > 1) multibyte++;
    i += n;
  }
  return { at: b.length, multibyte };
}

function undecodable(body?: Uint8Array, at?: number): Failure {
  if (body && at !== undefined && at < body.length) {
    const before = new TextDecoder('utf-8').decode(body.subarray(0, at));
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    let line = 1;
    for (let i = 0; i < before.length; i++) {
      const ch = before.charCodeAt(i);
      if (ch === 10 || (ch === 13 && before.charCodeAt(i + 1) !== 10)) line++;
    }
    const col = [...before.slice(lineStart)].length + 1;
    return {
      ok: false,
      reason: 'undecodable',
      message: {
        zh: `文件是 UTF-8 编码，但第 ${line} 行第 ${col} 列起有不是 UTF-8 的字节（可能粘贴进了 GBK 编码的文字，或文件已损坏），未读取：请改正该处后另存为 UTF-8`,
        en: `The file is UTF-8 but has bytes that are not UTF-8 from line ${line}, column ${col} (GBK text pasted in, or damage); not read: correct that place and save as UTF-8`,
      },
    };
  }
  return {
    ok: false,
    reason: 'undecodable',
    message: {
      zh: '无法识别文件编码（不是 UTF-8、UTF-16 或 GBK/GB18030），请另存为 UTF-8',
      en: 'Cannot determine the file encoding (not UTF-8, UTF-16 or GBK/GB18030); save it as UTF-8',
    },
  };
}
