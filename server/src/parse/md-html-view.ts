// The shape of a text's view with its HTML tables laid out as rows (md-html-tables.ts builds it,
// md-html-map.ts maps back through it). Types only: the model refers to it without loading a parser.

/** Where one table cell's text is, in both texts: [from, to) offsets (from === to: an empty cell). */
export interface CellSpan {
  from: number;
  to: number;
}

export interface TableView {
  /** The source text: what the author wrote, what fixes edit. */
  source: string;
  /** The view: as long as the source, tables laid out as tab rows. */
  text: string;
  /** HTML table blocks laid out, [from, to) offsets, in order. */
  blocks: { from: number; to: number }[];
  /** Every laid-out cell's text, in order of offset. */
  cells: CellSpan[];
}
