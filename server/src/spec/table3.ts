// Table 三 (收到和处理政府信息公开申请情况), docs/format.md §1.5, §1.7, §2.4, §4.6.
// 2019 and 2021 differ only in （六）其他处理: one row in 2019, a group of three rows in 2021.
import type { ColumnSpec, RowSpec, TableSpec } from './types';

const b = (zh: string, en: string) => ({ zh, en });

export const T3_COLUMNS: ColumnSpec[] = [
  { id: 'natural', label: '自然人', kind: 'count' },
  { id: 'business', label: '商业企业', kind: 'count' },
  { id: 'research', label: '科研机构', kind: 'count' },
  { id: 'nonprofit', label: '社会公益组织', typos: ['社会组织', '公益组织'], kind: 'count' },
  { id: 'legal', label: '法律服务机构', kind: 'count' },
  { id: 'other', label: '其他', kind: 'count' },
  { id: 'total', label: '总计', aliases: ['合计'], kind: 'count' },
];

const HEAD_ROWS: RowSpec[] = [
  {
    id: 'new',
    label: '本年新收政府信息公开申请数量',
    ordinal: { style: 'cn', value: 1 },
    aliases: ['本年新收到政府信息公开申请数量', '本年度新收政府信息公开申请数量', '本年新收政府信息公开申请'],
    basis: b('《条例》第二十七条至第二十九条（依申请公开的提出）', 'Regulations arts. 27–29 (requests)'),
  },
  {
    id: 'carried',
    label: '上年结转政府信息公开申请数量',
    ordinal: { style: 'cn', value: 2 },
    aliases: ['上年结转政府信息公开数量', '上年度结转政府信息公开申请数量'],
    typos: ['上年转结政府信息公开申请数量'],
  },
  { id: 'results', label: '本年度办理结果', ordinal: { style: 'cn', value: 3 }, group: true, aliases: ['本年办理结果'] },
  {
    id: 'r1',
    label: '予以公开',
    ordinal: { style: 'paren', value: 1 },
    parent: 'results',
    basis: b('《条例》第三十六条第（一）（二）项', 'Regulations art. 36 items (1)(2)'),
  },
  {
    id: 'r2',
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    ordinal: { style: 'paren', value: 2 },
    parent: 'results',
    aliases: ['部分公开'],
    basis: b('《条例》第三十七条：能够作区分处理的，提供可以公开的内容，并对不予公开的内容说明理由', 'Regulations art. 37 (partial disclosure)'),
    note: b('区分处理的，只计这一情形，不计其他情形：每件申请只计一种办理结果。', 'Partially disclosed requests count here only: each request has exactly one outcome.'),
  },
  { id: 'r3', label: '不予公开', ordinal: { style: 'paren', value: 3 }, parent: 'results', group: true },
  { id: 'r3_1', label: '属于国家秘密', ordinal: { style: 'arabic', value: 1 }, parent: 'r3', basis: b('《条例》第十四条：依法确定为国家秘密的政府信息……不予公开。', 'Regulations art. 14: state secrets.') },
  {
    id: 'r3_2',
    label: '其他法律行政法规禁止公开',
    ordinal: { style: 'arabic', value: 2 },
    parent: 'r3',
    typos: ['其他法律法规禁止公开'],
    basis: b('《条例》第十四条：法律、行政法规禁止公开的政府信息……不予公开。', 'Regulations art. 14: barred by laws or administrative regulations.'),
  },
  {
    id: 'r3_3',
    label: '危及“三安全一稳定”',
    ordinal: { style: 'arabic', value: 3 },
    parent: 'r3',
    typos: ['危及安全一稳定', '危及三安全一稳定'],
    basis: b('《条例》第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。', 'Regulations art. 14: endangers national, public or economic security or social stability.'),
  },
  {
    id: 'r3_4',
    label: '保护第三方合法权益',
    ordinal: { style: 'arabic', value: 4 },
    parent: 'r3',
    basis: b('《条例》第十五条：涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。', 'Regulations art. 15: third-party rights (trade secrets, privacy).'),
  },
  {
    id: 'r3_5',
    label: '属于三类内部事务信息',
    ordinal: { style: 'arabic', value: 5 },
    parent: 'r3',
    basis: b('《条例》第十六条第一款：行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。', 'Regulations art. 16(1): internal affairs (personnel, logistics, internal procedures).'),
  },
  {
    id: 'r3_6',
    label: '属于四类过程性信息',
    ordinal: { style: 'arabic', value: 6 },
    parent: 'r3',
    basis: b('《条例》第十六条第二款：讨论记录、过程稿、磋商信函、请示报告等过程性信息……可以不予公开。', 'Regulations art. 16(2): process information (minutes, drafts, consultations, requests for instructions).'),
  },
  {
    id: 'r3_7',
    label: '属于行政执法案卷',
    ordinal: { style: 'arabic', value: 7 },
    parent: 'r3',
    basis: b('《条例》第十六条第二款：行政执法案卷信息，可以不予公开。', 'Regulations art. 16(2): administrative enforcement files.'),
  },
  {
    id: 'r3_8',
    label: '属于行政查询事项',
    ordinal: { style: 'arabic', value: 8 },
    parent: 'r3',
    basis: b('《条例》第三十六条第（七）项（对法律、行政法规另有规定的查询事项依照其规定办理；此对应关系为解释）', 'Regulations art. 36(7) (registers with their own access rules; an interpretation)'),
  },
  { id: 'r4', label: '无法提供', ordinal: { style: 'paren', value: 4 }, parent: 'results', group: true },
  {
    id: 'r4_1',
    label: '本机关不掌握相关政府信息',
    ordinal: { style: 'arabic', value: 1 },
    parent: 'r4',
    basis: b('《条例》第三十六条第（四）（五）项（经检索没有、不属于本机关负责公开）', 'Regulations art. 36 items (4)(5)'),
  },
  {
    id: 'r4_2',
    label: '没有现成信息需要另行制作',
    ordinal: { style: 'arabic', value: 2 },
    parent: 'r4',
    basis: b('《条例》第三十八条（需要对现有政府信息进行加工、分析的，可以不予提供）', 'Regulations art. 38 (no duty to create new information)'),
  },
  {
    id: 'r4_3',
    label: '补正后申请内容仍不明确',
    ordinal: { style: 'arabic', value: 3 },
    parent: 'r4',
    basis: b('《条例》第三十条（申请内容不明确的，应当告知申请人作出补正）', 'Regulations art. 30 (unclear requests)'),
  },
  { id: 'r5', label: '不予处理', ordinal: { style: 'paren', value: 5 }, parent: 'results', group: true },
  { id: 'r5_1', label: '信访举报投诉类申请', ordinal: { style: 'arabic', value: 1 }, parent: 'r5', basis: b('《条例》第三十九条第一款', 'Regulations art. 39(1)') },
  { id: 'r5_2', label: '重复申请', ordinal: { style: 'arabic', value: 2 }, parent: 'r5', basis: b('《条例》第三十六条第（六）项', 'Regulations art. 36(6)') },
  { id: 'r5_3', label: '要求提供公开出版物', ordinal: { style: 'arabic', value: 3 }, parent: 'r5', basis: b('《条例》第三十九条第二款', 'Regulations art. 39(2)') },
  { id: 'r5_4', label: '无正当理由大量反复申请', ordinal: { style: 'arabic', value: 4 }, parent: 'r5', basis: b('《条例》第三十五条', 'Regulations art. 35') },
  { id: 'r5_5', label: '要求行政机关确认或重新出具已获取信息', ordinal: { style: 'arabic', value: 5 }, parent: 'r5' },
];

