// One analysis per document version: the parsed Report and its findings. Every feature (diagnostics,
// hover, code actions, symbols…) reads this object, so a version is parsed exactly once.
import type { Finding, Position, Range, Report } from '../model';
import type { Lang } from '../i18n';
import type { GovreportConfig } from '../config';
import { checkText } from '../check';
import { before } from '../parse/text';

export interface Analysis {
  uri: string;
  /** Editor version of the text this analysis was computed from (-1 when unknown). */
  version: number;
  text: string;
  lang: Lang;
  config: GovreportConfig;
  report: Report;
  findings: Finding[];
  ruleErrors: { rule: string; error: string }[];
}

export function analyze(text: string, opts: { uri: string; version?: number; lang?: Lang; config?: GovreportConfig }): Analysis {
  const lang = opts.lang ?? 'zh';
  const config = opts.config ?? {};
  const { report, findings, ruleErrors } = checkText(text, { uri: opts.uri, lang, config });
  return { uri: opts.uri, version: opts.version ?? -1, text, lang, config, report, findings, ruleErrors };
}

/** Whether `p` lies in `r` (end inclusive, so a cursor right after a word still hovers it). */
export function contains(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export { positionAt } from '../parse/text';
