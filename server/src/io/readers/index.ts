// The readers, loaded on demand (see load.ts): the PDF, Word and HTML libraries weigh megabytes
// and a text report never needs them.
import type { ExtractResult, SourceKind } from './source';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractPdf } from './pdf';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Extracts a report from the bytes of a .docx/.html/.pdf file. Never throws. */
export async function extract(bytes: Uint8Array, kind: SourceKind): Promise<ExtractResult> {
  try {
    if (kind === 'docx') {
      // An encrypted .docx, and a .doc renamed to .docx, are OLE2 files, not ZIP archives.
      if (OLE2.every((b, i) => bytes[i] === b)) return { ok: false, message: { zh: '这是加密的 Word 文档或旧版 .doc 文件，请先解除密码或另存为 .docx', en: 'This is an encrypted Word document or a legacy .doc file; remove the password or save it as .docx first' } };
      return extractDocx(bytes);
    }
    if (kind === 'html') return extractHtml(bytes);
    if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) && !Buffer.from(bytes.subarray(0, 1024)).includes('%PDF')) {
      return { ok: false, message: { zh: '文件扩展名为 .pdf，但内容不是 PDF', en: 'The file is named .pdf but is not a PDF' } };
    }
    return await extractPdf(bytes);
  } catch (e) {
    // Deeply nested markup can exhaust the stack; any other surprise is reported the same way.
    return { ok: false, message: { zh: `无法读取文件内容（${(e as Error)?.message ?? e}）`, en: `Cannot read the file (${(e as Error)?.message ?? e})` } };
  }
}
