// Header words one space apart on one line (`本年制发件数 本年废止件数 先行有效件数`, pdftotext -layout
// and plain pdftotext both print narrow header cells so): they are cut into cells when every word is a
// column header of the table, exactly or with one character mistyped (先行有效件数 for 现行有效件数).
// A mistyped word is kept as the author wrote it; table-label then names the standard wording.
// The one test of this for every layout (aligned cells, stacked plain-pdftotext headers).
import type { Cell } from '../model';
import type { Template } from './template';
import { labelKey } from './text';

/** Same length, one character different: a slip of the typist or the IME, not another header. */
function oneCharOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
  return diff === 1;
}

/**
 * Whether the words are the headers of one line: each a header exactly or one character off with one at least
 * exact, or (isHeaderWordRun) all exact but one odd word of text beside two exact ones.
 */
export function areHeaderWords(words: Cell[], tpl: Template): boolean {
  if (words.length < 2) return false;
  return nearHeaders(words, tpl) || isHeaderWordRun(words, tpl);
}

function nearHeaders(words: Cell[], tpl: Template): boolean {
  let exact = 0;
  for (const w of words) {
    const key = labelKey(w.text);
    if (tpl.columnByKey.has(key)) { exact++; continue; }
    let near = false;
    for (const k of tpl.columnByKey.keys()) if (oneCharOff(key, k)) { near = true; break; }
    if (!near) return false;
  }
  return exact > 0;
}

/**
 * Whether the words of one line, split at single spaces, are the table's column headers (本年制发件数 本年废止件数
 * 现行有效件数 as a PDF viewer copies them): every word a column's wording — or all but one when at least two are, the
 * odd one a word of text (a header with a typo, 本年废纸件数, is still a header in that line and must be judged as one).
 */
function isHeaderWordRun(words: readonly { text: string }[], tpl: Template): boolean {
  let odd = 0;
  for (const w of words) {
    if (tpl.columnByKey.has(labelKey(w.text))) continue;
    if (++odd > 1 || !/^[\u4e00-\u9fff（）()]{3,}$/.test(w.text)) return false;
  }
  return odd === 0 || words.length - odd >= 2;
}
