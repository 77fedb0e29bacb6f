// 表三 whose 总计 column was left at 0 in every row (平潭海坛 2024): the rows' own misses say so, and a column
// that does not add up (自然人: 4 + 1 + 1 = 6 but （七）总计 5) is still reported on its （七）总计 — no part cell is
// "the culprit" that explains both. Where the 总计 column is filled, one wrong cell is still named as the culprit.
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/check';

const R = ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开\t1.属于国家秘密', '\t2.其他法律行政法规禁止公开', '\t3.危及“三安全一稳定”', '\t4.保护第三方合法权益',
  '\t5.属于三类内部事务信息', '\t6.属于四类过程性信息', '\t7.属于行政执法案卷', '\t8.属于行政查询事项', '（四）无法提供\t1.本机关不掌握相关政府信息', '\t2.没有现成信息需要另行制作',
  '\t3.补正后申请内容仍不明确', '（五）不予处理\t1.信访举报投诉类申请', '\t2.重复申请', '\t3.要求提供公开出版物', '\t4.无正当理由大量反复申请', '\t5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '\t3.其他', '（七）总计'];
function t3(np: Record<number, number>, total: (np: number) => number, grand: number): string {
  const row = (label: string, v: number) => `${label}\t${v}\t0\t0\t0\t0\t0\t${total(v)}`;
  return ['三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况', '\t自然人\t法人或其他组织\t总计', '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    row('一、本年新收政府信息公开申请数量', grand), row('二、上年结转政府信息公开申请数量', 0),
    ...R.map((l, i) => (i === 0 ? '三、本年度办理结果\t' : '') + row(l, i === R.length - 1 ? grand : np[i] ?? 0)),
    row('四、结转下年度继续办理', 0), ''].join('\n');
}
const totals = (text: string) => checkText(text).findings.filter((f) => f.rule === 'total-mismatch').map((f) => f.message);

describe('a 总计 column never filled in', () => {
  it('the column that does not add up is reported on its （七）总计, not blamed on a part cell', () => {
    const m = totals(t3({ 10: 4, 12: 1, 18: 1 }, () => 0, 5));
    assert.ok(m.includes('“自然人”列的（七）总计 5 ≠ 各办理结果之和 6'), m.join('\n'));
    assert.ok(!m.some((x) => x.startsWith('此数')), m.join('\n'));
  });
  it('with the 总计 column filled, one wrong part cell is still the culprit', () => {
    const m = totals(t3({ 10: 4, 12: 2 }, (v) => (v === 2 ? 1 : v), 5));
    assert.deepEqual(m, ['此数与所在行的合计和所在列的合计都不一致：按两处合计，应为 1']);
  });
});
