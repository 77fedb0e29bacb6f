// The parsed report: Report → Section → Table → Row → Cell. Every node keeps its source range so
// that rules, hovers and fixes can point back into the text without re-parsing it.

/** 0-based line and UTF-16 column, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Short imperative title, already localised (e.g. 将总计改为 22). */
  title: string;
  edits: TextEdit[];
  /**
   * True when applying the fix without looking is safe (fix-all, `--fix`, fix on save).
   * Unsafe fixes are still offered one by one in the editor.
   */
  safe: boolean;
  /**
   * True when the fix changes a statistic: it writes, changes or removes a value cell of a statistics
   * table, or shifts value cells into other columns (a total, a part cell, a row or table inserted
   * with values, a cell inserted into or removed from a row). Such a fix is offered in the editor but
   * never applied by `--fix` or fix-all unless numeric fixes were asked for (`--fix-type numbers`,
   * `govreport.fix.numbers`, `"fix": { "numbers": true }`). Rewriting the same value in another
   * notation (full-width digits, thousands separators) does not change a statistic.
   */
  numbers: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  fixes: Fix[];
  /** Extra facts for hovers and JSON output (expected value, standard label…). */
  data?: Record<string, string | number>;
}

export type FormatId = '2021' | '2019' | 'legacy';

/** spaced: cells separated by single spaces (PDF text without -layout, copies from PDF viewers). */
export type Layout = 'pipe' | 'markdown' | 'tab' | 'cell-per-line' | 'aligned' | 'spaced';

/** A cell as read from the text: one `|`/tab-separated field, or one line in one-cell-per-line layouts. */
export interface Cell {
  text: string;
  range: Range;
  /** Line index (0-based) the cell starts on. */
  line: number;
  /** Start and end column of the cell's text on its line (the range's characters, without building it). */
  from: number;
  to: number;
  kind: 'text' | 'number' | 'blank';
  /** Parsed value for number cells (NaN when it looks numeric but cannot be read). */
  value: number | null;
  /** Why the number is not clean (full-width digits, unit, thousands separator…). */
  numberIssue?: NumberIssue;
}

/** letters: digits typed as letters (l2, O); approx: a figure with 约/近/共 (约5). */
export type NumberIssue = 'fullwidth' | 'unit' | 'separator' | 'garbled' | 'decimal' | 'dash' | 'letters' | 'approx';

export interface Row {
  /** Template row id, or undefined when the label matched nothing. */
  id?: string;
  /** Label cells as they appear (a label may be split over several cells or lines). */
  labelCells: Cell[];
  /** Normalised label text (fragments joined, whitespace removed). */
  label: string;
  labelRange?: Range;
  /** How well the label matched the template row (1 = exact). */
  score: number;
  /** The label differs from the standard wording but is a known, accepted variant. */
  acceptedVariant: boolean;
  /** The ordinal written before the label (一、 (三) 4.), as text and number. */
  ordinal?: { text: string; value: number; range: Range };
  values: Cell[];
  range: Range;
}

export interface HeaderCell {
  cell: Cell;
  /** Template column id the header matched, if any. */
  columnId?: string;
  score: number;
  /** Format(s) in which this column label is standard. */
  formats: FormatId[];
  /** Every cell of a header the page wrote over several lines (商业 | 企业, 本年新 | 制作数量): its wording is theirs joined. */
  parts?: Cell[];
}

export interface Table {
  /** Template table id: t2.1, t2.5, t2.6, t2.8, t2.9, t3, t4. */
  id: string;
  layout: Layout;
  range: Range;
  caption?: Cell;
  headers: HeaderCell[];
  rows: Row[];
  /** Text cells inside the table that matched neither a header, a group nor a row. */
  stray: Cell[];
  /** Group labels seen (三、本年度办理结果, (三)不予公开…), by group id. */
  groups: { id: string; cells: Cell[] }[];
  /** Line where text can be inserted after the table (0-based, exclusive end line). */
  endLine: number;
  /**
   * Set when the text gives the table's labels and figures apart (plain pdftotext prints a wide
   * table's columns as blocks of their own): which figure is in which cell cannot be told, so its
   * rows and arithmetic are not checked (parse/separated.ts; rule table-unreadable says so once).
   */
  unread?: Unread;
  /**
   * Set when such a table's figures were put back into their rows (parse/separated-rows.ts): its cells
   * are read and checked, but its labels' wording is still the layout's (cut at line ends, glued to
   * fragments of other cells), so only a slip no layout makes is reported on them.
   */
  labelsApart?: boolean;
}

