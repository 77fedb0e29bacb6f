// Shared by fuzz.test.ts (mocha, a few thousand cases) and scripts/fuzz.ts (100,000 cases):
// mutations of the sample reports as fast-check arbitraries, and the robustness properties.
// Every property throws a PropertyFailure whose `signature` groups equal failures together.
import * as fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, type CheckResult } from '../../../server/src/check';
import { applyFixList, fixAll, safeFixes } from '../../../server/src/fix';
import type { Finding, Fix, Position, Range } from '../../../server/src/model';

export const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures');
/** GOVREPORT_FUZZ_FIXTURES=real mutates the real-report corpus (every text kind: PDF text, converter Markdown…)
 * instead of the five samples — the PDF and Markdown passes are only reached by those layouts. */
const REAL = process.env.GOVREPORT_FUZZ_FIXTURES === 'real';
const dir = REAL ? join(FIXTURE_DIR, 'real') : FIXTURE_DIR;
export const FIXTURES: { name: string; text: string }[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') || (REAL && f.endsWith('.md') && !/^[A-Z]+\.md$/.test(f)))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

// ---------------------------------------------------------------------------------------------
// Mutations. Positions are plain naturals taken modulo the current size when applied, so a
// mutation list stays meaningful (and shrinkable) whatever the earlier mutations did.

export type Mutation =
  | { k: 'insert'; at: number; s: string }
  | { k: 'delete'; at: number; len: number }
  | { k: 'dupLine'; line: number }
  | { k: 'swapLines'; a: number; b: number }
  | { k: 'delLines'; line: number; count: number }
  | { k: 'replaceLine'; line: number; s: string }
  | { k: 'truncate'; at: number }
  | { k: 'splitCells'; line: number; sep: string }
  | { k: 'joinLines'; line: number; count: number; sep: string }
  | { k: 'tabsToPipes'; line: number }
  | { k: 'numToText'; nth: number; s: string }
  | { k: 'eol'; line: number; count: number; eol: string }
  | { k: 'repeatLine'; line: number; times: number };

export interface FuzzCase {
  fixture: number;
  muts: Mutation[];
}

/** Characters that have broken text tools before: widths, invisible marks, bidi, surrogates, separators. */
const SPECIAL_CHARS = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', // zero-width
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2069', // bidi
  '\u3000', '\u00a0', '\u2002', '\u2003', '\t', ' ', '\u000b', '\u000c', // spaces
  '\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', // line breaks (only \r and \n split lines)
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', // lone and paired surrogates
  '|', '｜', '\\', '/', '-', '—', '－', '–', '−', ':', '：', ',', '，', '、', '。', '；', '(', ')', '（', '）', '【', '】', '"', '“', '”',
  '\u0000', '\u0001', '\u001a', '\u007f', '\ufffd', '\uffff',
];

/** Words that steer the parser: headings, row labels, captions, claims. */
const TOKENS = [
  '一、', '二、', '三、', '四、', '五、', '六、', '七、', '十、', '(一)', '（二）', '(三)', '1.', '2、', '3.', '(4)', '十一、',
  '总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况', '其他需要报告的事项', '政府信息公开工作年度报告', '人民政府', '卫生健康局',
  '第二十条第（一）项', '第二十条第(五)项', '信息内容', '本年制发件数', '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量', '本年度办理结果', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理',
  '总计', '结转下年度继续办理', '行政复议', '行政诉讼', '结果维持', '申请', '收到申请', '件', '共收到', '办结',
  '附件', '附表', '发布时间：', '2022年', '2020年1月1日至12月31日', '2023年1月20日', '2099-13-45', '二〇二二年一月三十日',
  '---', '|---|---|', ' | ', '\t', '  ', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他',
];

const NUMBER_TEXTS = ['', '无', '-', '—', '/', '１２', '０', '1,234', '12件', '3.5', '-1', '+7', '一百', 'N/A', 'O', 'l2', '9999999999999999999999', '1e5', '0x10', 'NaN', ' ', '１,０００万元', '%', '5%'];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const fullWidthDigit = fc.integer({ min: 0xff10, max: 0xff19 }).map((c) => String.fromCharCode(c));
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const asciiDigit = fc.integer({ min: 0x30, max: 0x39 }).map((c) => String.fromCharCode(c));

