// This year's 二、上年结转 equals last year's 四、结转下年度继续办理 for the same agency (R3-5).
// A cross-report rule: it runs where several reports are known together (the CLI over a folder).
import type { Finding, Range, Report } from '../model';
import type { GovreportConfig } from '../config';
import { format, type Lang } from '../i18n';
import { grid } from './arithmetic';
import { agencyKey, sameAgency, type AgencyKey } from '../parse/agency';
import type { RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'carryover-mismatch',
  defaultSeverity: 'warning',
  fixable: 'no',
  tags: ['table', 'arithmetic', 'cross-file'],
  description: { zh: '本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致', en: 'carried over ≠ last year’s carried forward' },
};

const MSG = {
  zh: '“{column}”列：本年（{agency}，{thisYear} 年度）上年结转 {now} 件，但上一年度报告（{prevAgency}，{year} 年度，{file}）结转下年度 {prev} 件',
  en: 'Column “{column}”: {now} carried over this year ({agency}, {thisYear}), but last year’s report ({prevAgency}, {year}, {file}) carried forward {prev}',
};

/** What the cross-year check needs of one report; small, so a batch of thousands keeps only this. */
export interface CarryFacts {
  /** The agency as its title names it, and that name's comparison key (parse/agency.ts). */
  agency: string;
  key: AgencyKey;
  year: number;
  uri: string;
  columns: string[];
  carried?: { values: (number | undefined)[]; ranges: Range[] };
  next?: (number | undefined)[];
}

export function carryFacts(r: Report): CarryFacts | undefined {
  const a = r.title?.agency;
  const year = r.year?.value;
  if (!a || year === undefined) return undefined;
  const t3 = r.tables.find((t) => t.id === 't3');
  const g = t3 && grid(r, t3);
  const carried = g?.rows.get('carried');
  const next = g?.rows.get('next');
  return {
    agency: a,
    key: agencyKey(a),
    year,
    uri: r.uri,
    columns: g?.spec.columns.map((c) => c.label) ?? [],
    carried: carried && { values: carried.values, ranges: carried.row.values.map((c) => c.range) },
    next: next?.values,
  };
}

/** A batch's reports by agency (its own place and organ, whatever higher places the title adds) and year. */
export type CarryIndex = Map<string, CarryFacts[]>;

export function indexFacts(all: (CarryFacts | undefined)[]): CarryIndex {
  const m: CarryIndex = new Map();
  for (const f of all) {
    if (!f) continue;
    const k = `${f.key.core}\u0000${f.year}`;
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  }
  return m;
}

/**
 * Last year's report of the same agency: one that names the same body (淮安市洪泽区人民政府 = 洪泽区人民政府).
 * When several names could be it (南京市鼓楼区 and 淮安市鼓楼区 for a bare 鼓楼区), the one with the very
 * same name, else none: pairing the wrong two reports would invent a mismatch.
 */
export function previousReport(current: CarryFacts, index: CarryIndex): CarryFacts | undefined {
  const bucket = index.get(`${current.key.core}\u0000${current.year - 1}`) ?? [];
  const list = bucket.filter((f) => sameAgency(f.key, current.key));
  // Several files of one name are copies of one report (a page, its PDF text …): one name is one agency.
  const names = new Set(list.map((f) => f.agency));
  const same = names.size === 1 ? list : list.filter((f) => f.agency === current.agency);
  const pick = same.find((f) => f.next) ?? same[0];
  // A short name (鼓楼区) that another report of that year, of another city, could also be is no pair.
  if (pick && pick.agency !== current.agency && bucket.some((f) => f !== pick && !sameAgency(f.key, current.key) && sameAgency(f.key, pick.key))) return undefined;
  return pick;
}

export function checkCarryover(current: CarryFacts | undefined, index: CarryIndex, lang: Lang, config?: GovreportConfig): Finding[] {
  const setting = config?.rules?.[meta.id];
  if (setting === 'off' || !current?.carried) return [];
  const prev = previousReport(current, index);
  if (!prev?.next) return [];
  const out: Finding[] = [];
  current.columns.forEach((column, i) => {
    const now = current.carried!.values[i];
    const before = prev.next![i];
    if (now === undefined || before === undefined || now === before) return;
    out.push({
      rule: meta.id,
      severity: setting ?? meta.defaultSeverity,
      range: current.carried!.ranges[i],
      message: format(MSG[lang], { column, now, prev: before, year: current.year - 1, file: prev.uri, agency: current.agency, thisYear: current.year, prevAgency: prev.agency }),
      fixes: [],
    });
  });
  return out;
}
