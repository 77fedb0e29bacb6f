// 现行有效件数 continuity in table 二 (第二十条第（一）项), 2021 format: last year's 现行有效件数 +
// this year's 本年制发件数 − 本年废止件数 should give this year's 现行有效件数. Information only:
// documents also expire or are amended, so a gap is a question for the author, not an error.
import type { TableValues } from './values';

export interface ContinuityRow {
  row: string;
  label: string;
  lastValid?: number;
  issued?: number;
  repealed?: number;
  expected?: number;
  actual?: number;
  ok: boolean;
}

export interface Continuity {
  /** 'unavailable' when either report is not in the 2021 format or lacks the table. */
  status: 'ok' | 'gap' | 'unavailable';
  rows: ContinuityRow[];
}

const has2021Columns = (t: TableValues | undefined) => !!t && ['issued', 'repealed', 'valid'].every((c) => t.spec.columns.some((x) => x.id === c));

export function continuity(last: TableValues | undefined, current: TableValues | undefined): Continuity {
  if (!has2021Columns(last) || !has2021Columns(current)) return { status: 'unavailable', rows: [] };
  const rows: ContinuityRow[] = [];
  for (const spec of current!.spec.rows) {
    const l = last!.rows.get(spec.id);
    const t = current!.rows.get(spec.id);
    if (!l || !t) continue;
    const lastValid = l.values.get('valid');
    const issued = t.values.get('issued');
    const repealed = t.values.get('repealed');
    const actual = t.values.get('valid');
    const expected = lastValid === undefined || issued === undefined || repealed === undefined ? undefined : lastValid + issued - repealed;
    rows.push({ row: spec.id, label: spec.label, lastValid, issued, repealed, expected, actual, ok: expected === undefined || actual === undefined || expected === actual });
  }
  return { status: rows.length === 0 ? 'unavailable' : rows.every((r) => r.ok) ? 'ok' : 'gap', rows };
}