export const hostileUnit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_CHARS), weight: 4 },
  { arbitrary: fc.constantFrom(...TOKENS), weight: 4 },
  { arbitrary: cjk, weight: 3 },
  { arbitrary: fullWidthDigit, weight: 2 },
  { arbitrary: asciiDigit, weight: 3 },
  { arbitrary: anyUnit, weight: 2 },
  { arbitrary: fc.string({ maxLength: 3 }), weight: 1 },
);

export const hostileString: fc.Arbitrary<string> = fc.array(hostileUnit, { maxLength: 12 }).map((a) => a.join(''));

const numberText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...NUMBER_TEXTS), hostileString);

const pos = fc.nat();

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('insert' as const), at: pos, s: hostileString }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant('delete' as const), at: pos, len: fc.integer({ min: 1, max: 40 }) }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('dupLine' as const), line: pos }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('swapLines' as const), a: pos, b: pos }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('delLines' as const), line: pos, count: fc.integer({ min: 1, max: 8 }) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('replaceLine' as const), line: pos, s: hostileString }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('truncate' as const), at: pos }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('splitCells' as const), line: pos, sep: fc.constantFrom('\n', '\t', '\n\n', '\r\n', '  ') }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('joinLines' as const), line: pos, count: fc.integer({ min: 1, max: 10 }), sep: fc.constantFrom(' | ', '|', '\t', '  ', '') }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('tabsToPipes' as const), line: pos }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('numToText' as const), nth: pos, s: numberText }), weight: 4 },
  { arbitrary: fc.record({ k: fc.constant('eol' as const), line: pos, count: fc.integer({ min: 1, max: 50 }), eol: fc.constantFrom('\r\n', '\r') }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('repeatLine' as const), line: pos, times: fc.integer({ min: 2, max: 30 }) }), weight: 1 },
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  fixture: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
  muts: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

/** Applies one mutation. Lines are split on "\n" only, so existing \r and \r\n survive as written. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const L = (i: number) => i % lines.length;
  switch (m.k) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.s + text.slice(at);
    }
    case 'delete': {
      if (text.length === 0) return text;
      const at = m.at % text.length;
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'dupLine': {
      const i = L(m.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'repeatLine': {
      const i = L(m.line);
      lines.splice(i, 0, ...Array<string>(m.times - 1).fill(lines[i]));
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = L(m.a);
      const b = L(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'delLines':
      lines.splice(L(m.line), m.count);
      return lines.join('\n');
    case 'replaceLine':
      lines[L(m.line)] = m.s;
      return lines.join('\n');
    case 'splitCells': {
      // The first line at or after `line` that has cells: " | ", "|" or tabs become `sep`.
      for (let n = 0; n < lines.length; n++) {
        const i = L(m.line + n);
        if (/[|\t]/.test(lines[i])) {
          lines[i] = lines[i].replace(/ ?[|\t] ?/g, m.sep);
          break;
        }
      }
      return lines.join('\n');
    }
    case 'joinLines': {
      const i = L(m.line);
      lines.splice(i, m.count + 1, lines.slice(i, i + m.count + 1).join(m.sep));
      return lines.join('\n');
    }
    case 'tabsToPipes': {
      const i = L(m.line);
      lines[i] = lines[i].includes('\t') ? lines[i].replace(/\t/g, ' | ') : lines[i].replace(/ ?\| ?/g, '\t');
      return lines.join('\n');
    }
    case 'numToText': {
      const runs = [...text.matchAll(/\d+/g)];
      if (runs.length === 0) return text;
      const r = runs[m.nth % runs.length];
      return text.slice(0, r.index!) + m.s + text.slice(r.index! + r[0].length);
    }
    case 'eol': {
      // Line breaks from `line` on become CRLF or lone CR: mixed endings in one file.
      const i = L(m.line);
      const head = lines.slice(0, i + 1).join('\n');
      const tail = lines.slice(i + 1);
      if (tail.length === 0) return text;
      const changed = tail.slice(0, m.count).map((l) => l.replace(/\r$/, ''));
      return [head, ...changed].join(m.eol) + (tail.length > m.count ? '\n' + tail.slice(m.count).join('\n') : '');
    }
  }
}

export function build(c: FuzzCase): string {
  return c.muts.reduce(mutate, FIXTURES[c.fixture].text);
}

// ---------------------------------------------------------------------------------------------
// Independent geometry: LSP line splitting (CRLF, LF, lone CR) and offset conversion. Written
// separately from server/src on purpose, so a shared mistake cannot hide itself.

export function lineTable(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      lengths.push(i - starts[starts.length - 1]);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  lengths.push(text.length - starts[starts.length - 1]);
  return { starts, lengths };
}

export class PropertyFailure extends Error {
  constructor(readonly signature: string, detail: string) {
    super(`${signature}: ${detail}`);
    this.name = 'PropertyFailure';
  }
}

const fmtPos = (p: Position) => `${p.line}:${p.character}`;
const fmtRange = (r: Range) => `${fmtPos(r.start)}-${fmtPos(r.end)}`;

function inDocument(t: ReturnType<typeof lineTable>, r: Range): string | undefined {
  const n = t.lengths.length;
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `bad position ${fmtPos(p)}`;
    if (p.line >= n) return `line ${p.line} >= lineCount ${n}`;
    if (p.character > t.lengths[p.line]) return `character ${p.character} > length ${t.lengths[p.line]} of line ${p.line}`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end ${fmtRange(r)}`;
  return undefined;
}

const separators = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 124 || c === 0xff5c) n++;
  }
  return n;
};

export function toOffset(t: ReturnType<typeof lineTable>, p: Position): number {
  return t.starts[p.line] + p.character;
}

/**
 * Property 1–2: checkText does not throw, no rule throws, and every finding's range and every fix
 * edit's range lies inside the document. (Speed is the benchmark's; super-linear work is caught by
 * hostile.test.ts with inputs that would hang, in a worker.)
 */
