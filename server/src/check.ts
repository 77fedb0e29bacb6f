// The one entry point every front end uses: parse once, run every enabled rule, return findings.
import type { Finding, Report } from './model';
import type { Lang } from './i18n';
import type { GovreportConfig } from './config';
import { parseReport } from './parse/parse';
import { allRules } from './rules';
import { forgetGrids } from './rules/arithmetic';
import { forgetApartFaults } from './rules/separated-sums';
import { numbersTitle } from './fix';
import { ViewMap } from './parse/md-html-map';

export interface CheckOptions {
  uri?: string;
  lang?: Lang;
  config?: GovreportConfig;
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
  /** Rules that threw: reported once each, the other rules still ran. */
  ruleErrors: { rule: string; error: string }[];
}

export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const report = parseReport(text, options.uri ?? 'untitled', options.config);
  return checkReport(report, options);
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const lang = options.lang ?? 'zh';
  // Settings by rule id come only with a configuration: without one no id is looked up (a miss on an
  // empty object walks its prototype chain, twenty times a check).
  const ruleSettings = options.config?.rules;
  const findings: Finding[] = [];
  const ruleErrors: { rule: string; error: string }[] = [];
  const ctx = { lang, year: report.year?.value, ruleOn: (id: string) => ruleSettings?.[id] !== 'off' };
  for (const rule of allRules) {
    const setting = ruleSettings?.[rule.id];
    if (setting === 'off') continue;
    try {
      const found = rule.check(report, ctx);
      for (let i = 0; i < found.length; i++) {
        const f = found[i];
        findings.push({
          rule: rule.id,
          severity: setting ?? f.severity ?? rule.defaultSeverity,
          range: f.range,
          message: f.message,
          fixes: f.fixes ? numbersTitle(f.fixes, lang) : [],
          data: f.data,
        });
      }
    } catch (e) {
      ruleErrors.push({ rule: rule.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  forgetGrids();
  forgetApartFaults();
  // Rules ran on the view of a text with HTML tables (parse/md-html-tables.ts): back to the text as written.
  if (report.view) {
    const map = new ViewMap(report.view, report.lineStarts);
    return { report: map.report(report), findings: sortFindings(findings.map((f) => map.finding(f))), ruleErrors };
  }
  return { report, findings: sortFindings(findings), ruleErrors };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
