// `govreport convert FILE [--layout tab|pipe|markdown] [-o OUT]`: a Word, web or PDF report as an
// editable text report (stdout, or OUT). Checking the result finds what checking the original finds.
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import type { Lang } from '../i18n';
import { readFileBytes, writeFileAtomic } from '../io/files';
import { reportText } from '../io/source-file';
import { relayout, type TextLayout } from '../io/readers/relayout';

const LAYOUTS: readonly TextLayout[] = ['tab', 'pipe', 'markdown'];

export async function runConvert(argv: string[], lang: Lang, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const zh = lang === 'zh';
  let values: { layout?: string; output?: string };
  let files: string[];
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, options: { layout: { type: 'string', short: 'l' }, output: { type: 'string', short: 'o' }, lang: { type: 'string' } } });
    values = parsed.values;
    files = parsed.positionals;
  } catch (e) {
    err.write(`govreport convert: ${(e as Error).message}\n`);
    return 2;
  }
  const layout = (values.layout ?? 'tab') as TextLayout;
  if (!LAYOUTS.includes(layout)) { err.write(`govreport convert: --layout ${zh ? '只能是' : 'must be'} ${LAYOUTS.join('|')}\n`); return 2; }
  if (files.length !== 1) { err.write(`govreport convert: ${zh ? '请给出一个要转换的文件' : 'give exactly one file to convert'}\n`); return 2; }
  const file = files[0];
  const bytes = readFileBytes(file);
  if (!bytes.ok) { err.write(`govreport: ${file}: ${bytes.error[lang]}\n`); return 2; }
  const r = await reportText(file, bytes.bytes);
  if (!r.ok) { err.write(`govreport: ${file}: ${r.message[lang]}\n`); return 2; }
  const text = r.source ? relayout(r.source, layout) : r.text;
  if (!values.output) { out.write(text); return 0; }
  if (path.resolve(values.output) === path.resolve(file)) { err.write(`govreport convert: ${zh ? '输出文件不能是原文件' : 'the output must not be the input file'}\n`); return 2; }
  try {
    await writeFileAtomic(values.output, text, 'utf-8');
  } catch (e) {
    err.write(`govreport: ${values.output}: ${(e as Error).message}\n`);
    return 2;
  }
  err.write(`govreport: ${file} → ${values.output}\n`);
  return 0;
}
