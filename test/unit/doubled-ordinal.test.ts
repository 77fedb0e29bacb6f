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
