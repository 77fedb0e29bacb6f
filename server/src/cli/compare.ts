// `govreport compare LAST THIS`: year over year, as text, JSON or a self-contained HTML page.
// Both reports are read as `check` reads them (runBatch: decoding, size limits, configuration).
import type { Lang } from '../i18n';
import { compareReports } from '../compare/compare';
import { comparisonText } from '../compare/text';
import { comparisonHtml } from '../summary/compareHtml';
import { runBatch, writeProblems } from './batch';

export async function runCompare(files: [string, string], format: string, lang: Lang, configFile: string | undefined, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const b = await runBatch(files, { lang, configFile, keepReports: true });
  writeProblems(b, lang, err);
  if (b.configProblems.length > 0) return 2;
  let failed = false;
  for (const r of b.results) if (r.error || !r.result?.report) { err.write(`govreport: ${r.file}: ${r.error ?? 'not read'}\n`); failed = true; }
  const [last, current] = b.results;
  if (failed || !last?.result?.report || !current?.result?.report) return 2;
  const c = compareReports(last.result.report, current.result.report, { last: files[0], this: files[1] });
  if (format === 'json') out.write(JSON.stringify(c, null, 2) + '\n');
  else if (format === 'html') out.write(comparisonHtml(c, lang));
  else out.write(comparisonText(c, lang));
  return 0;
}
