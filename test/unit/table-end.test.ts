// A report's own section with a small table right after 表四 (苏平片区 2023/2024: 五、信息处理费收取情况,
// 通知收取件数 / 通知收取金额（元）/ 实际收取金额（元）, row `信息处理费收取情况 0 0 0`) ends 表四: its row
// is not a short 表四 data row. Text shaped like the real copies (one cell per line; tab-separated HTML).
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/check';
import { parseReport } from '../../server/src/parse/parse';
import { endsTable } from '../../server/src/parse/table-end';
import { lineCells } from '../../server/src/parse/cells';

const T4_HEAD = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];
const SUB = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const EXTRA = ['五、信息处理费收取情况', '通知收取件数', '通知收取金额（元）', '实际收取金额（元）', '信息处理费收取情况', '0', '0', '0'];
const AFTER = ['六、存在的主要问题和改进情况', '（一）存在的主要问题', '我局政府信息公开工作仍存在一些不足之处。'];

function cellPerLine(extra: string[]): string {
  return [...T4_HEAD, ...SUB, ...SUB, ...Array(15).fill('0'), ...extra, ...AFTER].join('\n') + '\n';
}
function tabbed(extra: string[]): string {
  return [T4_HEAD[0], '行政复议\t\t\t\t\t行政诉讼', SUB.join('\t') + '\t未经复议直接起诉\t复议后起诉', '\t\t\t\t\t' + [...SUB, ...SUB].join('\t'), Array(15).fill('0').join('\t'), ...extra, ...AFTER].join('\n') + '\n';
}
const TABBED_EXTRA = ['五、信息处理费收取情况', '\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）', '信息处理费收取情况\t0\t0\t0'];
const tableRules = new Set(['table-unbalanced', 'number-invalid', 'total-mismatch', 'table-row-missing', 'table-label']);

describe('a report\'s own section after 表四 ends the table', () => {
  for (const [name, text] of [['one cell per line', cellPerLine(EXTRA)], ['tab-separated (HTML)', tabbed(TABBED_EXTRA)]] as const) {
    it(`${name}: 表四 keeps its 15 figures, the extra table gives no table finding, 六、 is still checked`, () => {
      const report = parseReport(text, 'mem://t4');
      const t4 = report.tables.find((t) => t.id === 't4')!;
      assert.ok(t4, 'table 四 read');
      const lines = text.split('\n');
      assert.ok(t4.range.end.line < lines.indexOf('五、信息处理费收取情况'), `table 四 ends before 五、 (ends at ${t4.range.end.line})`);
      const f = checkText(text).findings;
      assert.deepEqual(f.filter((x) => tableRules.has(x.rule) && x.severity !== 'info').map((x) => x.message), []);
      assert.ok(f.some((x) => x.rule === 'section-title' && x.message.includes('存在的主要问题和改进情况')), f.map((x) => x.message).join('\n'));
    });
  }

  it('a short 表四 row without a heading before it is still reported (the rule is not switched off)', () => {
    const text = cellPerLine(['信息处理费收取情况', '0', '0', '0']);
    assert.ok(checkText(text).findings.some((x) => x.rule === 'table-unbalanced' || x.rule === 'number-invalid'));
  });

  const ends = (id: string, text: string) => endsTable(id, lineCells(0, text, text));
  it('numbered headings that are no label of the table end it', () => {
    assert.equal(ends('t4', '五、信息处理费收取情况'), true);
    assert.equal(ends('t3', '五、信息处理费收取情况'), true);
    assert.equal(ends('t4', '## 五、信息处理费收取情况'), true);
  });
  it('the table\'s own numbered rows, rows with figures and padded PDF pieces do not', () => {
    assert.equal(ends('t3', '三、本年度办理结果'), false);
    assert.equal(ends('t3', '四、结转下年度继续办理'), false);
    assert.equal(ends('t3', '一、本年新收政府信息公开申请数量'), false);
    assert.equal(ends('t3', '三、本年              法提供'), false);
    assert.equal(ends('t4', '五、收费 0 0 0'), false);
    assert.equal(ends('t4', '信息处理费收取情况'), false);
  });
});
