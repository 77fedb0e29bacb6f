// The six sections of the 2019 and 2021 formats (identical in both), docs/format.md §1.3, §2.2, §4.2.
import type { LegacyHeadingSpec, SectionSpec } from './types';

export const SECTIONS: SectionSpec[] = [
  {
    n: 1,
    title: '总体情况',
    variants: ['政府信息公开工作总体情况', '工作总体情况', '基本情况'],
    legacy: ['概述', '概况', '总体概述', '基本概况'],
    tables: [],
    basis: {
      zh: '《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）一、（一）：综述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况；各级人民政府还应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项）。',
      en: 'Format notice 国办公开办函〔2021〕30号, item 一(一): an overview of proactive disclosure, disclosure on request, information management, platforms and supervision; governments also report appraisal, public evaluation and accountability results (Regulations art. 50(4)).',
    },
    requirement: {
      zh: '综述本机关贯彻落实《条例》情况：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。',
      en: 'Overview of how the organ implements the Regulations: proactive disclosure, disclosure on request, information management, platforms, supervision.',
    },
  },
  {
    n: 2,
    title: '主动公开政府信息情况',
    variants: ['主动公开政府信息的情况', '行政机关主动公开政府信息的情况'],
    legacy: ['主动公开政府信息情况'],
    tables: ['t2.1', 't2.5', 't2.6', 't2.8', 't2.9'],
    basis: {
      zh: '《条例》第五十条第（一）项：行政机关主动公开政府信息的情况；统计项目见第二十条。',
      en: 'Regulations art. 50(1): the organ’s proactive disclosure; the items counted are those of art. 20.',
    },
    requirement: {
      zh: '以表格形式报告第二十条第（一）（五）（六）（八）项的数据（2019 格式另有第（九）项）。',
      en: 'Tables for art. 20 items (1), (5), (6) and (8) (the 2019 format also has item (9)).',
    },
  },
  {
    n: 3,
    title: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况', '行政机关收到和处理政府信息公开申请的情况'],
    legacy: ['依申请公开政府信息情况', '依申请公开政府信息和不予公开政府信息的情况', '依申请公开政府信息的情况'],
    tables: ['t3'],
    basis: {
      zh: '《条例》第五十条第（二）项：行政机关收到和处理政府信息公开申请的情况。',
      en: 'Regulations art. 50(2): requests for disclosure received and handled.',
    },
    requirement: {
      zh: '以统一表格报告申请数量、办理结果及结转情况；本列数据勾稽关系：第一项加第二项之和，等于第三项加第四项之和。',
      en: 'The standard table of requests received, outcomes and carry-over; per column, item 1 + item 2 = item 3 + item 4.',
    },
  },
  {
    n: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政复议、行政诉讼的情况',
    ],
    legacy: [
      '因政府信息公开申请行政复议、提起行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '因政府信息公开申请提起行政复议、提起行政诉讼的情况',
      '因政府信息公开申请行政复议、行政诉讼情况',
    ],
    tables: ['t4'],
    basis: {
      zh: '《条例》第五十条第（三）项：因政府信息公开工作被申请行政复议、提起行政诉讼的情况。',
      en: 'Regulations art. 50(3): administrative reconsideration and litigation over disclosure.',
    },
    requirement: {
      zh: '以统一表格报告行政复议和行政诉讼（未经复议直接起诉、复议后起诉）的结果维持、结果纠正、其他结果、尚未审结及总计。',
      en: 'The standard table of reconsideration and litigation outcomes (upheld, corrected, other, pending, total).',
    },
  },
  {
    n: 5,
    title: '存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '政府信息公开存在的主要问题及改进情况',
      '存在问题及改进情况',
      '存在的问题及改进情况',
      '存在的主要问题及改进措施',
    ],
    legacy: ['政府信息公开工作存在的主要问题及改进措施', '存在的主要问题和改进措施', '存在的不足及改进措施'],
    tables: [],
    basis: {
      zh: '《条例》第五十条第（四）项：政府信息公开工作存在的主要问题及改进情况，各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况。',
      en: 'Regulations art. 50(4): main problems and improvements (governments also report appraisal, evaluation and accountability results).',
    },
    requirement: {
      zh: '说明存在的主要问题、改进措施，以及上一年度改进措施的落实情况。',
      en: 'State the main problems, the measures taken, and how last year’s measures were carried out.',
    },
  },
  {
    n: 6,
    title: '其他需要报告的事项',
    variants: ['其他需要报告的事项情况', '其他需要说明的事项'],
    legacy: ['需要说明的事项与附表', '其他需要报告的事项及附表'],
    tables: [],
    basis: {
      zh: '《条例》第五十条第（五）项：其他需要报告的事项；信息处理费按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）在此报告。',
      en: 'Regulations art. 50(5): other matters, including information processing fees under 国办函〔2020〕109号.',
    },
    requirement: {
      zh: '报告信息处理费收取情况等其他需要报告的事项；没有时写明“无”。',
      en: 'Report information-processing fees and other matters; write 无 when there are none.',
    },
  },
];

export const LEGACY_HEADINGS: LegacyHeadingSpec[] = [
  {
    id: 'fees',
    title: '政府信息公开的收费及减免情况',
    variants: ['政府信息公开收费及减免情况', '收费及减免情况', '政府信息公开的收费及减免情况'],
    mergeInto: 6,
  },
];

/** Chinese numerals for ordinals 1..20. */
export const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
