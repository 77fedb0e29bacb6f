// Where unglue (table.ts) may find a known row label glued inside a cell: the inner ordinals whose
// rest of the text is short enough to be a row label at all. Probing every inner ordinal's rest
// (a copy, a key and a cache entry each) was quadratic in time and memory on a cell made of
// ordinals — a line of 10,000 “（一）” took seconds and 400 MB, 100,000 of them never finished.
import type { Template } from './template';
import { labelKey } from './text';

const INNER_ORDINAL = /[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|\d{1,2}\.(?!\d)/g;
// What an ordinal keeps of itself in a key, at most: “(十一)”, “一二三、”, “12.” are ≤ 5 characters.
const ORDINAL_SLACK = 16;
const longestKey = new WeakMap<Template, number>();

function maxRowKey(tpl: Template): number {
  let n = longestKey.get(tpl);
  if (n === undefined) {
    n = 0;
    for (const k of tpl.rowByKey.keys()) n = Math.max(n, k.length);
    longestKey.set(tpl, n);
  }
  return n;
}

/**
 * The offsets (> 0, left to right) of the inner ordinals after which a row label may start. labelKey
 * maps each character on its own, so a rest's key length is the sum of its pieces' key lengths,
 * summed from the end once: linear in the text.
 */
export function glueCandidates(text: string, tpl: Template): number[] {
  const at: number[] = [];
  INNER_ORDINAL.lastIndex = 1;
  for (let m = INNER_ORDINAL.exec(text); m; m = INNER_ORDINAL.exec(text)) at.push(m.index);
  if (at.length === 0) return at;
  const limit = maxRowKey(tpl) + ORDINAL_SLACK;
  const keep: boolean[] = new Array(at.length);
  let keyLength = 0;
  let end = text.length;
  for (let i = at.length - 1; i >= 0; i--) {
    if (keyLength <= limit) keyLength += labelKey(text.slice(at[i], end)).length;
    end = at[i];
    keep[i] = keyLength <= limit;
  }
  return at.filter((_, i) => keep[i]);
}
