// Plain pdftotext prints a table's cells in reading order, line by line, so a group cell printed in pieces beside
// a wrapped row label lands between the label's pieces: `（二）部分公开（区分处理的，只计这一情` / `果` (the last
// piece of 三、本年度办理结果) / `形，不计其他情形）`, or `2.申请人逾期未按收费通知要求缴` / `他处理` (of （六）其他
// 处理) / `纳费用、…`. Joined in order the label reads `…这一情果形…`: a typo the author never wrote. The piece is
// lifted out of the label (it stays a stray cell of the table) when it is certainly a layout artefact: a short piece
// on a line of its own between two pieces of one label, the label's wording runs on without it and not with it, and
// the piece is a part of a group or header wording of the same table. A label the author really misspelt on one
// line is one cell and is never touched here.
import type { Cell } from '../model';
import { startsWithOrdinal } from './cells';
import { rowPrefixes } from './key-prefixes';
import { labelKey } from './text';
import { stripNormKey, type Template } from './template';

/** A cell's keys: `key` without its ordinal (stripNormKey), `headerKey` its labelKey. */
export interface CellKeys {
  key: string;
  headerKey: string;
}

function keysOfText(c: Cell): CellKeys {
  return { key: stripNormKey(c.text).key, headerKey: labelKey(c.text) };
}

/** Longest piece taken for a fragment of another cell (他处理 of 其他处理). */
const MAX_PIECE = 3;
const DIGIT = /[0-9]/;

const wordingCache = new Map<string, string[]>();

/** The template's group-row and header wordings: what a cell printed in pieces beside the labels belongs to. */
function otherWordings(tpl: Template): string[] {
  let w = wordingCache.get(tpl.id);
  if (w) return w;
  w = [...tpl.headerKeySet, ...tpl.columnByKey.keys()];
  for (const r of tpl.rows) if (r.group || r.groupSometimes) for (const k of r.keys) w.push(k.key);
  wordingCache.set(tpl.id, w);
  return w;
}

/**
 * `cells` without the pieces of other cells printed inside a row label (see above); the pieces lifted out are
 * appended to `lifted`. Returns `cells` itself when there are none (most tables). `keysOf` gives a cell's keys:
 * the table parser passes the ones it keeps with every cell (a one-cell-per-line table asks about most of its
 * cells, and keying each again was the larger part of this pass).
 */
export function liftInnerStrays(tpl: Template, cells: Cell[], lifted: Cell[], keysOf: (c: Cell) => CellKeys = keysOfText): Cell[] {
  let out: Cell[] | undefined;
  for (let k = 1; k + 1 < cells.length; k++) {
    const mid = cells[k];
    if (mid.kind !== 'text' || mid.text.length > MAX_PIECE + 2 || !isInnerStray(tpl, cells[k - 1], mid, cells[k + 1], keysOf)) {
      out?.push(mid);
      continue;
    }
    if (!out) out = cells.slice(0, k);
    lifted.push(mid);
  }
  if (!out) return cells;
  out.push(cells[cells.length - 1]);
  return out;
}

function isInnerStray(tpl: Template, prev: Cell, mid: Cell, next: Cell, keysOf: (c: Cell) => CellKeys): boolean {
  if (prev.kind !== 'text' || next.kind !== 'text') return false;
  // Three pieces on three lines in reading order: a label wrapped around a piece of another cell.
  if (!(prev.line < mid.line && mid.line < next.line)) return false;
  const piece = keysOf(mid).headerKey;
  if (piece.length === 0 || piece.length > MAX_PIECE || DIGIT.test(piece) || startsWithOrdinal(mid.text) || startsWithOrdinal(next.text)) return false;
  const head = keysOf(prev).key;
  const tail = keysOf(next).headerKey;
  const prefixes = rowPrefixes(tpl);
  // The label before the piece is cut (a start of a wording, not a whole one)…
  if (!head || !prefixes.has(head) || tpl.rowByKey.has(head) || !tail) return false;
  // …it goes on with the piece after, and not with this one.
  if (!prefixes.has(head + tail) || prefixes.has(head + piece) || prefixes.has(head + piece + tail)) return false;
  return otherWordings(tpl).some((w) => w.includes(piece));
}
