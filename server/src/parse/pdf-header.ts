// Header cells a PDF printed over several lines, or one character a line (issue 11 class 3): a text
// copied from a PDF viewer gives `自然 / 人`, `总 / 计`, `社会公 / 益组织`, or — a narrow column whose
// characters are stacked, read row by row across the columns — `社 会 公 益 法 律 服 务 其 他 … 组 织 机 构`.
// The fragments of a table's header block are read together: runs that spell a known column wording
// are that column, and what is left must spell the remaining columns as interleaved sequences.
// Only when every fragment is accounted for is the header read so; otherwise nothing changes and
// the header is judged as before (a misworded header is still flagged).
import type { Cell, HeaderCell } from '../model';
import { SourceCell, startsWithOrdinal, type LineCells } from './cells';
import type { ColumnEntry, KeyEntry, Template } from './template';
import { ownCopy } from './text';

// A fragment is short; longer unknown text in a header block (the 勾稽关系 note) is left alone.
const FRAGMENT_MAX = 4;
// The header block sits before the first row: scan a bounded number of lines.
const BLOCK_MAX = 80;

interface Wording { key: string; column?: ColumnEntry; entry?: KeyEntry }

export interface StackedHeader {
  headers: HeaderCell[];
  /** The fragment cells the headers were read from (to be taken out of the lines). */
  used: Set<Cell>;
}

function wordings(tpl: Template): Wording[] {
  const out: Wording[] = [];
  // Standard and accepted wordings only: a typo is never read into a header silently.
  for (const c of tpl.columns) for (const k of c.keys) if (k.kind !== 'typo' && k.key.length >= 2) out.push({ key: k.key, column: c, entry: k });
  for (const h of tpl.headerKeys) if (h.length >= 2 && h.length <= 12) out.push({ key: h });
  // Longest first: 法律服务机构 before 其他.
  return out.sort((a, b) => b.key.length - a.key.length);
}

const cache = new Map<string, Wording[]>();

function isNoise(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0x201c || c === 0x201d || c === 0x22 || c === 0x27) return true;
  }
  return false;
}

/** Whether a fragment (as read below) is a short cell that no wording, header word or row label knows. */
function isFragment(c: Cell, tpl: Template): boolean {
  return c.text.length <= FRAGMENT_MAX && !tpl.columnByKey.has(c.text) && !tpl.headerKeySet.has(c.text) && !isNoise(c.text);
}

/**
 * Whether the block has fewer than two fragments, whatever stops the reading below: counted over
 * every line up to the first figure, with a short cell's own stops (ordinal, row label) but not a
 * long cell's, so the count is at least the reading's. Most tables have none, and are left at that.
 */
function fewFragments(lines: LineCells[], tpl: Template, caption: Cell | undefined): boolean {
  let n = 0;
  for (let k = 0; k < lines.length && k < BLOCK_MAX; k++) {
    for (const c of lines[k].cells) {
      if (c === caption || c.kind === 'blank') continue;
      if (c.kind !== 'text') return n < 2;
      if (c.text.length > FRAGMENT_MAX) continue;
      if (startsWithOrdinal(c.text) || (!tpl.columnByKey.has(c.text) && tpl.rowByKey.has(c.text))) return n < 2;
      if (isFragment(c, tpl) && ++n >= 2) return false;
    }
  }
  return n < 2;
}

/**
 * Reads the header fragments of the block before a table's first row. `lines` are the region's
 * lines (index 0 = the region's first line); returns undefined when there is nothing to read or the
 * fragments do not spell known headers completely.
 */
export function readStackedHeader(lines: LineCells[], tpl: Template, caption: Cell | undefined): StackedHeader | undefined {
  // Table 四's header repeats its five columns under three groups: the existing reading keeps it.
  if (tpl.unlabeledRow || tpl.columns.length < 2 || fewFragments(lines, tpl, caption)) return undefined;
  const frags: Cell[] = [];
  const exactIds = new Set<string>();
  for (let k = 0; k < lines.length && k < BLOCK_MAX; k++) {
    const cells = lines[k].cells;
    let stop = false;
    for (const c of cells) {
      if (c === caption || c.kind === 'blank') continue;
      if (c.kind !== 'text' || startsWithOrdinal(c.text)) { stop = true; break; }
      const exact = tpl.columnByKey.get(c.text);
      if (exact) { for (const col of exact) exactIds.add(col.id); continue; }
      if (tpl.rowByKey.has(c.text)) { stop = true; break; }
      if (tpl.headerKeySet.has(c.text) || c.text.length > FRAGMENT_MAX || isNoise(c.text)) continue;
      frags.push(c);
    }
    if (stop) break;
  }
  if (frags.length < 2) return undefined;

  // The fragments' characters in reading order, each with the cell and offset it comes from.
  let s = '';
  const owner: number[] = [];
  const offset: number[] = [];
  frags.forEach((c, i) => { s += c.text; for (let j = 0; j < c.text.length; j++) { owner.push(i); offset.push(j); } });

  const found = spelled(tpl, s, exactIds);
  if (!found) return undefined;

  const headers: HeaderCell[] = [];
  for (const { w, at } of found) {
    const parts = partsOf(frags, owner, offset, at);
    // One header cell per part, all sharing the parts (as the table parser records a header over several lines).
    for (const cell of parts) headers.push({ cell, columnId: w.column?.id, score: 1, formats: w.entry ? w.entry.formats : [], parts: parts.length > 1 ? parts : undefined });
  }
  return { headers, used: new Set(frags) };
}

