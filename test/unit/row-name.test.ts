// Table 四's one row has no label: messages name it “数据行” / “data row” in the user's language, never by
// its internal id (洪泽 2023 PDF text gave “data”的总计 0 ≠ 各项之和 5). Labelled rows keep their own text.
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/check';

const T4 = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
  '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计'];
// 行政复议 5+0+0+0 but 总计 0
const text = [...T4, '5\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', ''].join('\n');
const totals = (lang: 'zh' | 'en') => checkText(text, { lang }).findings.filter((f) => f.rule === 'total-mismatch').map((f) => f.message);

describe('table 四\'s unlabelled row in messages', () => {
  it('is “数据行” in Chinese', () => {
    assert.deepEqual(totals('zh'), ['“数据行”的总计 0 ≠ 各项之和 5（5+0+0+0）']);
  });
  it('is “data row” in English', () => {
    assert.equal(totals('en').length, 1);
    assert.match(totals('en')[0], /^“data row”: /);
  });
  it('a labelled row is named as written', () => {
    const t3 = ['三、收到和处理政府信息公开申请情况', '\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t0'].join('\n');
    const m = checkText(t3).findings.filter((f) => f.rule === 'total-mismatch').map((f) => f.message);
    assert.ok(m.some((x) => x.startsWith('“一、本年新收政府信息公开申请数量”') || x.startsWith('“本年新收政府信息公开申请数量”')), m.join('\n'));
  });
});
