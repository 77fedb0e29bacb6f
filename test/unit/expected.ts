// EXPECTED.md as data: what a careful reviewer finds in each sample (1-based lines), and the traps.
export interface Expectation {
  file: string;
  year: number;
  format: '2019' | '2021';
  mustFlag: { rule: string | string[]; line: number; note: string }[];
  /** Rules that must not fire at all in this file (or only within the given line span). */
  mustNot: { rule: string; lines?: [number, number]; note: string }[];
  /** No warning or error at all (the clean control). */
  clean?: boolean;
}

export const EXPECTED: Expectation[] = [
  {
    file: 'xinxiang-health-2020-pipe.txt',
    year: 2020,
    format: '2019',
    mustFlag: [
      { rule: 'report-title', line: 1, note: 'no title line' },
      { rule: 'publish-date', line: 1, note: 'no publication date' },
    ],
    mustNot: [
      { rule: 'table-unbalanced', note: 'trailing empty cells are padding; 四、结转 has one trailing cell fewer' },
      { rule: 'format-outdated', note: '2019 format in a 2020 report' },
      { rule: 'number-invalid', note: 'negative 本年增/减 values are valid' },
      { rule: 'table-row-missing', note: '(六)其他处理 without sub-items in 2019' },
      { rule: 'total-mismatch', note: 'arithmetic is correct' },
      { rule: 'balance-mismatch', note: 'arithmetic is correct' },
      { rule: 'table-label', note: 'labels are standard (truncated 本年新 headers are layout)' },
    ],
  },
  {
    file: 'xinjiang-health-2023-cell-per-line.txt',
    year: 2023,
    format: '2021',
    mustFlag: [
      { rule: 'section-title', line: 593, note: '五、存在的问题及改进情况' },
      { rule: 'table-label', line: 43, note: '规范性文件 → 行政规范性文件' },
      { rule: ['table-unbalanced', 'table-column'], line: 81, note: 'extra header 本年增/减' },
      { rule: 'table-label', line: 209, note: '3.危及安全一稳定' },
      { rule: 'table-label', line: 309, note: 'truncated 1.本机关不掌握相关政府信' },
      { rule: ['row-numbering', 'table-label'], line: 423, note: 'fifth row numbered 4.' },
      { rule: 'narrative-mismatch', line: 21, note: '不予公开7件 vs table 4' },
    ],
    mustNot: [
      { rule: 'publish-date', note: 'published 2024-01-31, on time' },
      { rule: 'table-label', lines: [89, 200], note: 'labels broken by spaces are layout noise' },
      { rule: 'table-label', lines: [300, 308], note: '( 四) 无法提 供 is a split group label' },
      { rule: 'table-unbalanced', lines: [100, 600], note: 'row 5 of (五) split over two lines still has 7 values; truncated review headers' },
      { rule: 'table-row-missing', note: 'all rows present' },
      { rule: 'total-mismatch', note: 'arithmetic is correct' },
      { rule: 'balance-mismatch', note: 'arithmetic is correct' },
    ],
  },
  {
    file: 'yuyao-health-2020-indented.txt',
    year: 2020,
    format: '2019',
    mustFlag: [
      { rule: ['section-title', 'section-numbering'], line: 6, note: '一、概述' },
      { rule: ['section-title', 'section-numbering'], line: 20, note: 'unnumbered 主动公开政府信息情况' },
      { rule: ['section-title', 'section-numbering'], line: 94, note: 'unnumbered 收到和处理政府信息公开申请情况' },
      { rule: ['section-title', 'section-numbering'], line: 357, note: 'extra heading 政府信息公开收费及减免情况' },
      { rule: ['section-title', 'section-numbering'], line: 360, note: '五、因政府信息公开申请… (should be 四)' },
      { rule: ['section-title', 'section-numbering'], line: 402, note: '六、… (should be 五)' },
      { rule: 'section-numbering', line: 406, note: '七、其他需要报告的事项 (should be 六)' },
      { rule: 'table-label', line: 122, note: '上年转结' },
      { rule: 'table-label', line: 347, note: '转结下年度' },
      { rule: 'publish-date', line: 410, note: 'dated 2020年1月15日, before the year ends' },
      { rule: 'number-invalid', line: 91, note: '20189万元' },
    ],
    mustNot: [
      { rule: 'number-invalid', lines: [40, 60], note: '+1 in 本年增/减' },
      { rule: 'table-label', lines: [110, 116], note: '本年新收到 is acceptable wording' },
      { rule: 'total-mismatch', note: 'arithmetic correct' },
      { rule: 'balance-mismatch', note: 'arithmetic correct' },
      { rule: 'table-unbalanced', note: 'balanced' },
    ],
  },
  {
    file: 'kunming-xishan-health-2022-pipe.txt',
    year: 2022,
    format: '2021',
    mustFlag: [],
    mustNot: [
      { rule: 'table-label', note: 'truncated review headers, spaced labels' },
      { rule: 'table-unbalanced', note: 'balanced' },
      { rule: 'total-mismatch', note: 'arithmetic correct' },
      { rule: 'balance-mismatch', note: 'arithmetic correct' },
      { rule: 'publish-date', note: 'dated 2023年1月28日, on time' },
    ],
    clean: true,
  },
  {
    file: 'lushan-health-2021-tab.txt',
    year: 2021,
    format: '2021',
    mustFlag: [
      { rule: 'report-title', line: 3, note: '卫健委 lacks the full agency name' },
      { rule: 'table-unbalanced', line: 80, note: '(七) 总计 has 8 numbers' },
      { rule: 'table-unbalanced', line: 81, note: '四、结转下年度继续办理 has 8 numbers' },
      { rule: 'table-label', line: 56, note: '社会组织 → 社会公益组织' },
      { rule: 'table-label', line: 62, note: '2. 其他法律法规禁止公开' },
      { rule: 'publish-date', line: 3, note: 'no publication date' },
    ],
    mustNot: [
      { rule: 'table-row-missing', note: 'row 5 starting at column 0 still belongs to (五)' },
      { rule: 'table-unbalanced', lines: [57, 79], note: 'rows starting at the wrong column are fine' },
      { rule: 'total-mismatch', note: 'all zero' },
      { rule: 'balance-mismatch', note: 'all zero' },
    ],
  },
];
