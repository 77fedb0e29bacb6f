// This year's 二、上年结转 equals last year's 四、结转下年度继续办理 for the same agency (R3-5).
// A cross-report rule: it runs where several reports are known together (the CLI over a folder).
import type { Finding, Range, Report } from '../model';
import type { GovreportConfig } from '../config';
import { format, type Lang } from '../i18n';
import { grid } from './arithmetic';
import { labelKey } from '../parse/text';
import type { RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'carryover-mismatch',
  defaultSeverity: 'warning',
  fixable: 'no',
  tags: ['table', 'arithmetic', 'cross-file'],
  description: { zh: '本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致', en: 'carried over ≠ last year’s carried forward' },
};

const MSG = {
  zh: '“{column}”列：本年上年结转 {now} 件，但 {year} 年度报告（{file}）结转下年度 {prev} 件',
  en: 'Column “{column}”: {now} carried over, but the {year} report ({file}) carried forward {prev}',
};

/** What the cross-year check needs of one report; small, so a batch of thousands keeps only this. */
export interface CarryFacts {
  key: string;
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
    key: labelKey(a),
    year,
    uri: r.uri,
    columns: g?.spec.columns.map((c) => c.label) ?? [],
    carried: carried && { values: carried.values, ranges: carried.row.values.map((c) => c.range) },
    next: next?.values,
  };
}

/** Index of a batch's reports by agency and year, built once. */
export function indexFacts(all: (CarryFacts | undefined)[]): Map<string, CarryFacts> {
  const m = new Map<string, CarryFacts>();
  for (const f of all) if (f && !m.has(`${f.key}\u0000${f.year}`)) m.set(`${f.key}\u0000${f.year}`, f);
  return m;
}

export function checkCarryover(current: CarryFacts | undefined, index: Map<string, CarryFacts>, lang: Lang, config?: GovreportConfig): Finding[] {
  const setting = config?.rules?.[meta.id];
  if (setting === 'off' || !current?.carried) return [];
  const prev = index.get(`${current.key}\u0000${current.year - 1}`);
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
      message: format(MSG[lang], { column, now, prev: before, year: current.year - 1, file: prev.uri }),
      fixes: [],
    });
  });
  return out;
}
