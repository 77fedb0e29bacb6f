import type { Finding, Fix, Range, Report, Row, Severity } from '../model';
import type { Lang, Messages } from '../i18n';
import { message } from '../i18n';

export interface RuleContext {
  lang: Lang;
  /** Report year when known (from the title, the body or the configuration). */
  year?: number;
  /**
   * Whether another rule runs (not turned off). A rule that leaves a case to another rule's one finding
   * asks first: turning that rule off must not silence the case.
   */
  ruleOn?: (id: string) => boolean;
}

export type Fixable = 'yes' | 'partly' | 'no';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes: always, only when the right edit is unambiguous, or never. */
  fixable: Fixable;
  /** One-line description in both languages (shown in docs, hovers and `--list-rules`). */
  description: { zh: string; en: string };
  tags: string[];
}

export interface Rule extends RuleMeta {
  messages: Messages;
  check(report: Report, ctx: RuleContext): RuleFinding[];
}

/** What a rule returns; the engine fills in the rule id and the configured severity. */
export interface RuleFinding {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (e.g. a hint for a cosmetic variant). */
  severity?: Severity;
  data?: Record<string, string | number>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function say(rule: Pick<Rule, 'messages'>, ctx: RuleContext, key: string, params?: Record<string, string | number>): string {
  return message(rule.messages, key, ctx.lang, params);
}

/**
 * How a message names a table row: its label as written, quoted; a row without one (table 四's figures) by
 * the line it starts on, as the editor and the CLI number lines — never by a name the author did not write.
 * `asRow` is for sentences about the row itself: “X”行 / row “X” beside 第 N 行 / the row on line N.
 */
export function rowName(row: Pick<Row, 'label' | 'range'>, ctx: RuleContext, asRow = false): string {
  const zh = ctx.lang === 'zh';
  if (row.label) return zh ? (asRow ? `“${row.label}”行` : `“${row.label}”`) : asRow ? `row “${row.label}”` : `“${row.label}”`;
  const line = row.range.start.line + 1;
  return zh ? `第 ${line} 行` : asRow ? `the row on line ${line}` : `line ${line}`;
}

/** A message's first word capitalised (English sentences that begin with a row's name). */
export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export type { Finding };