const OTHER_2021: RowSpec[] = [
  { id: 'r6', label: '其他处理', ordinal: { style: 'paren', value: 6 }, parent: 'results', group: true },
  {
    id: 'r6_1',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ordinal: { style: 'arabic', value: 1 },
    parent: 'r6',
    basis: b('《条例》第三十条（申请人无正当理由逾期不补正的，视为放弃申请）', 'Regulations art. 30 (no correction in time)'),
  },
  {
    id: 'r6_2',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ordinal: { style: 'arabic', value: 2 },
    parent: 'r6',
    basis: b('《条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', 'Regulations art. 42; 国办函〔2020〕109号 (fees)'),
  },
  { id: 'r6_3', label: '其他', ordinal: { style: 'arabic', value: 3 }, parent: 'r6' },
];

const OTHER_2019: RowSpec[] = [{ id: 'r6', label: '其他处理', ordinal: { style: 'paren', value: 6 }, parent: 'results' }];

const TAIL_ROWS: RowSpec[] = [
  { id: 'r7', label: '总计', ordinal: { style: 'paren', value: 7 }, parent: 'results', aliases: ['合计'] },
  { id: 'next', label: '结转下年度继续办理', ordinal: { style: 'cn', value: 4 }, typos: ['转结下年度继续办理'], aliases: ['结转下年度继续办理申请数量'] },
];

const OUTCOMES_2021 = ['r1', 'r2', 'r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8', 'r4_1', 'r4_2', 'r4_3', 'r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5', 'r6_1', 'r6_2', 'r6_3'];
const OUTCOMES_2019 = ['r1', 'r2', 'r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8', 'r4_1', 'r4_2', 'r4_3', 'r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5', 'r6'];

function table3(rows: RowSpec[], outcomes: string[]): TableSpec {
  return {
    id: 't3',
    section: 3,
    name: b('收到和处理政府信息公开申请情况', 'Requests received and handled'),
    columns: T3_COLUMNS,
    headerGroups: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '法人或其他组织'],
    rows,
    across: [{ kind: 'across', total: 'total', parts: ['natural', 'business', 'research', 'nonprofit', 'legal', 'other'] }],
    down: [{ kind: 'down', total: 'r7', parts: outcomes }],
    balance: [
      {
        left: ['new', 'carried'],
        right: ['r7', 'next'],
        note: b('本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', 'Per column: item 1 + item 2 = item 3 (total) + item 4'),
      },
    ],
    basis: b('《条例》第五十条第（二）项', 'Regulations art. 50(2)'),
  };
}

export const TABLE3_2021 = table3([...HEAD_ROWS, ...OTHER_2021, ...TAIL_ROWS], OUTCOMES_2021);
export const TABLE3_2019 = table3([...HEAD_ROWS, ...OTHER_2019, ...TAIL_ROWS], OUTCOMES_2019);
