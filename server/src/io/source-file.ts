// One way in for every report file, text or not: a .docx/.html/.pdf file goes through its reader
// (loaded on first use), anything else through the text decoder. The CLI and the server share it.
import { decodeReport, type ReportEncoding } from './decode';
import { sourceKindOf, type Extracted } from './readers/source';
import { extractSource } from './readers/load';

export type ReportText =
  | { ok: true; text: string; encoding: ReportEncoding; source?: Extracted }
  | { ok: false; message: { zh: string; en: string } };

/** The report text of a file's bytes; `source` is set when it was extracted from a document (never written back). */
export async function reportText(file: string, bytes: Uint8Array): Promise<ReportText> {
  const kind = sourceKindOf(file);
  if (!kind) {
    const d = decodeReport(bytes);
    return d.ok ? { ok: true, text: d.text, encoding: d.encoding } : { ok: false, message: d.message };
  }
  const r = await extractSource(bytes, kind);
  if (!r.ok) return r;
  return { ok: true, text: r.text, encoding: 'utf-8', source: r };
}