export function checkClean(text: string, what = 'check'): CheckResult {
  let r: CheckResult;
  try {
    r = checkText(text, { uri: 'file:///fuzz.txt' });
  } catch (e) {
    throw new PropertyFailure(`${what} threw: ${String((e as Error)?.message ?? e).slice(0, 80)}`, (e as Error)?.stack ?? String(e));
  }
  if (r.ruleErrors.length) throw new PropertyFailure(`rule ${r.ruleErrors[0].rule} threw`, JSON.stringify(r.ruleErrors));
  const t = lineTable(text);
  for (const f of r.findings) {
    const bad = inDocument(t, f.range);
    if (bad) throw new PropertyFailure(`${f.rule} finding range outside document`, `${bad}; ${fmtRange(f.range)} ${f.message}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        const badEdit = inDocument(t, e.range);
        if (badEdit) throw new PropertyFailure(`${f.rule} fix edit outside document`, `${badEdit}; fix “${fix.title}” edit ${fmtRange(e.range)} → ${JSON.stringify(e.newText).slice(0, 80)}`);
      }
    }
  }
  return r;
}

interface Placed { from: number; to: number; newText: string }

const TABLE_TEXT = /^(?:table-|number-invalid$|total-mismatch$|balance-mismatch$)/;
/** The digits of a text in order, full-width read as ASCII. */
const digits = (s: string) => s.normalize('NFKC').replace(/[^0-9]/g, '');

/**
 * Property 4: applying all safe fixes changes the text only inside the applied edits' ranges.
 * The expected result is rebuilt here from the edits alone; it must equal applyFixList's output
 * (so nothing outside the ranges moved), and the applied edits must not overlap.
 */
export function checkSafeFixesLocal(text: string, findings: Finding[]): string {
  const fixes = safeFixes(findings);
  const { text: out, applied, skipped } = applyFixList(text, fixes);
  if (applied.length + skipped.length !== fixes.length) throw new PropertyFailure('applyFixList lost fixes', `${fixes.length} in, ${applied.length} applied + ${skipped.length} skipped`);
  const t = lineTable(text);
  // Stable sort: several pure insertions at one point are applied in the order the fixes were given.
  const edits: Placed[] = applied.flatMap((f) => f.edits.map((e) => ({ from: toOffset(t, e.range.start), to: toOffset(t, e.range.end), newText: e.newText })));
  edits.sort((a, b) => a.from - b.from);
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1];
    const b = edits[i];
    const bothInsertions = a.from === a.to && b.from === b.to;
    if (b.from < a.to || (b.from === a.from && !bothInsertions)) throw new PropertyFailure('applied safe fixes overlap', `[${a.from},${a.to}) and [${b.from},${b.to})`);
  }
  // A safe replacement never swallows cell or line separators: a rename that spans several
  // cells would delete the values between them (pure deletions, e.g. of an extra cell, are by design).
  for (const f of applied) {
    for (const e of f.edits) {
      const from = toOffset(t, e.range.start);
      const to = toOffset(t, e.range.end);
      const old = text.slice(from, to);
      const rule = findings.find((x) => x.fixes.includes(f))?.rule ?? '?';
      // Numbers are the author's: a rewrite of table text that does not declare it changes figures must not
      // drop any (row ordinals are not figures; headings and titles hold none; a deleted repeated line is by design).
      if (!f.numbers && e.newText !== '' && TABLE_TEXT.test(rule) && !digits(e.newText).includes(digits(old))) {
        throw new PropertyFailure(`${rule} fix not marked numbers drops figures`, `fix “${f.title}” replaces ${JSON.stringify(old)} with ${JSON.stringify(e.newText)}`);
      }
      if (e.newText === '' || from === to) continue;
      if (separators(old) > separators(e.newText)) {
        throw new PropertyFailure(`${rule} safe fix swallows cell separators`, `fix “${f.title}” replaces ${JSON.stringify(old)} with ${JSON.stringify(e.newText)}`);
      }
    }
  }
  let expected = '';
  let at = 0;
  for (const e of edits) {
    expected += text.slice(at, e.from) + e.newText;
    at = e.to;
  }
  expected += text.slice(at);
  if (expected !== out) {
    let d = 0;
    while (d < out.length && out[d] === expected[d]) d++;
    throw new PropertyFailure('safe fixes changed text outside their ranges', `first difference at offset ${d}: got ${JSON.stringify(out.slice(d, d + 40))}, expected ${JSON.stringify(expected.slice(d, d + 40))}`);
  }
  return out;
}

/** Property 5: fixing twice equals fixing once. Returns the fixed text. */
export function checkFixIdempotent(text: string): string {
  const once = fixAll(text, { uri: 'file:///fuzz.txt' });
  checkClean(once.text, 'check after fixAll');
  const twice = fixAll(once.text, { uri: 'file:///fuzz.txt' });
  if (twice.text !== once.text) {
    const rules = checkText(once.text).findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.rule);
    // Diagnose: does it converge given more passes (too many passes needed), or never (a fix that
    // does not remove its own finding keeps re-applying)?
    const more = fixAll(twice.text, { uri: 'file:///fuzz.txt' }, 30);
    const converges = more.passes < 30;
    const why = converges ? `converges after ${once.passes + twice.passes + more.passes} passes` : `still applying fixes after ${once.passes + twice.passes + 30} passes`;
    throw new PropertyFailure(`fixAll not idempotent, ${converges ? 'needs more than 6 passes' : 'never converges'} (${[...new Set(rules)].join(',') || 'no safe finding left'})`, `first call: ${once.passes} passes, ${once.applied} fixes; second call applied ${twice.applied} more; ${why}`);
  }
  return once.text;
}

/**
 * Where an offset of the original text lands after the edits: inside a replaced span, at the start
 * of its new text; at an insertion point, either before or after the inserted text (both count).
 */
function mapOffset(edits: Placed[], off: number): number[] {
  let delta = 0;
  for (const e of edits) {
    if (off < e.from) break;
    if (off === e.from && e.from === e.to) return [off + delta, off + delta + e.newText.length];
    if (off < e.to || off === e.from) return [e.from + delta];
    delta += e.newText.length - (e.to - e.from);
  }
  return [off + delta];
}

/**
 * Property 6: after applying one finding's first safe fix on its own and re-checking, that
 * finding (same rule, same message, same start after mapping through the edit) is gone.
 */
export function checkFixResolves(text: string, findings: Finding[], pick: number[]): void {
  const fixable = findings.filter((f) => f.fixes.some((x) => x.safe));
  if (fixable.length === 0) return;
  const chosen = [...new Set(pick.map((p) => p % fixable.length))];
  for (const idx of chosen) {
    const f = fixable[idx];
    const fix = f.fixes.find((x) => x.safe) as Fix;
    const { text: out, applied } = applyFixList(text, [fix]);
    if (applied.length !== 1) throw new PropertyFailure(`${f.rule} safe fix not applicable on its own`, `fix “${fix.title}” was skipped (its own edits overlap)`);
    const t = lineTable(text);
    const edits = fix.edits.map((e) => ({ from: toOffset(t, e.range.start), to: toOffset(t, e.range.end), newText: e.newText })).sort((a, b) => a.from - b.from);
    const where = mapOffset(edits, toOffset(t, f.range.start));
    const after = checkClean(out, `check after ${f.rule} fix`);
    const t2 = lineTable(out);
    const same = (g: Finding) => g.rule === f.rule && g.message === f.message;
    const start = toOffset(t, f.range.start);
    const end = toOffset(t, f.range.end);
    // A pure deletion that removes the finding's whole range (e.g. a repeated title line) takes the
    // flagged text away; an identical neighbour (the next repeat) then moves into the same place.
    // That is a different finding, so for deletions the honest check is that one fewer remains.
    const deletes = edits.some((e) => e.newText === '' && e.from <= start && end <= e.to && e.from < e.to);
    if (deletes) {
      const before = findings.filter(same).length;
      const left = after.findings.filter(same).length;
      if (left >= before) throw new PropertyFailure(`${f.rule} deletion fix does not reduce its findings`, `“${f.message}”: ${before} before, ${left} after`);
      continue;
    }
    const again = after.findings.find((g) => same(g) && where.includes(toOffset(t2, g.range.start)));
    if (again) {
      throw new PropertyFailure(`${f.rule} finding survives its own safe fix`, `“${f.message}” at ${fmtRange(f.range)}, fix “${fix.title}” ${JSON.stringify(fix.edits).slice(0, 300)}`);
    }
  }
}

export type PropertyName = 'check' | 'fixLocal' | 'idempotent' | 'resolves';

/** Runs the chosen properties on one case. Throws PropertyFailure. */
export function runCase(c: FuzzCase, props: readonly PropertyName[], pick: number[] = [0]): void {
  const text = build(c);
  const r = checkClean(text);
  if (props.includes('fixLocal')) {
    const out = checkSafeFixesLocal(text, r.findings);
    if (out !== text) checkClean(out, 'check after safe fixes');
  }
  if (props.includes('resolves')) checkFixResolves(text, r.findings, pick);
  if (props.includes('idempotent')) checkFixIdempotent(text);
}

/** Greedy shrinking for scripts/fuzz.ts (which records failures instead of stopping at the first). */
export function shrinkCase(c: FuzzCase, fails: (c: FuzzCase) => boolean, budgetMs = 20_000, tick: () => void = () => {}): FuzzCase {
  let best = c;
  let progress = true;
  const deadline = Date.now() + budgetMs;
  const test = (cand: FuzzCase) => { tick(); return Date.now() < deadline && fails(cand); };
  while (progress && Date.now() < deadline) {
    progress = false;
    for (let i = 0; i < best.muts.length && best.muts.length > 1; i++) {
      const cand = { ...best, muts: best.muts.filter((_, j) => j !== i) };
      if (test(cand)) { best = cand; progress = true; i--; }
    }
    for (let i = 0; i < best.muts.length; i++) {
      const m = best.muts[i];
      if (!('s' in m) || m.s.length === 0) continue;
      for (const s of [m.s.slice(0, m.s.length >> 1), m.s.slice(m.s.length >> 1), m.s.slice(1), m.s.slice(0, -1)]) {
        const cand = { ...best, muts: best.muts.map((x, j) => (j === i ? { ...m, s } : x)) };
        if (test(cand)) { best = cand; progress = true; break; }
      }
    }
  }
  return best;
}

/** GBK encoder built from the platform's GB18030 decoder (Node has no GBK encoder); undefined if a character has no two-byte code. */
let gbkTable: Map<string, number> | undefined;
export function encodeGbk(text: string): Buffer | undefined {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, (hi << 8) | lo);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) { bytes.push(c); continue; }
    const code = gbkTable.get(ch);
    if (code === undefined) return undefined;
    bytes.push(code >> 8, code & 0xff);
  }
  return Buffer.from(bytes);
}
