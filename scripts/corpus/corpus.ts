// The real-report corpus as data: runs the checker the way the CLI does over a folder, and matches what it says
// with the truth a reviewer wrote by hand (test/fixtures/real/truth.json). Shared by `npm run corpus` and the test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/check';
import { decodeReport } from '../../server/src/io/decode';
import { carryFacts, checkCarryover, indexFacts } from '../../server/src/rules/carryover-mismatch';
import type { Finding } from '../../server/src/model';

export const REAL = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'real');

/** How the user got the text; the file name says it: `<report>.<kind>.txt` (Markdown: `<report>.md`). */
export const KINDS = ['copy', 'cells', 'writer', 'pdf-layout', 'pdf-raw', 'pdf-copy', 'md'] as const;
export type Kind = (typeof KINDS)[number];

export interface Expected {
  id: string;
  rule: string | string[];
  /** Text of the report the finding is about (whitespace-insensitive); absent: the finding may be anywhere. */
  quote?: string;
  /** Which occurrence of quote (1-based) when it occurs more than once. */
  nth?: number;
  /** Text the finding's message must contain (any of them): the finding must be about this fault, not merely near
   *  it — on a line that holds a whole paragraph or a garbled table row, many findings are near. */
  says?: string | string[];
  note: string;
}
export interface Allowed {
  rule: string;
  quote?: string;
  nth?: number;
  says?: string | string[];
  note: string;
}
export interface ReportTruth {
  mustFlag: Expected[];
  /** Findings that are right or defensible (a real but minor point) and so are no false alarm, though not required. */
  allowed?: Allowed[];
  /** Notable traps, for the reader: any warning/error not in mustFlag/allowed is a false alarm anyway. */
  mustNot?: { rule: string; quote?: string; note: string }[];
}
export interface Truth {
  reports: Record<string, ReportTruth>;
}

export interface CorpusFile {
  file: string;
  report: string;
  kind: Kind;
}

export function listCorpus(dir = REAL): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const m = /^(.+?)\.(copy|cells|writer|pdf-layout|pdf-raw|pdf-copy)\.txt$/.exec(file) ?? /^([a-z0-9][a-z0-9-]*)\.()md$/.exec(file);
    if (!m) continue;
    out.push({ file, report: m[1], kind: (m[2] || 'md') as Kind });
  }
  return out;
}

export function readTruth(dir = REAL): Truth {
  return JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
}

export interface Checked extends CorpusFile {
  text: string;
  findings: Finding[];
}

/** Check every file; carryover-mismatch pairs reports of one kind, as a user running the CLI over a folder of them. */
export function checkCorpus(files: CorpusFile[], dir = REAL): Checked[] {
  const checked: (Checked & { facts: ReturnType<typeof carryFacts> })[] = [];
  for (const f of files) {
    const decoded = decodeReport(fs.readFileSync(path.join(dir, f.file)));
    if (!decoded.ok) throw new Error(`${f.file}: ${decoded.message.en}`);
    const r = checkText(decoded.text, { uri: path.join(dir, f.file) });
    checked.push({ ...f, text: decoded.text, findings: r.findings, facts: carryFacts(r.report) });
  }
  for (const kind of KINDS) {
    const group = checked.filter((c) => c.kind === kind);
    const index = indexFacts(group.map((c) => c.facts));
    for (const c of group) c.findings.push(...checkCarryover(c.facts, index, 'zh'));
  }
  return checked.map(({ facts: _facts, ...c }) => c);
}

/** 0-based lines [first, last] where the quote occurs in the text, ignoring all whitespace (labels get broken);
 *  failing that, ignoring HTML tags as well (converter Markdown keeps spanned tables as HTML: `<td>13</td><td>2</td>`). */
export function locate(text: string, quote: string, nth = 1): [number, number] | undefined {
  return locateIn(text, quote, nth, false) ?? (text.includes('<td') ? locateIn(text, quote, nth, true) : undefined);
}

