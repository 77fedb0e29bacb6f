import type { Cell, Finding, Fix, Range, Report, Row, Severity } from '../model';
import type { Lang, Messages } from '../i18n';
import { message } from '../i18n';
import type { TableSpec } from '../spec/types';
import { rowLabel, tableShortName } from '../spec/render';

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

/** Where a row's name comes from besides the row: the document's lines and the table's spec. */
export interface RowNaming {
  /** A sentence about the row itself: “X”行 / row “X” beside “X” / “X”. */
  asRow?: boolean;
  /** The table's spec: a row without a written label is named by the format's wording for it. */
  spec?: TableSpec;
  /** The document's lines: the label is quoted from them, with the characters the author typed. */
  report?: Pick<Report, 'lines' | 'normLines'>;
}

/**
 * How a message names a table row: its label as the author wrote it (ordinal, quotes and full-width characters
 * kept; only surrounding whitespace trimmed), quoted. A row the parser placed without a written label is named
 * by the format's wording for it, as the standard's name (表三“（一）予以公开”行), never as if quoted from the
 * document; a row with neither (table 四's figures) by the line it starts on, as the editor and the CLI number lines.
 */
export function rowName(row: Pick<Row, 'id' | 'labelCells' | 'range'>, ctx: RuleContext, how: RowNaming = {}): string {
  const zh = ctx.lang === 'zh';
  const { asRow = false, spec, report } = how;
  const written = writtenLabel(row, report);
  if (written) return zh ? (asRow ? `“${written}”行` : `“${written}”`) : asRow ? `row “${written}”` : `“${written}”`;
  const rs = row.id === undefined ? undefined : spec?.rows.find((r) => r.id === row.id);
  if (spec && rs?.label) {
    const table = tableShortName(spec.id);
    const label = rowLabel(rs);
    return zh ? `${table.zh}“${label}”${asRow ? '行' : ''}` : `${asRow ? 'the row' : 'row'} “${label}” of ${table.en}`;
  }
  const line = row.range.start.line + 1;
  return zh ? `第 ${line} 行` : asRow ? `the row on line ${line}` : `line ${line}`;
}

/**
 * The row's label as the document has it: its label cells joined (a label split over cells or lines), ends
 * trimmed. Cells hold the width-folded text the parser reads ((一) for （一）); where a cell still lines up with
 * its line, the characters are taken from the line as typed.
 */
export function writtenLabel(row: Pick<Row, 'labelCells'>, report?: Pick<Report, 'lines' | 'normLines'>): string {
  let s = '';
  for (const c of row.labelCells) s += typed(c, report).trim();
  // A run of spaces inside a cell is a layout gap (a PDF's column spacing), not the author's words.
  return s.replace(/[ \t]{2,}/g, ' ');
}

function typed(c: Cell, report: Pick<Report, 'lines' | 'normLines'> | undefined): string {
  const line = report?.lines[c.line];
  if (line === undefined || c.to - c.from !== c.text.length || report!.normLines[c.line]?.slice(c.from, c.to) !== c.text) return c.text;
  return line.slice(c.from, c.to);
}

/** A message's first word capitalised (English sentences that begin with a row's name). */
export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export type { Finding };
