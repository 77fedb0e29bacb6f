// samples/EXPECTED.md as data: what each sample must (and must not) produce.
// Lines are 1-based as in EXPECTED.md; a `find` string locates the line in the sample when EXPECTED.md
// names the text instead of the number. A diagnostic matches when its start line is within ±2.
import * as vscode from 'vscode';

const { Hint, Information, Warning } = vscode.DiagnosticSeverity;

export interface Item {
  /** Any of these rule ids satisfies the item (EXPECTED.md writes "`a` (or `b`)"). */
  rules: string[];
  line?: number;
  find?: string;
  /** Allowed severities, when EXPECTED.md names them. */
  severities?: vscode.DiagnosticSeverity[];
  why: string;
}

export interface Expectation {
  mustFlag: Item[];
  /** No diagnostic of these rules (at that line ±2 when a line is given, else anywhere). */
  mustNot: Item[];
  /** No error or warning at all (the false-positive control). */
  noErrorsOrWarnings?: boolean;
}

const ARITH: Item = { rules: ['total-mismatch', 'balance-mismatch'], why: 'arithmetic is correct' };

export const EXPECTED: Record<string, Expectation> = {
  'xinxiang-health-2020-pipe.txt': {
    mustFlag: [
      { rules: ['report-title'], line: 1, severities: [Hint, Information], why: 'no title line, no agency name' },
      { rules: ['publish-date'], severities: [Information], why: 'no publication date anywhere' },
    ],
    mustNot: [
      { rules: ['table-unbalanced', 'table-column'], why: 'trailing empty cells are layout padding; the last row is balanced' },
      { rules: ['format-outdated'], why: 'a 2020 report in the 2019 format' },
      { rules: ['number-invalid'], find: '-565', why: 'negative 本年增/减 is valid' },
      { rules: ['table-row-missing', 'row-numbering'], find: '(六)其他处理', why: '2019 format has no sub-items under (六)' },
      ARITH,
    ],
  },
  'xinjiang-health-2023-cell-per-line.txt': {
    mustFlag: [
      { rules: ['section-title'], line: 593, why: '五、存在的问题及改进情况' },
      { rules: ['table-label'], line: 43, why: '规范性文件 → 行政规范性文件' },
      { rules: ['table-unbalanced', 'table-column'], line: 81, why: 'extra header 本年增/减' },
      { rules: ['table-label'], line: 209, why: '3.危及安全一稳定' },
      { rules: ['table-label'], line: 309, why: 'truncated 1.本机关不掌握相关政府信' },
      { rules: ['row-numbering', 'table-label'], line: 423, why: 'row 5 numbered 4.' },
      { rules: ['narrative-mismatch'], find: '收到各类政府信息公开申请22件', severities: [Information, Warning], why: '不予公开7件 vs table 4 + 3' },
    ],
    mustNot: [
      { rules: ['publish-date'], why: 'published 2024-01-31, on time' },
      { rules: ['table-label'], find: '本年度新收政府 信息公开申请数量', why: 'whitespace inside a label' },
      { rules: ['table-label'], find: '自 然 人', why: 'whitespace inside a label' },
      { rules: ['table-label'], find: '无法提 供', why: 'whitespace inside a label' },
      { rules: ['table-unbalanced', 'table-column'], find: '未经复直接起', why: 'truncated review/litigation headers; all 15 values present' },
      ARITH,
    ],
  },
  'yuyao-health-2020-indented.txt': {
    mustFlag: [
      { rules: ['section-title', 'section-numbering'], line: 6, why: '一、概述' },
      { rules: ['section-title', 'section-numbering'], line: 20, why: 'unnumbered 主动公开政府信息情况' },
      { rules: ['section-title', 'section-numbering'], line: 94, why: 'unnumbered 收到和处理政府信息公开申请情况' },
      { rules: ['section-title', 'section-numbering'], line: 357, why: 'extra heading 政府信息公开收费及减免情况' },
      { rules: ['section-title', 'section-numbering'], line: 360, why: '五、因政府信息公开申请行政复议…' },
      { rules: ['section-title', 'section-numbering'], line: 402, why: '六、政府信息公开存在的主要问题及改进情况' },
      { rules: ['section-title', 'section-numbering'], line: 406, why: '七、其他需要报告的事项' },
      { rules: ['table-label'], line: 122, why: '上年转结 → 上年结转' },
      { rules: ['table-label'], line: 347, why: '转结下年度 → 结转下年度' },
      { rules: ['publish-date'], line: 410, why: 'dated 2020年1月15日, before the year ends' },
      { rules: ['number-invalid'], find: '20189万元', severities: [Warning], why: 'unit inside a numeric cell' },
    ],
    mustNot: [
      { rules: ['number-invalid'], find: '+1', why: 'a signed change is valid in 本年增/减' },
      ARITH,
    ],
  },
  'kunming-xishan-health-2022-pipe.txt': {
    mustFlag: [],
    mustNot: [ARITH, { rules: ['table-unbalanced', 'table-column', 'table-label', 'number-invalid'], why: 'the tables are clean' }],
    noErrorsOrWarnings: true,
  },
  'lushan-health-2021-tab.txt': {
    mustFlag: [
      { rules: ['report-title'], line: 3, severities: [Hint, Information], why: 'title lacks the full agency name' },
      { rules: ['table-unbalanced'], line: 80, why: '(七) 总计 carries 8 numbers' },
      { rules: ['table-unbalanced'], line: 81, why: '四、结转下年度继续办理 carries 8 numbers' },
      { rules: ['table-label'], line: 56, why: '社会组织 → 社会公益组织' },
      { rules: ['table-label'], line: 62, why: '2. 其他法律法规禁止公开' },
      { rules: ['publish-date'], severities: [Information], why: 'no publication date' },
    ],
    mustNot: [
      { rules: ['row-numbering', 'table-unbalanced', 'table-row-missing'], line: 76, why: 'row 5. at column 0 still belongs to (五)' },
      { rules: ['row-numbering', 'table-row-missing'], line: 77, why: '(六) 其他处理 at column 0' },
      ARITH,
    ],
  },
};

/** The same reports under other names in the runner's workspace (auto-detection, file name patterns). */
export const COPIES: Record<string, string> = {
  'report-a.txt': 'kunming-xishan-health-2022-pipe.txt',
  'xinjiang-health-2023.govreport.txt': 'xinjiang-health-2023-cell-per-line.txt',
  '2021年政府信息公开工作年度报告.txt': 'lushan-health-2021-tab.txt',
};
