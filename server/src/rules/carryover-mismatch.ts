// This year's 二、上年结转 equals last year's 四、结转下年度继续办理 for the same agency (R3-5).
// A cross-report rule: it runs where several reports are known together (the CLI over a folder).
import type { Finding, Report } from '../model';
import type { GovreportConfig } from '../config';
import type { Lang } from '../i18n';
import { grid } from './arithmetic';
import { format } from '../i18n';
import { labelKey } from '../parse/text';

export const meta = {
  id: 'carryover-mismatch',
  defaultSeverity: 'warning' as const,
  description: { zh: '本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致', en: 'carried over ≠ last year’s carried forward' },
};

const MSG = {
  zh: '“{column}”列：本年上年结转 {now} 件，但 {year} 年度报告（{file}）结转下年度 {prev} 件',
  en: 'Column “{column}”: {now} carried over, but the {year} report ({file}) carried forward {prev}',
};

function agencyKey(r: Report): string | undefined {
  const a = r.title?.agency;
  return a ? labelKey(a) : undefined;
}

export function checkCarryover(current: Report, all: Report[], lang: Lang, config?: GovreportConfig): Finding[] {
  const setting = config?.rules?.[meta.id];
  if (setting === 'off') return [];
  const key = agencyKey(current);
  const year = current.year?.value;
  if (!key || year === undefined) return [];
  const prev = all.find((r) => r !== current && agencyKey(r) === key && r.year?.value === year - 1);
  if (!prev) return [];
  const gNow = current.tables.find((t) => t.id === 't3') && grid(current, current.tables.find((t) => t.id === 't3')!);
  const gPrev = prev.tables.find((t) => t.id === 't3') && grid(prev, prev.tables.find((t) => t.id === 't3')!);
  const carried = gNow?.rows.get('carried');
  const next = gPrev?.rows.get('next');
  if (!gNow || !carried || !next) return [];
  const out: Finding[] = [];
  gNow.spec.columns.forEach((c, i) => {
    const now = carried.values[i];
    const before = next.values[i];
    if (now === undefined || before === undefined || now === before) return;
    out.push({
      rule: meta.id,
      severity: setting ?? meta.defaultSeverity,
      range: carried.row.values[i].range,
      message: format(MSG[lang], { column: c.label, now, prev: before, year: year - 1, file: prev.uri }),
      fixes: [],
    });
  });
  return out;
}
