import type { Finding, Fix, Range, Report, Severity } from '../model';
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

/** How a message names a table row: as written, or (table 四's one unlabelled row) the localised “data row”. */
const DATA_ROW = { zh: '数据行', en: 'data row' };
export function rowName(label: string | undefined, ctx: RuleContext): string {
  return label || DATA_ROW[ctx.lang];
}

export type { Finding };
