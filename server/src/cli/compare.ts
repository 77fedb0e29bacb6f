// `govreport compare LAST THIS [--format text|json|html] [--lang zh|en]`: year over year.
import { viewArgs } from './viewArgs';
import { compareReports } from '../compare/compare';
import { comparisonText } from '../compare/text';
import { comparisonHtml } from '../summary/compareHtml';
import { loadReport } from './load';

export const COMPARE_USAGE = 'govreport compare LAST THIS [--format text|json|html] [--lang zh|en]';

export async function compareMain(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const a = viewArgs('compare', argv, ['text', 'json', 'html'], COMPARE_USAGE, (n) => (n === 2 ? undefined : `give exactly two reports, last year's then this year's (got ${n})`), err);
  if (!a) return 2;
  if (a.help) { out.write(`${COMPARE_USAGE}\n`); return 0; }
  const { format, lang } = a;
  const [lastFile, thisFile] = a.inputs;
  const last = loadReport(lastFile, lang);
  const current = loadReport(thisFile, lang);
  let failed = false;
  for (const [file, l] of [[lastFile, last], [thisFile, current]] as const) if (!l.ok) { err.write(`govreport compare: ${file}: ${l.error}\n`); failed = true; }
  if (!last.ok || !current.ok || failed) return 2;
  const c = compareReports(last.result.report, current.result.report, { last: lastFile, this: thisFile });
  if (format === 'json') out.write(JSON.stringify(c, null, 2) + '\n');
  else if (format === 'html') out.write(comparisonHtml(c, lang));
  else out.write(comparisonText(c, lang));
  return 0;
}
