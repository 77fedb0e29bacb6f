// Header words one space apart on one line, one of them mistyped (平潭海坛 2023/2024 表二: `本年制发件数 本年废止件数
// 先行有效件数`): the line is still cut into its headers, and table-label names the mistyped one — in
// pdftotext -layout text (the words sit in one aligned cell) and in plain pdftotext text (a line of their own).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
/** The 2022 sample with table 二's first block (lines 16–19) replaced by `block`. */
const withBlock = (block: string[]) => [...KUNMING.slice(0, 15), ...block, ...KUNMING.slice(19)].join('\n');

const LAYOUT = (h: string) => [
  '  第二十条第（一）项',
  `  信息内容                    本年制发件数 本年废止件数 ${h}`,
  '  规章                        0                    0                   0',
  '  行政规范性文件               1                    0                   5',
  '',
];
const RAW = (h: string) => ['第二十条第（一）项', '信息内容', '', `本年制发件数 本年废止件数 ${h}`, '', '规章', '', '0', '', '0', '', '0', '', '行政规范性文件', '', '1', '', '0', '', '5', ''];

const columnFindings = (text: string) => checkText(text).findings.filter((f) => f.rule === 'table-label' && f.message.startsWith('列名称')).map((f) => f.message);

describe('header words one space apart, one of them mistyped', () => {
  for (const [name, block] of [['pdftotext -layout', LAYOUT], ['plain pdftotext', RAW]] as const) {
    it(`${name}: 先行有效件数 is the column 现行有效件数, mistyped`, () => {
      const text = withBlock(block('先行有效件数'));
      assert.deepEqual(columnFindings(text), ['列名称“先行有效件数”不规范，标准名称为“现行有效件数”']);
      const t = checkText(text).report.tables.find((x) => x.id === 't2.1')!;
      assert.deepEqual(t.headers.filter((h) => h.columnId).map((h) => `${h.cell.text}:${h.columnId}`), ['本年制发件数:issued', '本年废止件数:repealed', '先行有效件数:valid']);
    });
    it(`${name}: the standard 现行有效件数 is not flagged`, () => {
      assert.deepEqual(columnFindings(withBlock(block('现行有效件数'))), []);
    });
    it(`${name}: a word two characters off is no header, and the line is not cut`, () => {
      const t = checkText(withBlock(block('先行无效件数'))).report.tables.find((x) => x.id === 't2.1');
      assert.ok(!t || !t.headers.some((h) => h.cell.text === '先行无效件数'));
    });
  }
});
