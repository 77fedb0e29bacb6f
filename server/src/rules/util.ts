// Small helpers the rules share: edits, label comparison against the spec, table lookups.
import type { Fix, Range, Report, Row, Table } from '../model';
import { formatSpec } from '../spec';
import type { FormatSpec, RowSpec, TableSpec } from '../spec/types';
import { baseKey, range } from '../parse/text';
import { stripKey } from '../parse/template';

export function replace(title: string, r: Range, newText: string, safe = true): Fix {
  return { title, edits: [{ range: r, newText }], safe, numbers: false };
}

/** Where a finding about a whole table stands: its caption, else its first line — one line, never the table's
 * whole range (a PDF copy's table can span hundreds of lines, all of them underlined). */
export function tableAnchor(report: Report, t: Table): Range {
  return t.caption?.range ?? range(t.range.start.line, 0, t.range.start.line, report.lines[t.range.start.line]?.length ?? 0);
}

export function specOf(report: Report, t: Table): TableSpec | undefined {
  const f = formatSpec(report.format);
  let m = tableIndexes.get(f);
  if (!m) {
    m = new Map();
    for (const s of f.tables) if (!m.has(s.id)) m.set(s.id, s);
    tableIndexes.set(f, m);
  }
  return m.get(t.id);
}
// Table specs by id, per format (three fixed objects): every rule asks for every table's spec.
const tableIndexes = new Map<FormatSpec, Map<string, TableSpec>>();

export function rowSpecOf(spec: TableSpec | undefined, row: Row): RowSpec | undefined {
  return row.id && spec ? rowIndex(spec).get(row.id) : undefined;
}

// Row specs by id, per table spec (the specs are fixed module data, a handful of objects): rules look a
// spec row up for every parsed row, and a find() over the spec's rows each time was a top cost of the checks.
const rowIndexes = new Map<TableSpec, Map<string, RowSpec>>();
export function rowIndex(spec: TableSpec): Map<string, RowSpec> {
  let m = rowIndexes.get(spec);
  if (!m) {
    m = new Map();
    // The first row of an id wins, as find() did.
    for (const r of spec.rows) if (!m.has(r.id)) m.set(r.id, r);
    rowIndexes.set(spec, m);
  }
  return m;
}

export type LabelVerdict = 'standard' | 'accepted' | 'typo' | 'different';

/** Compares a label key (ordinal stripped) with a spec label, its aliases and known typos. */
const specKeys = new Map<string, string>();
/** Keys of spec labels, computed once: the spec never changes. */
function k(s: string): string {
  let v = specKeys.get(s);
  if (v === undefined) { v = stripKey(s).key; specKeys.set(s, v); }
  return v;
}

export function judgeLabel(key: string, label: string, aliases: string[] = [], typos: string[] = []): LabelVerdict {
  if (key === k(label)) return 'standard';
  if (aliases.some((a) => k(a) === key)) return 'accepted';
  // A note in brackets may be worded otherwise (or left out); one character stuck inside the standard note is a slip.
  if (baseKey(key) === baseKey(k(label)) && baseKey(key) !== key) return insertedOne(key, k(label)) ? 'different' : 'accepted';
  if (baseKey(k(label)) === key && baseKey(k(label)) !== k(label)) return 'accepted';
  if (typos.some((t) => k(t) === key)) return 'typo';
  return 'different';
}

/**
 * Whether `key` is the standard `std` with one character stuck inside it (只计这一情果形 for 只计这一情形): no one words
 * a note that way, a character from elsewhere got in (a neighbouring cell's piece, a stray keystroke).
 */
function insertedOne(key: string, std: string): boolean {
  if (key.length !== std.length + 1 || std.length < 8) return false;
  let p = 0;
  while (p < std.length && key[p] === std[p]) p++;
  // Not at either end of the note: a word added there is the author's wording.
  if (p < 2 || p > std.length - 2) return false;
  return key.slice(p + 1) === std.slice(p);
}

/** Whether replacing `r` would also replace a cell separator (tab, pipe, line break): such a fix is not safe. */
export function spansSeparator(report: Report, r: Range): boolean {
  if (r.start.line !== r.end.line) return true;
  return /[\t|]/.test((report.lines[r.start.line] ?? '').slice(r.start.character, r.end.character));
}

/**
 * The replaced text holds figures the new text does not (a label cell that took in its row's figures, as
 * when a row's cells are written inside one pipe cell): such a fix changes numbers, so it is never safe.
 */
export function dropsFigures(report: Report, r: Range, newText: string): boolean {
  const lines = report.lines.slice(r.start.line, r.end.line + 1);
  if (!lines.length) return false;
  const last = lines.length - 1;
  lines[last] = lines[last].slice(0, r.end.character);
  lines[0] = lines[0].slice(r.start.character);
  return !digitsOf(newText).includes(digitsOf(lines.join('\n')));
}

/**
 * The ASCII digits of the text's NFKC form, in order (full-width ０-９ become 0-9, so do ① or ⒈ …).
 * Labels are ASCII, CJK ideographs, CJK punctuation and full-width forms, whose NFKC forms hold no digits
 * but their own (０-９): read those by their code, and leave only other text to ICU's `normalize`,
 * which cost more than the rest of the label fix.
 */
export function digitsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (!(c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef))) {
      return text.normalize('NFKC').replace(/[^0-9]/g, '');
    }
  }
  return out;
}

export function lineStart(line: number): Range {
  return range(line, 0, line, 0);
}

/** Value of a cell as a number for arithmetic; blank or dash counts as 0, garbage as undefined. */
export function numeric(c: { kind: string; value: number | null; numberIssue?: string } | undefined): number | undefined {
  if (!c) return undefined;
  if (c.kind === 'blank' || c.numberIssue === 'dash') return 0;
  return c.value ?? undefined;
}

/** The tables whose rows and figures were read; a table whose text gives them apart is not checked (table-unreadable). */
export function checkedTables(report: Report): Table[] {
  let all = true;
  for (const t of report.tables) if (t.unread) { all = false; break; }
  if (all) return report.tables;
  const out: Table[] = [];
  for (const t of report.tables) if (!t.unread) out.push(t);
  return out;
}