/** Why a table's rows and figures could not be matched. */
export interface Unread {
  /** Rows whose label stands without its values (fewer than the table's columns, often none). */
  labelsWithoutValues: number;
  /** Rows holding more figures than the table has columns, or figures with no label before them. */
  valuesWithoutLabel: number;
  /** Every text cell is a known label or header words: which rows the table has is known (parse/separated-labels.ts). */
  labelsRead?: boolean;
  /** The rows whose figures are certain and the pool of the others' (parse/separated-partial.ts). */
  partial?: PartialReading;
}

/** An unread table's certain rows, and the figures that fill its open rows in an order the text does not tell. */
export interface PartialReading {
  width: number;
  /** Figures of the rows that are certain, by row id. */
  known: Map<string, Cell[]>;
  /** Rows whose figures are somewhere in the pool. */
  open: string[];
  /** Every figure of the open rows, ascending; exactly width × open.length of them, blank cells as 0. */
  pool: number[];
  /** Cells the text holds no figure for (whole rows' worth, unless scattered): left blank, read as 0. */
  blank: number;
  /**
   * The figures fall short by cells, not whole rows (parse/separated-short.ts): the blank cells may be
   * anywhere, so no row is known and every row is open.
   */
  scattered?: true;
  /** The label row of each row id read (for anchoring and naming). */
  labels: Map<string, Row>;
}

export interface Section {
  /** Standard section number 1..6 this heading stands for, or undefined for an unknown/extra heading. */
  std?: number;
  /** Legacy-only heading (e.g. 政府信息公开收费及减免情况). */
  legacyExtra?: string;
  headingLine: number;
  headingRange: Range;
  /** The ordinal as written (一 / 五 …) and its range; absent when the heading has none. */
  ordinal?: { text: string; value: number; range: Range };
  title: string;
  titleRange: Range;
  /** How the title matched: exact standard wording, a known variant, the statute's wording, fuzzy. */
  titleMatch: 'exact' | 'variant' | 'legacy' | 'fuzzy' | 'none';
  /** Body: lines after the heading up to the next heading (exclusive). */
  bodyStartLine: number;
  bodyEndLine: number;
  tables: Table[];
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  range: Range;
  line: number;
  /** Where it was read: the signature (落款) at the end, or a web page's date line at the top. */
  source: 'signature' | 'page';
  /** The label as written (发布时间, 时间, 成文日期 …), 落款 for a signature date, 网页日期 for an unlabelled page date. */
  label: string;
}

export interface Report {
  uri: string;
  text: string;
  /** Start offset of every line; lines[i] is the text without its line break. */
  lineStarts: number[];
  lines: string[];
  /** Lines with full-width ASCII and odd spaces mapped 1:1 to ASCII (same length, same columns). */
  normLines: string[];
  /** The title; a title split over two lines has its text joined and the other line in continuationLine. */
  title?: { line: number; range: Range; text: string; agency?: string; year?: number; agencyLine?: number; continuationLine?: number };
  titleRepeats: number[];
  year?: { value: number; source: 'title' | 'body' | 'config'; range?: Range };
  bodyYears: { value: number; range: Range }[];
  /** Format used to check the tables, and why. */
  format: FormatId;
  expectedFormat?: FormatId;
  formatReason: string;
  /** Markers of each format found in the tables. */
  formatMarkers: { format: FormatId; text: string; range: Range }[];
  sections: Section[];
  tables: Table[];
  publishDate?: DateMention;
  /** Prose lines (not headings, not table content) inside the report body. */
  proseLines: number[];
  /** First line of an annex (附件) after the signature; lines from here are not checked. */
  annexLine?: number;
  /** Layout most tables use, for inserting new tables and rows in the same style. */
  dominantLayout: Layout;
  /** Whether one-cell-per-line tables separate cells with blank lines. */
  blankLineCells: boolean;
  eol: string;
  /** True when the text does not look like an annual report at all. */
  notAReport: boolean;
  /** Set while the rules run on a view of the text with its HTML tables laid out (parse/md-html-tables.ts). */
  view?: import('./parse/md-html-view').TableView;
}
