// Shapes of the format data. Rules read these; they never hard-code a label or a sum.
import type { FormatId } from '../model';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface SectionSpec {
  /** 1..6 */
  n: number;
  title: string;
  /** Wordings seen in real reports: accepted, but flagged by section-title with a fix. */
  variants: string[];
  /** Older-outline wordings that stand for this section (一、概述 → 一、总体情况). */
  legacy: string[];
  /** Tables this section must contain (template table ids). */
  tables: string[];
  basis: Bilingual;
  requirement: Bilingual;
}

/** A heading that belongs to the old outline only and has no place in the current format. */
export interface LegacyHeadingSpec {
  id: string;
  title: string;
  variants: string[];
  /** Where its content belongs now. */
  mergeInto: number;
}

export type ValueKind = 'count' | 'signed' | 'money' | 'amount';

export interface ColumnSpec {
  id: string;
  label: string;
  /** Accepted silently (layout or harmless wording differences). */
  aliases?: string[];
  /** Known wrong wordings: recognised, flagged by table-label with the standard label as fix. */
  typos?: string[];
  kind: ValueKind;
}

export interface RowSpec {
  id: string;
  /** Standard label without its ordinal. */
  label: string;
  /** Ordinal style and value: 一、 (one) / (一) (paren) / 1. (arabic). */
  ordinal?: { style: 'cn' | 'paren' | 'arabic'; value: number };
  /** A group heading (三、本年度办理结果, (三)不予公开) carries no values. */
  group?: boolean;
  /** Parent group id, for sub-rows. */
  parent?: string;
  aliases?: string[];
  typos?: string[];
  basis?: Bilingual;
  note?: Bilingual;
}

export interface SumRule {
  /** Within one row: cell `total` = Σ cells `parts` (column ids). */
  kind: 'across';
  total: string;
  parts: string[];
}

export interface ColumnSumRule {
  /** Within one column: row `total` = Σ rows `parts` (row ids). */
  kind: 'down';
  total: string;
  parts: string[];
}

export interface BalanceRule {
  /** Within one column: Σ left rows = Σ right rows. */
  left: string[];
  right: string[];
  note: Bilingual;
}

export interface TableSpec {
  id: string;
  /** Section number the table belongs to. */
  section: number;
  /** Caption text (第二十条第（一）项) for table-二 blocks. */
  caption?: string;
  name: Bilingual;
  columns: ColumnSpec[];
  /** Header labels that group columns (申请人情况, 法人或其他组织, 行政复议…); not value columns. */
  headerGroups?: string[];
  rows: RowSpec[];
  /** The first header cell of table-二 blocks (信息内容). */
  rowHeader?: string;
  across?: SumRule[];
  down?: ColumnSumRule[];
  balance?: BalanceRule[];
  /** Table 四 has one unlabeled data row. */
  unlabeledRow?: boolean;
  basis?: Bilingual;
}

export interface FormatSpec {
  id: FormatId;
  name: Bilingual;
  document: string;
  sections: SectionSpec[];
  tables: TableSpec[];
}