function locateIn(text: string, quote: string, nth: number, dropTags: boolean): [number, number] | undefined {
  const chars: number[] = []; // line of each non-space char
  let squeezed = '';
  let line = 0;
  let inTag = false;
  for (const ch of text) {
    if (ch === '\n') { line++; continue; }
    if (dropTags && (inTag || ch === '<')) { inTag = ch !== '>'; continue; }
    if (/\s/.test(ch)) continue;
    squeezed += ch;
    for (let i = 0; i < ch.length; i++) chars.push(line);
  }
  const q = quote.replace(/\s+/g, '');
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = squeezed.indexOf(q, at + 1);
    if (at < 0) return undefined;
  }
  return [chars[at], chars[at + q.length - 1]];
}

/**
 * Lines a finding may sit away from the quoted text: a row of a one-cell-per-line layout spans 8 lines;
 * plain pdftotext puts an empty line after each cell, so its 7-column row spans 16 (label and figures).
 */
const SLACK: Record<Kind, number> = { copy: 2, md: 2, 'pdf-layout': 2, 'pdf-copy': 2, cells: 8, writer: 8, 'pdf-raw': 16 };

export interface Judged {
  file: CorpusFile & { text: string };
  /** Warnings and errors that match nothing in the truth. */
  falseAlarms: Finding[];
  /** Warnings and errors that match a must-flag or an allowed item. */
  real: Finding[];
  found: Expected[];
  missed: Expected[];
  /** Quotes of the truth that this variant's text does not contain (the truth needs fixing, or the variant lost it). */
  unlocated: string[];
  /** Findings of any severity (info and hints too) that spring a trap the truth names in mustNot. */
  traps: Finding[];
}

function near(f: Finding, span: [number, number] | undefined, slack: number): boolean {
  if (!span) return true;
  const l = f.range.start.line;
  return l >= span[0] - slack && l <= span[1] + slack;
}

function says(f: Finding, what: string | string[] | undefined): boolean {
  return what === undefined || [what].flat().some((w) => f.message.includes(w));
}

export function judge(c: Checked, truth: ReportTruth | undefined): Judged {
  const must = truth?.mustFlag ?? [];
  const allowed = truth?.allowed ?? [];
  const unlocated: string[] = [];
  const spanOf = (quote: string | undefined, nth: number | undefined) => {
    if (!quote) return undefined;
    const s = locate(c.text, quote, nth);
    if (!s) unlocated.push(quote);
    return s ?? [-1, -1] as [number, number];
  };
  const mustSpans = must.map((e) => spanOf(e.quote, e.nth));
  const allowedSpans = allowed.map((a) => spanOf(a.quote, a.nth));
  const mustNot = truth?.mustNot ?? [];
  const trapSpans = mustNot.map((t) => (t.quote ? locate(c.text, t.quote) ?? [-1, -1] as [number, number] : undefined));
  const found = new Set<number>();
  const real: Finding[] = [];
  const falseAlarms: Finding[] = [];
  const traps: Finding[] = [];
  for (const f of c.findings) {
    let matched = false;
    must.forEach((e, i) => {
      const rules = Array.isArray(e.rule) ? e.rule : [e.rule];
      if (rules.includes(f.rule) && near(f, mustSpans[i], SLACK[c.kind]) && says(f, e.says)) { found.add(i); matched = true; }
    });
    if (!matched) allowed.forEach((a, i) => { if (a.rule === f.rule && near(f, allowedSpans[i], SLACK[c.kind]) && says(f, a.says)) matched = true; });
    if (!matched && mustNot.some((t, i) => t.rule === f.rule && near(f, trapSpans[i], SLACK[c.kind]))) traps.push(f);
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    (matched ? real : falseAlarms).push(f);
  }
  return {
    file: c,
    falseAlarms,
    real,
    found: must.filter((_, i) => found.has(i)),
    missed: must.filter((_, i) => !found.has(i)),
    unlocated,
    traps,
  };
}

/** The ratchet's key: stable across message rewording, not across a move of the finding. */
export function alarmKey(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.rule}`;
}
export function missKey(file: string, e: Expected): string {
  return `${file}#${e.id}`;
}

export interface Known {
  $comment?: string;
  falseAlarms: Record<string, string>;
  misses: Record<string, string>;
}

export function readKnown(dir = REAL): Known {
  return JSON.parse(fs.readFileSync(path.join(dir, 'known-false-alarms.json'), 'utf8')) as Known;
}
