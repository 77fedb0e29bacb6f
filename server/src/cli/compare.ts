// `govreport compare LAST THIS [--format text|json|html] [--lang zh|en]`: year over year.
import { parseArgs } from 'node:util';
import { langFromLocale, type Lang } from '../i18n';
import { compareReports } from '../compare/compare';
import { comparisonText } from '../compare/text';
import { comparisonHtml } from '../summary/compareHtml';
import { loadReport } from './load';

export const COMPARE_USAGE = 'govreport compare LAST THIS [--format text|json|html] [--lang zh|en]';

export function cliLang(explicit: string | undefined): Lang {
  if (explicit === 'en' || explicit === 'zh') return explicit;
  return process.env.GOVREPORT_LANG ? langFromLocale(process.env.GOVREPORT_LANG) : 'zh';
}

export async function compareMain(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let values: { format?: string; lang?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    err.write(`govreport compare: ${(e as Error).message}\n${COMPARE_USAGE}\n`);
    return 2;
  }
  if (values.help) { out.write(`${COMPARE_USAGE}\n`); return 0; }
  const format = values.format ?? 'text';
  const problems: string[] = [];
  if (!['text', 'json', 'html'].includes(format)) problems.push(`--format must be text, json or html (got ${format})`);
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') problems.push(`--lang must be zh or en (got ${values.lang})`);
  if (positionals.length !== 2) problems.push(`give exactly two reports, last year's then this year's (got ${positionals.length})`);
  if (problems.length) { err.write(`govreport compare: ${problems.join('; ')}\n${COMPARE_USAGE}\n`); return 2; }
  const lang = cliLang(values.lang);
  const [lastFile, thisFile] = positionals;
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
