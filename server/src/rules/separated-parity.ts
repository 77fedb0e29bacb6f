// A sum over every row at once, for a table read without columns (parse/separated-partial.ts): when its
// across sums cover each column once (表三: 总计 = 自然人 + the five 法人或其他组织 columns), a row whose
// total is the sum of its parts adds up to twice its total, so the whole table adds up to twice its total
// column — an even number. Where every figure sits is unknown, but their sum is not: an odd sum means some
// row's total is not the sum of its parts in every placement (上海 2019 表三: the 总计 column left blank
// in the result rows, 35 figures adding up to 4313). Which row, the text does not tell.
import type { Report, Row, Table } from '../model';
import type { TableSpec } from '../spec/types';
import { numeric, specOf } from './util';

export interface ParityFault {
  spec: TableSpec;
  /** The table's first row: the sum runs over every row from there. */
  row: Row;
  /** How many figures the text holds (blank cells not counted) and their sum. */
  figures: number;
  sum: number;
}

/** Whether the across sums take each column exactly once, as a total or as a part. */
function acrossCoverEachColumn(spec: TableSpec): boolean {
  const seen = new Set<string>();
  for (const rule of spec.across ?? []) {
    for (const id of [rule.total, ...rule.parts]) {
      if (seen.has(id)) return false;
      seen.add(id);
    }
  }
  return seen.size > 0 && spec.columns.every((c) => seen.has(c.id));
}

/** The whole table's across sums failing however its figures are placed, or undefined. */
export function parityFault(report: Report, t: Table): ParityFault | undefined {
  const p = t.unread?.partial;
  const spec = p && specOf(report, t);
  if (!p || !spec || spec.columns.length !== p.width || !acrossCoverEachColumn(spec)) return undefined;
  // Every row of the format read, and no other: a row the text lacks could hold any figures.
  const rows = spec.rows.filter((r) => !r.group);
  const read = new Set([...p.known.keys(), ...p.open]);
  if (read.size !== rows.length || !rows.every((r) => read.has(r.id))) return undefined;
  let sum = 0;
  let figures = 0;
  for (const cells of p.known.values()) for (const c of cells) { sum += numeric(c) ?? 0; figures++; }
  for (const v of p.pool) sum += v;
  figures += p.pool.length - p.blank;
  if (!Number.isSafeInteger(sum) || sum % 2 === 0) return undefined;
  const row = p.labels.get(rows.find((r) => p.labels.has(r.id))!.id)!;
  return { spec, row, figures, sum };
}
