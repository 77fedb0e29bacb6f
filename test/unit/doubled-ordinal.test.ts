// A table label whose ordinal numeral is written twice (平潭财政 2019 表三: group cell “三三、本年度办理结果”) is a
// row-numbering slip, whatever the copy: tab-separated (web page, HTML reader) or one cell per line (Word).
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/check';
import { applyFixList } from '../../server/src/fix';

const HEAD = ['三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况', '自然人\t法人或其他组织\t总计', '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'];
const zeros = '\t0\t0\t0\t0\t0\t0\t0';
function t3(group: string): string {
  return [...HEAD, '一、本年新收政府信息公开申请数量' + zeros, '二、上年结转政府信息公开申请数量' + zeros, `${group}\t（一）予以公开${zeros}`,
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' + zeros, '（三）不予公开\t1.属于国家秘密' + zeros, '2.其他法律行政法规禁止公开' + zeros, ''].join('\n');
}
const numbering = (text: string) => checkText(text).findings.filter((f) => f.rule === 'row-numbering');

describe('a doubled ordinal numeral in a table label', () => {
  it('三三、本年度办理结果 is flagged, and the fix removes the extra 三', () => {
    const text = t3('三三、本年度办理结果');
    const f = numbering(text);
    assert.deepEqual(f.map((x) => x.message), ['序号应为“三、”，而不是“三三、”（序号的数字重复）']);
    const fixed = applyFixList(text, f[0].fixes).text;
    assert.ok(fixed.includes('\n三、本年度办理结果\t（一）予以公开'));
    assert.deepEqual(numbering(fixed), []);
  });
  it('the standard 三、本年度办理结果 is not flagged', () => {
    assert.deepEqual(numbering(t3('三、本年度办理结果')), []);
  });
});

// PDF text keeps the doubled numeral inside the group cell, which is printed in two pieces (三三、本年 | 度办理结果):
// text copied from a PDF viewer (one piece a line, values one space apart) and pdftotext -layout (the pieces
// stand in the label column, and are not even read as the group). Lines as 平潭财政 2019 printed them.
const PDF_COPY = [
  "三、收到和处理政府信息公开申请情况",
  "（本列数据的勾稽关系为：第一项加第二项之和，",
  "等于第三项加第四项之和）",
  "申请人情况",
  "自",
  "然",
  "人",
  "法人或其他组织",
  "总",
  "计",
  "商业",
  "企业",
  "科研",
  "机构",
  "社会公",
  "益组织",
  "法律服",
  "务机构",
  "其",
  "他",
  "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0",
  "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
  "11/30/26, 4:40 AM 平潭综合实验区财政金融局2019年度政府信息公开工作年度报告",
  "https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqczj/zfxxgknb/202001/t20200106_80560.htm 3/5",
  "\f三三、本年",
  "度办理结果",
  "（一）予以公开 0 0 0 0 0 0 0",
  "（二）部分公开（区分处理的，只计",
  "这一情形，不计其他情形）",
  "0 0 0 0 0 0 0",
  "（三）不予",
  "公开",
  "1.属于国家秘密 0 0 0 0 0 0 0",
  "2.其他法律行政法规禁",
  "止公开",
  "0 0 0 0 0 0 0",
  "3.危及“三安全一稳",
  "定”",
  "0 0 0 0 0 0 0",
  "4.保护第三方合法权益 0 0 0 0 0 0 0",
  "5.属于三类内部事务信",
  "息",
  "0 0 0 0 0 0 0",
  "6.属于四类过程性信息 0 0 0 0 0 0 0",
  "7.属于行政执法案卷 0 0 0 0 0 0 0",
  "8.属于行政查询事项 0 0 0 0 0 0 0",
].join('\n');
const PDF_LAYOUT = [
  " 三、收到和处理政府信息公开申请情况",
  "",
  "                                                                          申请人情况",
  "",
  "  （本列数据的勾稽关系为：第一项加第二项之和，                                                  自    法人或其他组织",
  "                                                                                                         总",
  "  等于第三项加第四项之和）                                                            然    商业   科研   社会公   法律服   其",
  "                                                                                                         计",
  "                                                                          人    企业   机构   益组织   务机构   他",
  "  一、本年新收政府信息公开申请数量                                                        0    0    0    0     0     0   0",
  "",
  "  二、上年结转政府信息公开申请数量                                                        0    0    0    0     0     0   0",
  "",
  "",
  "",
  "https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqczj/zfxxgknb/202001/t20200106_80560.htm                                 3/5",
  "\f11/30/26, 4:40 AM                                      平潭综合实验区财政金融局2019年度政府信息公开工作年度报告",
  "",
  "                      （一）予以公开                                             0    0   0   0   0   0   0",
  "",
  "                      （二）部分公开（区分处理的，只计",
  "                                                                          0    0   0   0   0   0   0",
  "                      这一情形，不计其他情形）",
  "",
  "                                        1.属于国家秘密                          0    0   0   0   0   0   0",
  "",
  "                                        2.其他法律行政法规禁",
  "                                                                          0    0   0   0   0   0   0",
  "                                        止公开",
  "",
  "                                        3.危及“三安全一稳",
  "                                                                          0    0   0   0   0   0   0",
  "                                        定”",
  "                      （三）不予",
  "                                        4.保护第三方合法权益                       0    0   0   0   0   0   0",
  "                      公开",
  "                                        5.属于三类内部事务信",
  "                                                                          0    0   0   0   0   0   0",
  "                                        息",
  "",
  "                                        6.属于四类过程性信息                       0    0   0   0   0   0   0",
  "",
  "                                        7.属于行政执法案卷                        0    0   0   0   0   0   0",
  "",
  "                                        8.属于行政查询事项                        0    0   0   0   0   0   0",
  "  三三、本年",
  "                                        1.本机关不掌握相关政",
  "  度办理结果                                                                   0    0   0   0   0   0   0",
  "                                        府信息",
  "",
  "                      （四）无法 2.没有现成信息需要另",
  "                                                                          0    0   0   0   0   0   0",
  "                      提供                行制作",
  "",
  "                                        3.补正后申请内容仍不",
  "                                                                          0    0   0   0   0   0   0",
  "                                        明确",
  "",
  "                                        1.信访举报投诉类申请                       0    0   0   0   0   0   0",
].join('\n');

describe('a doubled ordinal numeral in a group cell of PDF text', () => {
  for (const [name, text] of [['copied from a PDF viewer', PDF_COPY], ['pdftotext -layout', PDF_LAYOUT]] as const) {
    it(`${name}: 三三、本年 is flagged on the cell, and the fix removes the extra 三`, () => {
      const f = numbering(text);
      assert.deepEqual(f.map((x) => x.message), ['序号应为“三、”，而不是“三三、”（序号的数字重复）']);
      const line = text.split('\n')[f[0].range.start.line];
      assert.equal(line.slice(f[0].range.start.character, f[0].range.end.character), '三三、');
      const fixed = applyFixList(text, f[0].fixes).text;
      assert.equal(fixed.split('\n').filter((l) => l.includes('三三、')).length, 0);
      assert.ok(fixed.includes('三、本年\n') || /三、本年\s*\n/.test(fixed));
      assert.deepEqual(numbering(fixed), []);
    });
    it(`${name}: the standard 三、本年 | 度办理结果 is not flagged`, () => {
      assert.deepEqual(numbering(text.replace('三三、本年', '三、本年')), []);
    });
  }
});
