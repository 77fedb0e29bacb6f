// Table 二 (主动公开政府信息情况): one captioned block per item of 第二十条. docs/format.md §1.4, §2.3, §2.6.
import type { ColumnSpec, TableSpec } from './types';

const b = (zh: string, en: string) => ({ zh, en });
const ART20 = (item: string, text: string) => b(`《条例》第二十条第（${item}）项：${text}`, `Regulations art. 20 item (${item})`);

const c = (id: string, label: string, kind: ColumnSpec['kind'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ id, label, kind, ...extra });

const PREV = c('prev', '上一年项目数量', 'count');
const DELTA = c('delta', '本年增/减', 'signed', { aliases: ['本年增减', '本年增（减）'] });
const DECISIONS_2019 = c('decisions', '处理决定数量', 'count');
const DECISIONS_2021 = c('decisions', '本年处理决定数量', 'count');

export const TABLE2_2021: TableSpec[] = [
  {
    id: 't2.1',
    section: 2,
    caption: '第二十条第（一）项',
    name: b('第二十条第（一）项 规章和规范性文件', 'Art. 20(1): rules and normative documents'),
    rowHeader: '信息内容',
    columns: [c('issued', '本年制发件数', 'count'), c('repealed', '本年废止件数', 'count'), c('valid', '现行有效件数', 'count')],
    rows: [
      { id: 'rules', label: '规章' },
      { id: 'normative', label: '行政规范性文件', typos: ['规范性文件'] },
    ],
    basis: ART20('一', '行政法规、规章和规范性文件'),
  },
  {
    id: 't2.5',
    section: 2,
    caption: '第二十条第（五）项',
    name: b('第二十条第（五）项 行政许可', 'Art. 20(5): administrative licensing'),
    rowHeader: '信息内容',
    columns: [DECISIONS_2021],
    rows: [{ id: 'licensing', label: '行政许可' }],
    basis: ART20('五', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'),
  },
  {
    id: 't2.6',
    section: 2,
    caption: '第二十条第（六）项',
    name: b('第二十条第（六）项 行政处罚、行政强制', 'Art. 20(6): penalties and enforcement'),
    rowHeader: '信息内容',
    columns: [DECISIONS_2021],
    rows: [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
    basis: ART20('六', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定'),
  },
  {
    id: 't2.8',
    section: 2,
    caption: '第二十条第（八）项',
    name: b('第二十条第（八）项 行政事业性收费', 'Art. 20(8): administrative fees'),
    rowHeader: '信息内容',
    columns: [c('fees', '本年收费金额（单位：万元）', 'money', { aliases: ['本年收费金额'] })],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
    basis: ART20('八', '行政事业性收费项目及其依据、标准'),
  },
];

export const TABLE2_2019: TableSpec[] = [
  {
    id: 't2.1',
    section: 2,
    caption: '第二十条第（一）项',
    name: b('第二十条第（一）项 规章和规范性文件', 'Art. 20(1): rules and normative documents'),
    rowHeader: '信息内容',
    columns: [c('made', '本年新制作数量', 'count'), c('published', '本年新公开数量', 'count'), c('total', '对外公开总数量', 'count')],
    rows: [
      { id: 'rules', label: '规章' },
      { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件'] },
    ],
    basis: ART20('一', '行政法规、规章和规范性文件'),
  },
  {
    id: 't2.5',
    section: 2,
    caption: '第二十条第（五）项',
    name: b('第二十条第（五）项 行政许可和其他对外管理服务事项', 'Art. 20(5): licensing and other services'),
    rowHeader: '信息内容',
    columns: [PREV, DELTA, DECISIONS_2019],
    rows: [
      { id: 'licensing', label: '行政许可' },
      { id: 'services', label: '其他对外管理服务事项' },
    ],
    basis: ART20('五', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'),
  },
  {
    id: 't2.6',
    section: 2,
    caption: '第二十条第（六）项',
    name: b('第二十条第（六）项 行政处罚、行政强制', 'Art. 20(6): penalties and enforcement'),
    rowHeader: '信息内容',
    columns: [PREV, DELTA, DECISIONS_2019],
    rows: [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
    basis: ART20('六', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定'),
  },
  {
    id: 't2.8',
    section: 2,
    caption: '第二十条第（八）项',
    name: b('第二十条第（八）项 行政事业性收费', 'Art. 20(8): administrative fees'),
    rowHeader: '信息内容',
    columns: [PREV, DELTA],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
    basis: ART20('八', '行政事业性收费项目及其依据、标准'),
  },
  {
    id: 't2.9',
    section: 2,
    caption: '第二十条第（九）项',
    name: b('第二十条第（九）项 政府集中采购', 'Art. 20(9): government procurement'),
    rowHeader: '信息内容',
    columns: [c('items', '采购项目数量', 'count'), c('amount', '采购总金额', 'amount')],
    rows: [{ id: 'procurement', label: '政府集中采购' }],
    basis: ART20('九', '政府集中采购项目的目录、标准及实施情况'),
  },
];
