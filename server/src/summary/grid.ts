// The official header of each statistics table, with its merged cells, as the formats print it
// (国办公开办函〔2019〕60号 / 〔2021〕30号 附件). The table preview and the HTML pages draw headers
// from here; the column order is the spec's.
import type { TableSpec } from '../spec/types';

export interface HeadCell {
  text: string;
  colspan: number;
  rowspan: number;
}

const h = (text: string, colspan = 1, rowspan = 1): HeadCell => ({ text, colspan, rowspan });

/** Header rows including the top-left corner cell over the row labels. */
export function headerRows(spec: TableSpec): HeadCell[][] {
  const label = (id: string) => spec.columns.find((c) => c.id === id)?.label ?? id;
  if (spec.id === 't3') {
    // 申请人情况 over all seven; 法人或其他组织 over the five kinds of organisation.
    return [
      [h(spec.headerGroups?.[0] ?? '', 1, 3), h('申请人情况', 7)],
      [h(label('natural'), 1, 2), h('法人或其他组织', 5), h(label('total'), 1, 2)],
      ['business', 'research', 'nonprofit', 'legal', 'other'].map((id) => h(label(id))),
    ];
  }
  if (spec.id === 't4') {
    const five = ['kept', 'fixed', 'other', 'pending', 'total'];
    return [
      [h('行政复议', 5), h('行政诉讼', 10)],
      [...five.map((id) => h(label(`review.${id}`), 1, 2)), h('未经复议直接起诉', 5), h('复议后起诉', 5)],
      [...five.map((id) => h(label(`direct.${id}`))), ...five.map((id) => h(label(`after.${id}`)))],
    ];
  }
  return [[h(spec.rowHeader ?? '信息内容'), ...spec.columns.map((c) => h(c.label))]];
}

/** Table 四 has no row-label column. */
export function hasLabelColumn(spec: TableSpec): boolean {
  return !spec.unlabeledRow;
}
