// Word (.docx) → tab-layout text, read from the document XML itself: body paragraphs in order (text
// boxes where they are anchored; page headers and footers, kept in parts of their own, are not read),
// tables (w:tbl) row by row with merged cells expanded (w:gridSpan across, w:vMerge down) and empty
// cells kept as blank cells, and Word's automatic list numbering (一、 (一) 1.) written out, since
// headings and table rows carry their ordinals there. fflate unzips (small, synchronous, no native
// code); htmlparser2 in XML mode reads the XML as a stream (already used for web pages).
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { TextBuilder, type ExtractResult } from './source';
import { Numbering } from './docx-numbering';

/** `box`: the paragraph anchors a text box, whose paragraphs follow it as blocks of their own. */
interface Para { type: 'p'; text: string; numId?: string; ilvl: number; box?: boolean }
interface Cell { blocks: Block[]; span: number; vMerge?: 'restart' | 'continue' }
interface Tbl { type: 'tbl'; rows: Cell[][]; nested: boolean }
type Block = Para | Tbl;

// Bigger parts are not a report (or a zip bomb): refuse before inflating.
const MAX_PART = 64 * 1024 * 1024;

/** Reads document.xml into blocks (paragraphs and tables with their cells' blocks). */
function readBlocks(xml: string): Block[] {
  const body: Block[] = [];
  // Where new blocks go: the body, or the current cell's blocks.
  const containers: Block[][] = [body];
  const tables: Tbl[] = [];
  const cells: Cell[] = [];
  const paras: Para[] = [];
  let inText = false;
  // Inside mc:Fallback the same content is repeated for old readers: read it once.
  let fallback = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'mc:fallback') { fallback++; return; }
      if (fallback) return;
      switch (name) {
        case 'w:p': {
          const p: Para = { type: 'p', text: '', ilvl: 0 };
          paras.push(p);
          containers[containers.length - 1].push(p);
          break;
        }
        case 'w:t': inText = true; break;
        // A text box's paragraphs (DrawingML wps:txbx or VML v:textbox; the other one of a pair sits in
        // mc:Fallback) are read where the box is anchored, after the anchoring paragraph.
        case 'w:txbxcontent': if (paras.length) paras[paras.length - 1].box = true; break;
        case 'w:tab': if (paras.length && !inText) paras[paras.length - 1].text += '\t'; break;
        case 'w:br': case 'w:cr': if (paras.length && attrs['w:type'] !== 'page') paras[paras.length - 1].text += '\n'; break;
        case 'w:nobreakhyphen': if (paras.length) paras[paras.length - 1].text += '-'; break;
        case 'w:numid': if (paras.length) paras[paras.length - 1].numId = attrs['w:val']; break;
        case 'w:ilvl': if (paras.length) paras[paras.length - 1].ilvl = Number(attrs['w:val']) || 0; break;
        case 'w:tbl': {
          const t: Tbl = { type: 'tbl', rows: [], nested: false };
          if (tables.length) tables[tables.length - 1].nested = true;
          tables.push(t);
          containers[containers.length - 1].push(t);
          break;
        }
        case 'w:tr': if (tables.length) tables[tables.length - 1].rows.push([]); break;
        case 'w:tc': {
          const c: Cell = { blocks: [], span: 1 };
          const t = tables[tables.length - 1];
          if (t?.rows.length) t.rows[t.rows.length - 1].push(c);
          cells.push(c);
          containers.push(c.blocks);
          break;
        }
        case 'w:gridspan': if (cells.length) cells[cells.length - 1].span = Math.min(64, Math.max(1, Number(attrs['w:val']) || 1)); break;
        case 'w:vmerge': if (cells.length) cells[cells.length - 1].vMerge = attrs['w:val'] === 'restart' ? 'restart' : 'continue'; break;
      }
    },
    ontext(data) {
      if (inText && !fallback && paras.length) paras[paras.length - 1].text += data;
    },
    onclosetag(name) {
      if (name === 'mc:fallback') { fallback--; return; }
      if (fallback) return;
      switch (name) {
        case 'w:t': inText = false; break;
        case 'w:p': paras.pop(); break;
        case 'w:tc': cells.pop(); containers.pop(); break;
        case 'w:tbl': tables.pop(); break;
      }
    },
  }, { xmlMode: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(xml);
  return body;
}

class DocxWriter {
  readonly out = new TextBuilder();
  constructor(private numbering: Numbering) {}

  private paraText(p: Para): string {
    const prefix = p.numId ? this.numbering.next(p.numId, p.ilvl) : '';
    return prefix + p.text;
  }

  blocks(blocks: Block[]): void {
    for (const b of blocks) {
      if (b.type === 'p') {
        // A manual line break inside a paragraph is a new line of the report, as in Word's text export.
        const text = this.paraText(b);
        // An empty paragraph is a blank line, as in Word's own text export (reports separate blocks with them).
        // A paragraph that only anchors a text box is no blank line: the box's text follows it.
        if (!text.trim()) { if (!b.box) this.out.blank(); }
        else for (const line of text.split('\n')) this.out.paragraph(line);
      } else if (b.nested) {
        // A table holding tables is page layout: its cells are read as running text.
        for (const row of b.rows) for (const c of row) this.blocks(c.blocks);
      } else {
        this.out.table(this.grid(b));
      }
    }
  }

  /** The table's grid: a cell spanning n grid columns is the cell and n-1 blanks; a continued vertical merge is blank. */
  private grid(t: Tbl): string[][] {
    return t.rows.map((row) => {
      const cells: string[] = [];
      for (const c of row) {
        const text = c.vMerge === 'continue' ? '' : c.blocks.map((b) => (b.type === 'p' ? this.paraText(b) : '')).filter(Boolean).join(' ');
        cells.push(text);
        for (let k = 1; k < c.span; k++) cells.push('');
      }
      return cells;
    });
  }
}

export function extractDocx(bytes: Uint8Array): ExtractResult {
  let files: Record<string, Uint8Array>;
  try {
    let tooBig = false;
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === 'word/document.xml' || f.name === 'word/numbering.xml';
        if (wanted && f.originalSize > MAX_PART) tooBig = true;
        return wanted && !tooBig;
      },
    });
    if (tooBig) return { ok: false, message: { zh: 'Word 文档内容过大（超过 64 MB），不像是年度报告', en: 'The Word document is too large (over 64 MB) to be an annual report' } };
  } catch (e) {
    return { ok: false, message: { zh: `Word 文档已损坏或不是 .docx 格式（${(e as Error).message}）`, en: `The Word document is damaged or not a .docx file (${(e as Error).message})` } };
  }
  const doc = files['word/document.xml'];
  if (!doc) return { ok: false, message: { zh: '不是有效的 Word 文档：缺少 word/document.xml（可能是加密文档或其他格式）', en: 'Not a valid Word document: word/document.xml is missing (encrypted, or another format)' } };
  const dec = new TextDecoder('utf-8');
  const numbering = new Numbering(files['word/numbering.xml'] ? dec.decode(files['word/numbering.xml']) : '');
  const w = new DocxWriter(numbering);
  w.blocks(readBlocks(dec.decode(doc)));
  const text = w.out.text;
  if (!text.trim()) return { ok: false, message: { zh: 'Word 文档中没有文字（可能只有图片）', en: 'The Word document contains no text (images only?)' } };
  return { ok: true, kind: 'docx', text, lines: w.out.lines, notes: [] };
}
