// Word files: text in text boxes is read once, where the box is anchored (a title or a note set in a box is
// report text), and page headers and footers (the agency's name and 第 X 页 on every page) are not.
import * as assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, Textbox } from 'docx';
import { extractSource } from '../../server/src/io/readers/load';
import type { ExtractResult } from '../../server/src/io/readers/source';

function ok(r: ExtractResult): Extract<ExtractResult, { ok: true }> {
  if (!r.ok) assert.fail(r.message.en);
  return r;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const box = (paras: string) => `<w:txbxContent>${paras}</w:txbxContent>`;

/** A .docx as Word 2010+ writes a text box: DrawingML in mc:Choice, the same box again as VML in mc:Fallback. */
function docxOf(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

describe('readers: Word text boxes, headers and footers', () => {
  it('reads a DrawingML text box once (not its VML fallback copy), after the paragraph it is anchored in', async () => {
    const anchored = `<w:p><w:r><w:t>一、总体情况</w:t></w:r><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box(p('本机关全年收到申请 5 件。') + p('其中网上申请 3 件。'))}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox>${box(p('本机关全年收到申请 5 件。') + p('其中网上申请 3 件。'))}</v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>`;
    const r = ok(await extractSource(docxOf(p('某某县2023年政府信息公开工作年度报告') + anchored + p('二、主动公开政府信息情况')), 'docx'));
    assert.deepEqual(r.text.split('\n'), ['某某县2023年政府信息公开工作年度报告', '一、总体情况', '本机关全年收到申请 5 件。', '其中网上申请 3 件。', '二、主动公开政府信息情况', '']);
  });

  it('reads a VML text box (older Word, WPS) and leaves out the page header and footer parts', async () => {
    const doc = new Document({
      sections: [{
        headers: { default: new Header({ children: [new Paragraph('某某县人民政府办公室（页眉）')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('第 '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' 页')] })] }) },
        children: [
          new Paragraph('某某县2023年政府信息公开工作年度报告'),
          new Textbox({ style: { width: '200pt', height: '50pt' }, children: [new Paragraph('发布机关：某某县人民政府办公室')] }),
          new Paragraph('一、总体情况'),
        ],
      }],
    });
    const bytes = await Packer.toBuffer(doc);
    const r = ok(await extractSource(bytes, 'docx'));
    assert.deepEqual(r.text.split('\n'), ['某某县2023年政府信息公开工作年度报告', '发布机关：某某县人民政府办公室', '一、总体情况', '']);
    // The header and footer really are in the file: left out by the reader, not missing from the test document.
    assert.match(Buffer.from(bytes).toString('latin1'), /word\/header1\.xml/);
  });

  it('a text box inside a table cell stays in that cell', async () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const tbl = `<w:tbl><w:tr>${cell(p('规章'))}${cell(`<w:p><w:r><w:pict><v:shape><v:textbox>${box(p('3'))}</v:textbox></v:shape></w:pict></w:r></w:p>`)}</w:tr></w:tbl>`;
    const r = ok(await extractSource(docxOf(tbl), 'docx'));
    assert.equal(r.text, '规章\t3\n');
  });
});
