// pdftotext -layout prints a row's figures by column; a short piece of text standing between two figures of the row
// (`（七）总计   63   0   0   2   件   0   4   68`, a stray letter `x`) is no row label: the figures after it are the
// same row's. Read as a label it cut the row in two — the row short of figures, a row of its own named `件` — and the
// arithmetic rules then "fixed" the short row by writing figures into the blanks (the number-invalid blank→0 fix
// even unseen), pass after pass of fix-all. The piece is left a stray cell of the table; the figures stay together.
import type { Cell } from '../model';
import { startsWithOrdinal } from './cells';
import { rowPrefixes } from './key-prefixes';
import { stripNormKey, type Template } from './template';

/** Longest piece taken for a stray (a unit word, a letter, a leftover character). */
const MAX_PIECE = 3;

/** Whether text cell `ci` of a -layout line stands between two figures and names no row. */
export function strayBetweenFigures(tpl: Template, cells: readonly Cell[], ci: number): boolean {
  const prev = cells[ci - 1];
  const next = cells[ci + 1];
  if (!prev || !next || prev.kind !== 'number' || next.kind !== 'number') return false;
  const c = cells[ci];
  if (c.text.length > MAX_PIECE || startsWithOrdinal(c.text)) return false;
  const key = stripNormKey(c.text).key;
  return !!key && !rowPrefixes(tpl).has(key);
}
