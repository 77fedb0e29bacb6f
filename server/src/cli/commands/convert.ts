// `govreport convert FILE [--layout tab|pipe|markdown] [-o OUT]`: a Word, web or PDF report as an
// editable text report (stdout, or OUT). Checking the result finds what checking the original finds.
import * as path from 'node:path';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { readFileBytes } from '../../io/files';
import { writeOutputFile } from '../../io/outputFile';
import { reportText } from '../../io/source-file';
import { relayout, type TextLayout } from '../../io/readers/relayout';

export default defineCommand({
  name: 'convert',
  summary: { zh: '把 Word（.docx）、网页（.html）或 PDF 报告转换为可编辑的文本报告', en: 'turn a Word (.docx), web page (.html) or PDF report into an editable text report' },
  operands: 'FILE',
  options: [
    { name: 'layout', short: 'l', type: 'string', choices: ['tab', 'pipe', 'markdown'], value: 'tab|pipe|markdown', help: { zh: '表格写法（默认 tab：单元格以制表符分隔）', en: 'how tables are written (default tab: cells separated by tabs)' } },
    { name: 'output', short: 'o', type: 'string', value: 'OUT', help: { zh: '写入这个文件（默认输出到标准输出）', en: 'write to this file (default: standard output)' } },
  ],
  async run({ values, positionals }, { lang, out, err }) {
    if (positionals.length !== 1) throw new UsageError({ zh: '请给出一个要转换的文件', en: 'give exactly one file to convert' });
    const file = positionals[0];
    const output = values.output as string | undefined;
    if (output !== undefined && path.resolve(output) === path.resolve(file)) throw new UsageError({ zh: '输出文件不能是原文件', en: 'the output must not be the input file' });
    const bytes = readFileBytes(file);
    if (!bytes.ok) { err.write(`govreport: ${file}: ${bytes.error[lang]}\n`); return 2; }
    const r = await reportText(file, bytes.bytes);
    if (!r.ok) { err.write(`govreport: ${file}: ${r.message[lang]}\n`); return 2; }
    const text = r.source ? relayout(r.source, ((values.layout as string | undefined) ?? 'tab') as TextLayout) : r.text;
    if (output === undefined) { out.write(text); return 0; }
    const failed = await writeOutputFile(output, text, [file]);
    if (failed) { err.write(`govreport: ${output}: ${failed[lang]}\n`); return 2; }
    err.write(`govreport: ${file} → ${output}\n`);
    return 0;
  },
});
