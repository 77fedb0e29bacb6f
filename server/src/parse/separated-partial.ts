// When plain pdftotext scatters part of a table (parse/separated.ts) and no single reading puts every
// figure back (separated-rows.ts), most rows may still be certain: a label followed by exactly its
// row's figures, or a row followed by the figures of the rows whose labels were printed elsewhere. The
// rest of the figures belong to the rest of the rows in some order the text no longer tells. Kept as a
// partial reading — certain rows, the rows left open and the pool of figures that fills them — the
// arithmetic that holds in no placement of the pool is still a certain fault (rules/separated-sums.ts).
// The pool must fill the open rows exactly; a figure too many or too few means the text holds what
// this reading cannot account for (a label not read, a cell cut in two), and then nothing is read — save
// whole rows too few, as many as labels stand without figures: cells left blank, which the text drops.
import type { Cell, PartialReading, Row, Table } from '../model';
import type { Template } from './template';
import { count, shortReading } from './separated-short';


/** Whether every figure stands as a text block of its own (pdftotext's reading order, row by row). */
function ownBlocks(values: Cell[]): boolean {
  for (const c of values) if (!count(c)) return false;
  for (let j = 1; j < values.length; j++) if (values[j].line - values[j - 1].line < 2) return false;
  return true;
}

/** The certain rows and the pool of an unread table's figures, or undefined when they do not add up. */
export function partialReading(t: Table, tpl: Template, counts: number[]): PartialReading | undefined {
  if (counts.length !== 1 || counts[0] < 2) return undefined;
  const width = counts[0];
  const index = new Map<string, number>();
  for (const r of tpl.rows) index.set(r.id, r.index);
  const pool: number[] = [];
  /** Puts a row's figures into the pool; false when one is not a count. */
  const toPool = (r: Row): boolean => {
    for (const c of r.values) if (count(c)) pool.push(c.value!); else return false;
    return true;
  };
  const byId = new Map<string, Row>();
  for (const r of t.rows) {
    if (!r.labelCells.length || !r.id) {
      if (!toPool(r)) return undefined;
      continue;
    }
    if (!index.has(r.id)) return undefined;
    const seen = byId.get(r.id);
    // A label read twice is a header piece (总 计, 然 其他) or a label broken in two; only one may carry figures.
    if (seen) {
      if (seen.values.length && r.values.length) return shortReading(t, tpl, width);
      if (r.values.length || (r.ordinal && !seen.ordinal)) byId.set(r.id, r);
      continue;
    }
    byId.set(r.id, r);
  }
  const ordered = [...byId.values()].sort((a, b) => index.get(a.id!)! - index.get(b.id!)!);
  const known = new Map<string, Cell[]>();
  const open: string[] = [];
  const taken = new Set<Row>();
  let bare = 0;
  // Rows left blank drop out of the text: when the figures fall short of the rows, a block's extra figures
  // may belong to rows after a blank one, so "the next rows in the table's order" is no longer certain
  // (fourth blind round: 市场监督管理局 2023, （七）总计's figures given to the blank （六）2.).
  let figures = pool.length;
  for (const r of ordered) figures += r.values.length;
  const rowsBlank = figures < ordered.length * width;
  for (let k = 0; k < ordered.length; k++) {
    const r = ordered[k];
    if (taken.has(r)) continue;
    const n = r.values.length / width;
    if (n >= 1 && Number.isInteger(n) && (n === 1 || !rowsBlank) && ownBlocks(r.values)) {
      const targets = ordered.slice(k + 1, k + n);
      // The rows that take the extra figures are the next ones in the table's order, each without figures.
      if (targets.length === n - 1 && targets.every((x) => x.values.length === 0)) {
        known.set(r.id!, r.values.slice(0, width));
        targets.forEach((x, j) => { known.set(x.id!, r.values.slice((j + 1) * width, (j + 2) * width)); taken.add(x); });
        continue;
      }
    }
    if (!toPool(r)) return undefined;
    if (!r.values.length) bare++;
    open.push(r.id!);
  }
  // Figures too few by whole rows, as many as open rows stand without any figure: the text does not keep
  // a blank cell, so those cells were left blank (read as 0, R3-4). Which rows they are is not told.
  const short = open.length * width - pool.length;
  // Any other shortfall: blank cells somewhere, or nothing read (separated-short.ts).
  if (short < 0 || short % width !== 0 || short / width > bare) return short > 0 ? shortReading(t, tpl, width) : undefined;
  for (let i = 0; i < short; i++) pool.push(0);
  pool.sort((a, b) => a - b);
  return { width, known, open, pool, blank: short, labels: new Map(ordered.map((r) => [r.id!, r])) };
}
