// Matching templates: for each table id, the union of the 2019 and 2021 rows and columns with
// every accepted wording, so the parser can identify rows before the format is decided.
import type { FormatId } from '../model';
import { FORMAT_2019, FORMAT_2021 } from '../spec';
import type { RowSpec, TableSpec } from '../spec/types';
import { baseKey, dice, gramsOf, labelKey, normalizeLine, readOrdinal, type Grams } from './text';

export type KeyKind = 'std' | 'alias' | 'typo';

export interface KeyEntry {
  key: string;
  kind: KeyKind;
  formats: FormatId[];
  base: string;
  grams: Grams;
}

export interface RowEntry {
  id: string;
  index: number;
  keys: KeyEntry[];
  ordinal?: RowSpec['ordinal'];
  /** A group label in every format that has the row (no values of its own). */
  group: boolean;
  /** A group in some format and a value row in another (（六）其他处理). */
  groupSometimes: boolean;
}

export interface ColumnEntry {
  id: string;
  index: number;
  keys: KeyEntry[];
}

export interface Template {
  id: string;
  rows: RowEntry[];
  columns: ColumnEntry[];
  headerKeys: string[];
  headerKeySet: Set<string>;
  headerGrams: Grams[];
  unlabeledRow: boolean;
  /** Number of value columns in each format that has the table (t2.5: 3 in 2019, 1 in 2021). */
  columnCounts: number[];
  /** Exact-key lookups: most labels are written exactly, and need no fuzzy matching at all. */
  rowByKey: Map<string, RowEntry[]>;
  columnByKey: Map<string, ColumnEntry[]>;
}

/** Key of a label: normalised, ordinal removed. */
export function stripKey(text: string): { key: string; ordinal?: ReturnType<typeof readOrdinal> } {
  return stripNormKey(normalizeLine(text));
}

/** stripKey for text that is already normalised (cell text is). */
export function stripNormKey(norm: string): { key: string; ordinal?: ReturnType<typeof readOrdinal> } {
  const ordinal = readOrdinal(norm);
  const rest = ordinal ? norm.slice(ordinal.offset + ordinal.length) : norm;
  return { key: labelKey(rest), ordinal };
}

function addKeys(into: KeyEntry[], labels: string[] | undefined, kind: KeyKind, format: FormatId): void {
  for (const l of labels ?? []) {
    const key = stripKey(l).key;
    const existing = into.find((k) => k.key === key);
    if (existing) {
      if (!existing.formats.includes(format)) existing.formats.push(format);
      // A label standard in one format and a typo in the other stays "std" for the one it belongs to.
      if (kind === 'std') existing.kind = 'std';
    } else into.push({ key, kind, formats: [format], base: baseKey(key), grams: gramsOf(key) });
  }
}

function build(id: string): Template {
  const specs: [FormatId, TableSpec][] = [];
  for (const f of [FORMAT_2021, FORMAT_2019]) {
    const t = f.tables.find((x) => x.id === id);
    if (t) specs.push([f.id, t]);
  }
  const rows: RowEntry[] = [];
  const columns: ColumnEntry[] = [];
  const headerKeys = new Set<string>();
  for (const [format, t] of specs) {
    t.rows.forEach((r) => {
      let e = rows.find((x) => x.id === r.id);
      if (!e) {
        // Keep template order: insert after the previous row of this format.
        const prevIdx = t.rows.indexOf(r) - 1;
        const after = prevIdx >= 0 ? rows.findIndex((x) => x.id === t.rows[prevIdx].id) : -1;
        e = { id: r.id, index: 0, keys: [], ordinal: r.ordinal, group: !!r.group, groupSometimes: false };
        rows.splice(after + 1, 0, e);
      } else if (e.group !== !!r.group) {
        e.groupSometimes = true;
        e.group = false;
      }
      addKeys(e.keys, [r.label], 'std', format);
      addKeys(e.keys, r.aliases, 'alias', format);
      addKeys(e.keys, r.typos, 'typo', format);
    });
    t.columns.forEach((c) => {
      // Columns with the same id but different labels across formats are separate entries.
      const key = stripKey(c.label).key;
      let e = columns.find((x) => x.id === c.id && x.keys.some((k) => k.key === key));
      if (!e) { e = { id: c.id, index: columns.length, keys: [] }; columns.push(e); }
      addKeys(e.keys, [c.label], 'std', format);
      addKeys(e.keys, c.aliases, 'alias', format);
      addKeys(e.keys, c.typos, 'typo', format);
    });
    for (const h of [...(t.headerGroups ?? []), t.rowHeader ?? '', t.caption ?? '']) if (h) headerKeys.add(stripKey(h).key);
  }
  rows.forEach((r, i) => (r.index = i));
  const rowByKey = new Map<string, RowEntry[]>();
  for (const r of rows) for (const k of r.keys) rowByKey.set(k.key, [...(rowByKey.get(k.key) ?? []), r]);
  const columnByKey = new Map<string, ColumnEntry[]>();
  for (const c of columns) for (const k of c.keys) columnByKey.set(k.key, [...(columnByKey.get(k.key) ?? []), c]);
  const hk = [...headerKeys];
  return { id, rows, columns, headerKeys: hk, headerKeySet: headerKeys, headerGrams: hk.map(gramsOf), unlabeledRow: specs.some(([, t]) => t.unlabeledRow), columnCounts: [...new Set(specs.map(([, t]) => t.columns.length))], rowByKey, columnByKey };
}

const cache = new Map<string, Template>();
export function template(id: string): Template {
  let t = cache.get(id);
  if (!t) { t = build(id); cache.set(id, t); }
  return t;
}

export interface KeyMatch {
  score: number;
  entry: KeyEntry;
  /** How the text relates to the key: same, a known variant, a truncation, or merely similar. */
  how: 'exact' | 'base' | 'prefix' | 'fuzzy';
}

/** Best key of an entry for a label key. `allowPrefix` accepts truncated text (header cells). */
export function matchKeys(key: string, keys: KeyEntry[], allowPrefix: boolean, grams?: Grams, floor = 0): KeyMatch | undefined {
  let best: KeyMatch | undefined;
  const bk = baseKey(key);
  for (const k of keys) {
    let score: number;
    let how: KeyMatch['how'];
    if (k.key === key) return { score: 1, entry: k, how: 'exact' };
    if (bk === k.base && bk.length >= 2) { score = 0.97; how = 'base'; }
    else if (allowPrefix && key.length >= 2 && k.key.startsWith(key)) { score = 0.9; how = 'prefix'; }
    else { score = dice((grams ??= gramsOf(key)), k.grams, Math.max(floor, best?.score ?? 0)); how = 'fuzzy'; if (key.length >= 4 && k.key.startsWith(key)) score = Math.max(score, 0.8); }
    if (!best || score > best.score) best = { score, entry: k, how };
  }
  return best;
}
