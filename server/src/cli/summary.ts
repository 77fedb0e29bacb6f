// `govreport summary DIRS|FILES`: one line per report, read and checked as `check` does (runBatch:
// the same configuration, the same findings, carry-over across the given reports included).
import type { Lang } from '../i18n';
import { reportFigures, type ReportFigures } from '../summary/figures';
import { summaryCsv, summaryText } from '../summary/columns';
import { summaryHtml } from '../summary/summaryHtml';
import { findingsOf, runBatch, writeProblems } from './batch';

export async function collectFigures(inputs: string[], lang: Lang, configFile: string | undefined, err: NodeJS.WritableStream): Promise<{ list: ReportFigures[]; code: number }> {
  const b = await runBatch(inputs, { lang, configFile, keepReports: true });
  writeProblems(b, lang, err);
  const list: ReportFigures[] = [];
  for (const r of b.results) {
    if (r.error) err.write(`govreport: ${r.file}: ${r.error}\n`);
    if (r.result?.report) list.push(reportFigures(r.file, r.result.report, findingsOf(r)));
  }
  return { list, code: b.configProblems.length > 0 || b.unreadable > 0 ? 2 : 0 };
}

export async function runSummary(inputs: string[], format: string, lang: Lang, configFile: string | undefined, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { list, code } = await collectFigures(inputs, lang, configFile, err);
  if (format === 'json') out.write(JSON.stringify(list, null, 2) + '\n');
  else if (format === 'csv') out.write(summaryCsv(list, lang));
  else if (format === 'html') out.write(summaryHtml(list, lang));
  else out.write(summaryText(list, lang));
  return code;
}
