// The report's outline: section headings (numbered or not, standard or old wording). The title is
// read by title.ts, the publication date by dates.ts.
import type { Section } from '../model';
import { LEGACY_HEADINGS, SECTIONS } from '../spec';
import type { LineCells } from './cells';
import { sectionByStem, STEM_SCORE } from './section-stems';
import { matchKeys, template } from './template';
import { dice, gramsOf, labelKey, ownCopy, range, readOrdinal, startsWithUnitOf, type Grams } from './text';

interface TitleKey { n?: number; legacy?: string; key: string; how: Section['titleMatch']; grams?: Grams }

const TITLE_KEYS: TitleKey[] = [];
for (const s of SECTIONS) {
  TITLE_KEYS.push({ n: s.n, key: labelKey(s.title), how: 'exact' });
  for (const v of s.variants) TITLE_KEYS.push({ n: s.n, key: labelKey(v), how: 'variant' });
  for (const v of s.legacy) TITLE_KEYS.push({ n: s.n, key: labelKey(v), how: 'legacy' });
}
for (const h of LEGACY_HEADINGS) for (const v of [h.title, ...h.variants]) TITLE_KEYS.push({ legacy: h.id, key: labelKey(v), how: 'legacy' });
for (const t of TITLE_KEYS) t.grams = gramsOf(t.key);

/** Best standard section for a heading title. */
type TitleMatch = { n?: number; legacy?: string; score: number; how: Section['titleMatch'] };
// Headings repeat across reports: score each distinct title once (bounded). One map per floor: a key
// joining floor and title would be a new string to flatten and hash on every lookup.
const titleCache = new Map<number, Map<string, TitleMatch>>();

export function matchSectionTitle(title: string, floor = 0): TitleMatch {
  let byTitle = titleCache.get(floor);
  if (!byTitle) titleCache.set(floor, (byTitle = new Map()));
  const hit = byTitle.get(title);
  if (hit) return hit;
  if (byTitle.size > 20_000) byTitle.clear();
  const m = scoreTitle(title, floor);
  byTitle.set(ownCopy(title), m);
  return m;
}

function scoreTitle(title: string, floor: number): TitleMatch {
  const key = labelKey(title);
  const grams = gramsOf(key);
  let best = { n: undefined as number | undefined, legacy: undefined as string | undefined, score: 0, how: 'none' as Section['titleMatch'] };
  for (const t of TITLE_KEYS) {
    const s = t.key === key ? 1 : dice(grams, t.grams!, Math.max(floor, best.score));
    if (s > best.score || (s === best.score && t.how === 'exact')) best = { n: t.n, legacy: t.legacy, score: s, how: s === 1 ? t.how : 'fuzzy' };
  }
  // Numbered headings only (floor 0.6): a title that opens with section 五's problems and rewords the rest.
  if (best.score < STEM_SCORE && floor <= 0.6) {
    const n = sectionByStem(title);
    if (n) best = { n, legacy: undefined, score: STEM_SCORE, how: 'fuzzy' };
  }
  return best;
}

const T3_HEAD_ROWS = new Set(['new', 'carried', 'results', 'next']);

/** How strongly a line reads as one of table 三's numbered row labels (一、本年新收… 四、结转…). */
const rowScoreCache = new Map<string, number>();
function tableRowScore(title: string): number {
  const hit = rowScoreCache.get(title);
  if (hit !== undefined) return hit;
  if (rowScoreCache.size > 20_000) rowScoreCache.clear();
  const v = scoreTableRow(title);
  rowScoreCache.set(ownCopy(title), v);
  return v;
}

function scoreTableRow(title: string): number {
  const key = labelKey(title);
  let best = 0;
  for (const r of template('t3').rows) {
    if (!T3_HEAD_ROWS.has(r.id)) continue;
    const m = matchKeys(key, r.keys, false);
    if (m && m.score > best) best = m.score;
  }
  return best;
}

/** 、主动公开政府信息情况: the numeral of 二、 lost (a page's glyph or list numbering): an ordinal with no value. */
function lostNumeral(text: string): { style: 'lost'; value: number; offset: number; length: number; text: string } | undefined {
  const m = /^[、．.]\s*(?=[\u4e00-\u9fff])/.exec(text);
  return m ? { style: 'lost', value: 0, offset: 0, length: m[0].length, text: m[0].trimEnd() } : undefined;
}

export interface HeadingCandidate extends Omit<Section, 'bodyStartLine' | 'bodyEndLine' | 'tables'> {
  score: number;
}

const DECO_START = '#*_-•·●';

/** The closing bold marker of `**一、总体情况**` or `__…__`, or ''. */
function trailingBold(text: string): string {
  const c = text.charCodeAt(text.length - 1);
  if (c === 42) return text.endsWith('**') ? '**' : '';
  return c === 95 && text.endsWith('__') ? '__' : '';
}

