// Server side of the VS Code views "与上年报告比较" and the workspace overview: the comparison of
// the open report with last year's (found in the workspace, or named by the user), and the overview
// figures of every report in the workspace. Reads files only through the bounded workspace index.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Lang } from '../i18n';
import { checkText } from '../check';
import { decodeReport } from '../io/decode';
import { parseReport } from '../parse/parse';
import { compareReports, type Comparison } from '../compare/compare';
import { reportFigures, type ReportFigures } from '../summary/figures';
import { carryFacts, checkCarryover, indexFacts, type CarryFacts } from '../rules/carryover-mismatch';
import type { GovreportConfig } from '../config';
import type { Analysis } from './analysis';
import { looksLikeReport } from './detect';
import { LIMITS, type WorkspaceReports } from './lastYear';

/** Text of a file: URI, from the editor when open, else from disk (regular files under the size limit). */
export type TextOf = (uri: string) => string | undefined;

export function diskText(uri: string): string | undefined {
  try {
    const file = fileURLToPath(uri);
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > LIMITS.bytes) return undefined;
    const d = decodeReport(fs.readFileSync(file));
    return d.ok ? d.text : undefined;
  } catch {
    return undefined;
  }
}

export type CompareAnswer = { comparison: Comparison } | { notFound: true } | { unreadable: string };

export function compareWithLastYear(a: Analysis, ws: WorkspaceReports, textOf: TextOf, lastUri?: string): CompareAnswer {
  const uri = lastUri ?? ws.lastYearOf(a.report)?.uri;
  if (!uri) return { notFound: true };
  const text = textOf(uri);
  if (text === undefined) return { unreadable: uri };
  const name = (u: string) => decodeURIComponent(u.slice(u.lastIndexOf('/') + 1));
  return { comparison: compareReports(parseReport(text, uri, a.config), a.report, { last: name(uri), this: name(a.uri) }) };
}

export function workspaceFigures(ws: WorkspaceReports, textOf: TextOf, lang: Lang, configFor: (uri: string) => GovreportConfig): ReportFigures[] {
  const out: ReportFigures[] = [];
  const facts: (CarryFacts | undefined)[] = [];
  for (const file of ws.files()) {
    const uri = pathToFileURL(file).toString();
    const text = textOf(uri);
    if (text === undefined || !looksLikeReport(text)) continue;
    const { report, findings } = checkText(text, { uri, lang, config: configFor(uri) });
    const f = reportFigures(file, report, findings);
    out.push(f);
    facts.push(carryFacts(report));
  }
  // Counted as `govreport check` and `summary` count them: carry-over across the workspace's reports.
  const index = indexFacts(facts);
  out.forEach((f, i) => {
    for (const x of checkCarryover(facts[i], index, lang)) { f.findings[x.severity]++; f.byRule[x.rule] = (f.byRule[x.rule] ?? 0) + 1; }
  });
  return out;
}
