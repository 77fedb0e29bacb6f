// The server's side of `govreport/extract`: the editor cannot open a Word, web or PDF file as text,
// so the client asks for the extracted report and shows it in a read-only document of its own
// scheme; the server then checks that document like any other. Only regular files, with a size limit.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportText } from './source-file';
import { describeLocation, locate, sourceKindOf } from './readers/source';
import { relayout, type TextLayout } from './readers/relayout';
import type { Lang } from '../i18n';

export const EXTRACTED_SCHEME = 'govreport-extracted';

// Reports are a few MB at most; a bigger file is not one, and reading it would only cost memory.
const MAX_BYTES = 100 * 1024 * 1024;

export type ExtractReply =
  | { ok: true; text: string; kind: string; /** Per line: where it is in the original (第3页第12行…), for hovers and the status. */ places: string[] }
  | { ok: false; message: { zh: string; en: string } };

export async function extractForEditor(uri: string, layout = 'tab', lang: Lang = 'zh'): Promise<ExtractReply> {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { ok: false, message: { zh: '只能读取本地文件', en: 'Only local files can be read' } };
  }
  if (!sourceKindOf(file)) return { ok: false, message: { zh: '不是 Word（.docx）、网页（.html）或 PDF 文件', en: 'Not a Word (.docx), web (.html) or PDF file' } };
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, message: { zh: '不是普通文件', en: 'Not a regular file' } };
    if (st.size > MAX_BYTES) return { ok: false, message: { zh: '文件超过 100 MB，不像是年度报告', en: 'The file is over 100 MB; not an annual report' } };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, message: { zh: `无法读取文件：${(e as Error).message}`, en: `Cannot read the file: ${(e as Error).message}` } };
  }
  const r = await reportText(file, bytes);
  if (!r.ok) return r;
  const src = r.source!;
  const text = layout === 'pipe' || layout === 'markdown' ? relayout(src, layout as TextLayout) : r.text;
  const places = layout === 'tab' ? src.lines.map((_, i) => { const l = locate(src.lines, i, 0); return l ? describeLocation(l, lang) : ''; }) : [];
  return { ok: true, text, kind: src.kind, places };
}
