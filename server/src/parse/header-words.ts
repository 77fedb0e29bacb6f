// Header words one space apart on one line (`本年制发件数 本年废止件数 先行有效件数`, pdftotext -layout
// and plain pdftotext both print narrow header cells so): they are cut into cells when every word is a
// column header of the table, exactly or with one character mistyped (先行有效件数 for 现行有效件数).
// A mistyped word is kept as the author wrote it; table-label then names the standard wording.
// The one test of this for every layout (aligned cells, stacked plain-pdftotext headers).
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
 * Whether the words of one line, split at single spaces, are the table's column headers (本年制发件数 本年废止件数
 * 现行有效件数 as a PDF viewer copies them): at least one is a column's wording exactly and every other is one
 * character off one; or all but one are exact, at least two of them, and the odd one is a word of text (a header
 * with a typo, 本年废纸件数 or 社会团体, is still a header in that line and must be judged as one).
 */
export function areHeaderWords(words: readonly { text: string }[], tpl: Template): boolean {
  if (words.length < 2) return false;
  const odd: string[] = [];
  let oddText = '';
  for (const w of words) {
    const key = labelKey(w.text);
    if (tpl.columnByKey.has(key)) continue;
    odd.push(key);
    oddText = w.text;
  }
  const exact = words.length - odd.length;
  if (exact === 0) return false;
  if (odd.every((key) => nearHeader(key, tpl))) return true;
  return odd.length === 1 && exact >= 2 && /^[\u4e00-\u9fff（）()]{3,}$/.test(oddText);
}

function nearHeader(key: string, tpl: Template): boolean {
  for (const k of tpl.columnByKey.keys()) if (oneCharOff(key, k)) return true;
  return false;
}
