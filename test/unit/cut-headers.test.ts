// A header cell printed over two lines whose pieces plain pdftotext puts apart (issue 11 class 3):
// test/fixtures/real/pingtan-jinjing-2021.pdf-raw.txt prints 表二's `本年 / 废止件数` as `本年` before
// 信息内容 and `废止件数` after the rows (parse/cut-headers.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const RAW = readFileSync(join(__dirname, '..', 'fixtures', 'real', 'pingtan-jinjing-2021.pdf-raw.txt'), 'utf8');
const columnFindings = (text: string) => checkText(text).findings.filter((f) => f.rule === 'table-label' && f.message.startsWith('列名称')).map((f) => f.message);

describe('a header cell whose start piece is printed apart (plain pdftotext)', () => {
  it('本年 … 废止件数: the rest of the cut header is layout, no column finding', () => {
    assert.ok(RAW.includes('\n本年\n\n信息内容\n'));
    assert.deepEqual(columnFindings(RAW), []);
  });

  it('without the start piece in the table, 废止件数 is still a column finding', () => {
    const text = RAW.replace('\n本年\n\n信息内容\n', '\n信息内容\n');
    assert.deepEqual(columnFindings(text), ['列名称“废止件数”不规范，标准名称为“本年废止件数”']);
  });
});
