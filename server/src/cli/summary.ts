// `govreport summary DIRS|FILES [--format text|csv|json|html] [--lang zh|en]`: one line per report.
import * as path from 'node:path';
import { expandInputs } from '../io/files';
import { reportFigures, type ReportFigures } from '../summary/figures';
import { summaryCsv, summaryText } from '../summary/columns';
import { summaryHtml } from '../summary/summaryHtml';
import { loadReport } from './load';
import { viewArgs } from './viewArgs';
import { carryFacts, checkCarryover, indexFacts, type CarryFacts } from '../rules/carryover-mismatch';

export const SUMMARY_USAGE = 'govreport summary [--format text|csv|json|html] [--lang zh|en] DIRS|FILES…';

export async function summaryMain(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const a = viewArgs('summary', argv, ['text', 'csv', 'json', 'html'], SUMMARY_USAGE, (n) => (n > 0 ? undefined : 'give the folders or files to summarise'), err);
  if (!a) return 2;
  if (a.help) { out.write(`${SUMMARY_USAGE}\n`); return 0; }
  const { format, lang } = a;
  const figures = await collectFigures(a.inputs, lang, (file, error) => err.write(`govreport summary: ${file}: ${error}\n`));
  if (format === 'json') out.write(JSON.stringify(figures.list, null, 2) + '\n');
  else if (format === 'csv') out.write(summaryCsv(figures.list, lang));
  else if (format === 'html') out.write(summaryHtml(figures.list, lang));
  else out.write(summaryText(figures.list, lang));
  return figures.unreadable > 0 ? 2 : 0;
}

/** Figures of every report under the inputs; files in folders that are not reports are skipped. */
export async function collectFigures(inputs: string[], lang: 'zh' | 'en', onError: (file: string, error: string) => void): Promise<{ list: ReportFigures[]; unreadable: number }> {
  const list: ReportFigures[] = [];
  const facts: (CarryFacts | undefined)[] = [];
  const explicit = new Set(inputs.map((i) => path.resolve(i)));
  let unreadable = 0;
  for await (const entry of expandInputs(inputs)) {
    if ('error' in entry) { unreadable++; onError(entry.path, entry.error[lang]); continue; }
    const loaded = loadReport(entry.path, lang);
    if (!loaded.ok) { unreadable++; onError(entry.path, loaded.error); continue; }
    const { report, findings } = loaded.result;
    if (report.notAReport && !explicit.has(path.resolve(entry.path))) continue;
    list.push(reportFigures(entry.path, report, findings));
    facts.push(carryFacts(report));
  }
  // Counted as `check` counts them: carryover-mismatch across the reports given together.
  const index = indexFacts(facts);
  list.forEach((f, i) => {
    for (const x of checkCarryover(facts[i], index, lang)) {
      f.findings[x.severity]++;
      f.byRule[x.rule] = (f.byRule[x.rule] ?? 0) + 1;
    }
  });
  return { list, unreadable };
}