// The words every unnumbered (or arabic-numbered) heading's title ends in, as the test below reads them.
const TITLE_END = /(情况|事项|概述|概况|措施|附表)\s*$/;
const TITLE_END_WORDS = ['情况', '事项', '概述', '概况', '措施', '附表'];

/** Whether a unit is one `\s` matches (JavaScript's set: ASCII spaces and controls, and Unicode spaces). */
function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** TITLE_END.test(text), read backwards from the end (the regex tries every position from the start). */
function endsInTitleWord(text: string): boolean {
  let e = text.length;
  while (e > 0 && isRegexSpace(text.charCodeAt(e - 1))) e--;
  if (e < 2) return false;
  const a = text.charCodeAt(e - 2);
  const b = text.charCodeAt(e - 1);
  for (const w of TITLE_END_WORDS) if (w.charCodeAt(0) === a && w.charCodeAt(1) === b) return true;
  return false;
}

/**
 * What every heading findHeadings keeps has: a Chinese numeral first (一、, offset 0) or a lost one
 * (、主动公开…), or else a title ending in one of TITLE_END's words (the title is the text's tail).
 * A table of one cell per line has hundreds of short text lines: most fail here, without the
 * ordinal regexes and the ordinal object readOrdinal makes for every `(一)…` label.
 */
function mayBeHeading(text: string): boolean {
  return startsWithUnitOf(text, HEADING_START) || endsInTitleWord(text);
}

// A Chinese numeral (一、), or the 、/．/. left where it was lost.
const HEADING_START = '一二三四五六七八九十、．.';

export function findHeadings(lines: LineCells[], isTableLine: (i: number) => boolean): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  const arabicOut: HeadingCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.cells.length !== 1 || isTableLine(i)) continue;
    const cell = l.cells[0];
    if (cell.text.length > 50 || cell.kind !== 'text') continue;
    // Markdown headings and bold (## 一、总体情况, **一、总体情况**) are decoration around the heading, and so is a
    // list or bullet marker left by a web copy (- 总体情况, • 二、主动公开…): section-numbering weighs the marker.
    // Every decoration starts with one of these characters: most lines need no regex.
    const deco = startsWithUnitOf(cell.text, DECO_START) ? /^(#{1,6}\s*|\*\*|__|[-*•·●]\s*)?/.exec(cell.text)![0] : '';
    const trail = trailingBold(cell.text);
    const text = cell.text.slice(deco.length, cell.text.length - trail.length);
    if (text.length > 45 || !mayBeHeading(text) || /[。；;]$/.test(text) || cell.kind !== 'text') continue;
    const ord = readOrdinal(text) ?? lostNumeral(text);
    const numbered = ord && (ord.style === 'cn' || ord.style === 'lost') && ord.offset === 0;
    // 1、总体情况: an arabic-numbered outline, kept apart and used only when no heading is numbered 一、.
    const arabic = !numbered && ord && ord.style === 'arabic' && ord.offset === 0 && !ord.text.startsWith('(');
    const title = numbered || arabic ? text.slice(ord!.length) : text;
    if (!title) continue;
    // Every standard or old-outline title ends in one of these words; other short lines are not headings.
    if (!numbered && !TITLE_END.test(title)) continue;
    const m = matchSectionTitle(title, numbered ? 0.6 : 0.8);
    if (numbered ? m.score < 0.6 : m.score < 0.8) continue;
    const rowScore = tableRowScore(title);
    if (rowScore >= m.score) continue;
    if (numbered ? m.score < 0.6 : m.score < 0.8 || (ord && !arabic)) continue;
    const c0 = cell.range.start.character + deco.length;
    const titleStart = c0 + (numbered || arabic ? ord!.length : 0);
    // An arabic ordinal's fix replaces it with its spaces (1、 总体情况 → 一、总体情况).
    const ordEnd = c0 + (arabic ? ord!.length : ord?.text.length ?? 0);
    (arabic ? arabicOut : out).push({
      std: m.n,
      legacyExtra: m.legacy,
      headingLine: i,
      headingRange: cell.range,
      ordinal: numbered || arabic ? { text: ord!.text, value: ord!.value, range: range(i, c0, i, ordEnd) } : undefined,
      title,
      titleRange: range(i, titleStart, i, cell.range.end.character - trail.length),
      titleMatch: m.how,
      score: m.score,
    });
  }
  // 1、总体情况 … 6、其他需要报告的事项 with no 一、 heading is the outline (two at least: one such line is a sub-item).
  if (!out.some((h) => h.ordinal && h.std !== undefined) && new Set(arabicOut.map((h) => h.std).filter((n) => n !== undefined)).size >= 2) {
    out.push(...arabicOut);
    out.sort((a, b) => a.headingLine - b.headingLine);
  }
  // A loosely similar line (a sub-heading such as 一、主动公开) does not take a section another heading matches better.
  return out.filter((h) => h.titleMatch !== 'fuzzy' || !out.some((o) => o !== h && o.std === h.std && o.std !== undefined && o.score > h.score));
}
