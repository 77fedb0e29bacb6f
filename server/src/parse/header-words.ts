// Header words one space apart on one line (`本年制发件数 本年废止件数 先行有效件数`, pdftotext -layout
// and plain pdftotext both print narrow header cells so): they are cut into cells when every word is a
// column header of the table, exactly or with one character mistyped (先行有效件数 for 现行有效件数).
// A mistyped word is kept as the author wrote it; table-label then names the standard wording.
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

/** Whether the words are the headers of one line: each a header exactly or one character off, and one at least exact. */
export function areHeaderWords(words: Cell[], tpl: Template): boolean {
  if (words.length < 2) return false;
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
