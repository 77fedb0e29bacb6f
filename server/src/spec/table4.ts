// Table 四 (行政复议、行政诉讼), identical in 2019 and 2021. docs/format.md §1.6, R4-1..R4-4.
import type { ColumnSpec, TableSpec } from './types';

const OUTCOMES: [string, string][] = [
  ['kept', '结果维持'],
  ['fixed', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

function group(prefix: string, groupLabel: string): ColumnSpec[] {
  return OUTCOMES.map(([id, label]) => ({ id: `${prefix}.${id}`, label, kind: 'count', aliases: [`${groupLabel}${label}`] }));
}

const across = (p: string) => ({ kind: 'across' as const, total: `${p}.total`, parts: ['kept', 'fixed', 'other', 'pending'].map((x) => `${p}.${x}`) });

export const TABLE4: TableSpec = {
  id: 't4',
  section: 4,
  name: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reconsideration and litigation' },
  columns: [...group('review', '行政复议'), ...group('direct', '未经复议直接起诉'), ...group('after', '复议后起诉')],
  headerGroups: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'],
  rows: [{ id: 'data', label: '' }],
  unlabeledRow: true,
  across: [across('review'), across('direct'), across('after')],
  basis: { zh: '《条例》第五十条第（三）项', en: 'Regulations art. 50(3)' },
};