/** The source cells a wording was read from: whole fragments, or the characters of a fragment it took. */
function partsOf(frags: Cell[], owner: number[], offset: number[], at: number[]): Cell[] {
  const parts: Cell[] = [];
  let k = 0;
  while (k < at.length) {
    const f = owner[at[k]];
    let e = k + 1;
    // A run of consecutive characters of one fragment.
    while (e < at.length && owner[at[e]] === f && offset[at[e]] === offset[at[e - 1]] + 1) e++;
    const cell = frags[f];
    const from = offset[at[k]];
    const len = e - k;
    parts.push(from === 0 && len === cell.text.length ? cell : new SourceCell(cell.text.slice(from, from + len), cell.line, cell.from + from, 'text', null, undefined));
    k = e;
  }
  return parts;
}

type Found = { w: Wording; at: number[] }[];

// What the fragments spell depends only on the template, the columns already written exactly and the
// fragments' characters: a report's header block is read again at every check (each keystroke), and the
// spelling tries every wording at every character. Kept per key (bounded); null for no reading.
const spellings = new Map<string, Found | null>();
const SPELLINGS_MAX = 1_000;

/** The wordings the characters `s` spell, with the positions each took (see readStackedHeader), or null. */
function spelled(tpl: Template, s: string, exactIds: Set<string>): Found | null {
  let key = tpl.id + '\u0001' + s;
  for (const id of exactIds) key += '\u0001' + id;
  const known = spellings.get(key);
  if (known !== undefined) return known;
  const found = spell(tpl, s, exactIds);
  if (spellings.size >= SPELLINGS_MAX) spellings.clear();
  // A copy: the key is cut from this report's text (see ownCopy).
  spellings.set(ownCopy(key), found);
  return found;
}

function spell(tpl: Template, s: string, exactIds: Set<string>): Found | null {
  let ws = cache.get(tpl.id);
  if (!ws) { ws = wordings(tpl); cache.set(tpl.id, ws); }
  const found: { w: Wording; at: number[] }[] = [];
  const foundIds = new Set<string>(exactIds);
  // 1. Runs that spell a wording (a header over several lines, column by column).
  const left: number[] = [];
  for (let i = 0; i < s.length; ) {
    const w = ws.find((x) => s.startsWith(x.key, i) && !(x.column && foundIds.has(x.column.id)));
    if (!w) { left.push(i++); continue; }
    const at: number[] = [];
    for (let j = 0; j < w.key.length; j++) at.push(i + j);
    found.push({ w, at });
    if (w.column) foundIds.add(w.column.id);
    i += w.key.length;
  }
  // 2. What is left: the remaining columns' wordings as interleaved sequences (stacked characters).
  let rest = left;
  for (const w of ws) {
    if (!rest.length) break;
    if (w.column && foundIds.has(w.column.id)) continue;
    const at: number[] = [];
    let j = 0;
    for (const p of rest) if (j < w.key.length && s[p] === w.key[j]) { at.push(p); j++; }
    if (j < w.key.length) continue;
    found.push({ w, at });
    if (w.column) foundIds.add(w.column.id);
    const taken = new Set(at);
    rest = rest.filter((p) => !taken.has(p));
  }
  if (rest.length) {
    // One column left and characters left: that column, misworded — judged (and flagged) as written.
    const missing = new Set<string>();
    for (const c of tpl.columns) if (!foundIds.has(c.id)) missing.add(c.id);
    if (missing.size !== 1 || rest.length < 2) return null;
    const column = tpl.columns.find((c) => missing.has(c.id))!;
    found.push({ w: { key: column.keys[0].key, column }, at: rest });
  }

  return found;
}
