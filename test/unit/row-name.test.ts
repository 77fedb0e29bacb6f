// A row without a label (table 四's one row of figures) is named in messages by the line it starts on, as the
// editor and the CLI number lines: “第 5 行” / “line 5” — never by its internal id (洪泽 2023 PDF text gave
// “data”的总计 0 ≠ 各项之和 5) nor by a quoted name the author never wrote (“数据行”). Labelled rows keep their text.
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/check';

const T4 = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
  '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计'];
// 行政复议 5+0+0+0 but 总计 0; the row of figures is line 5
const text = [...T4, '5\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', ''].join('\n');
const messages = (t: string, rule: string, lang: 'zh' | 'en' = 'zh') => checkText(t, { lang }).findings.filter((f) => f.rule === rule).map((f) => f.message);

describe('a row without a label in messages', () => {
  it('is named by its line in Chinese', () => {
    assert.deepEqual(messages(text, 'total-mismatch'), ['第 5 行的总计 0 ≠ 各项之和 5（5+0+0+0）']);
  });
  it('is named by its line in English', () => {
    assert.deepEqual(messages(text, 'total-mismatch', 'en'), ['line 5: 总计 0 ≠ sum of parts 5 (5+0+0+0)']);
  });
  it('a row of the wrong width says which line, not “数据行”', () => {
    const short = [...T4, '', '', '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0', ''].join('\n');
    const zh = messages(short, 'table-unbalanced');
    assert.ok(zh.some((m) => m.includes('第 7 行只有 12 个数值')), zh.join('\n'));
    const en = messages(short, 'table-unbalanced', 'en');
    assert.ok(en.some((m) => /the row on line 7 has (only )?12\b/i.test(m)), en.join('\n'));
    assert.ok(![...zh, ...en].some((m) => /数据行|data row/.test(m)));
  });
  it('a labelled row is named as written', () => {
    const t3 = ['三、收到和处理政府信息公开申请情况', '\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t0'].join('\n');
    const m = messages(t3, 'total-mismatch');
    assert.ok(m.some((x) => x.startsWith('“一、本年新收政府信息公开申请数量”的')), m.join('\n'));
  });
});
