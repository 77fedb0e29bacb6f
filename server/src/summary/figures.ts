// The figures of one report for the overview of many: who, which year, which format, how many
// applications came in, were carried over and were disposed of by outcome (table 三, 总计 column),
// review and litigation totals (table 四), and the checker's findings by severity and by rule.
// Only these few numbers are kept per report, so a run over thousands holds no parsed text.
import type { Finding, Report, Severity } from '../model';
import { reportValues, rowValues, type TableValues } from '../compare/values';

/** Outcome groups of table 三, in the order of the format: row id → short key. */
export const OUTCOMES = [
  ['r1', 'disclosed'],
  ['r2', 'partial'],
  ['r3', 'withheld'],
  ['r4', 'unavailable'],
  ['r5', 'notProcessed'],
  ['r6', 'otherOutcome'],
] as const;

export type OutcomeKey = (typeof OUTCOMES)[number][1];

export interface ReportFigures {
  file: string;
  agency: string | null;
  year: number | null;
  format: string;
  /** 一、本年新收 / 二、上年结转 / （七）总计 / 四、结转下年度, 总计 column; null when unreadable. */
  received: number | null;
  carriedOver: number | null;
  outcomes: Record<OutcomeKey, number | null>;
  disposed: number | null;
  carriedForward: number | null;
  /** 行政复议 总计; 行政诉讼 总计 = 未经复议直接起诉 总计 + 复议后起诉 总计. */
  reviews: number | null;
  lawsuits: number | null;
  findings: Record<Severity, number>;
  byRule: Record<string, number>;
}

const val = (tv: TableValues | undefined, row: string, col: string): number | null => {
  if (!tv) return null;
  return rowValues(tv, row)?.values.get(col) ?? null;
};

export function reportFigures(file: string, report: Report, findings: Finding[]): ReportFigures {
  const v = reportValues(report);
  const t3 = v.get('t3');
  const t4 = v.get('t4');
  const outcomes = {} as Record<OutcomeKey, number | null>;
  for (const [row, key] of OUTCOMES) outcomes[key] = val(t3, row, 'total');
  const direct = val(t4, 'data', 'direct.total');
  const after = val(t4, 'data', 'after.total');
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return {
    file,
    agency: report.title?.agency ?? null,
    year: report.year?.value ?? null,
    format: report.format,
    received: val(t3, 'new', 'total'),
    carriedOver: val(t3, 'carried', 'total'),
    outcomes,
    disposed: val(t3, 'r7', 'total'),
    carriedForward: val(t3, 'next', 'total'),
    reviews: val(t4, 'data', 'review.total'),
    lawsuits: direct === null || after === null ? null : direct + after,
    findings: bySeverity,
    byRule,
  };
}
