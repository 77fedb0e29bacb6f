// Arguments of the view commands (compare, summary): --format, --lang, --help and the inputs, read
// with node:util parseArgs; a usage problem is written once with the command's usage line.
import { parseArgs } from 'node:util';
import { langFromLocale, type Lang } from '../i18n';

export type ViewArgs = { help: true } | { help?: false; format: string; lang: Lang; inputs: string[] };

export function cliLang(explicit: string | undefined): Lang {
  if (explicit === 'en' || explicit === 'zh') return explicit;
  return process.env.GOVREPORT_LANG ? langFromLocale(process.env.GOVREPORT_LANG) : 'zh';
}

/** The arguments, or undefined after writing the problems and the usage to `err`. */
export function viewArgs(command: string, argv: string[], formats: string[], usage: string, checkInputs: (n: number) => string | undefined, err: NodeJS.WritableStream): ViewArgs | undefined {
  const problems: string[] = [];
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) return { help: true };
    const format = values.format ?? formats[0];
    if (!formats.includes(format)) problems.push(`--format must be one of ${formats.join('|')} (got ${format})`);
    if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') problems.push(`--lang must be zh or en (got ${values.lang})`);
    const bad = checkInputs(positionals.length);
    if (bad) problems.push(bad);
    if (problems.length === 0) return { format, lang: cliLang(values.lang), inputs: positionals };
  } catch (e) {
    problems.push((e as Error).message);
  }
  err.write(`govreport ${command}: ${problems.join('; ')}\n${usage}\n`);
  return undefined;
}
