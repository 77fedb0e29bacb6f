// A statistics period whose 年 and 月 a converter dropped (`自202011日起至20201231日止`): the year it states
// cannot be read, and the sentence reads as a garbled number. report-year gives a hint with the fix that writes
// the dates back; ordinary figures and dates are never taken for such a period. Built from a sample report.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { fixAll } from '../../server/src/fix';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
/** The sample with `sentence` added to the end of its first paragraph (line 4). */
const withSentence = (sentence: string) => KUNMING.replace('无政务新媒体等平台。', `无政务新媒体等平台。${sentence}`);
const yearFindings = (text: string, lang?: 'zh' | 'en') => checkText(text, { lang }).findings.filter((f) => f.rule === 'report-year');

describe('report-year: a statistics period that lost its 年/月', () => {
  it('both dates without 年 and 月: one hint quoting the text as written, with the fix', () => {
    const text = withSentence('本报告中所列数据的统计期限自202211日起至20221231日止。');
    const f = yearFindings(text);
    assert.deepEqual(f.map((x) => [x.severity, x.range.start.line + 1, x.message]), [
      ['hint', 4, '统计期限“202211日起至20221231日”的日期缺少“年”“月”（多为转换时丢失），应为“2022年1月1日起至2022年12月31日”'],
    ]);
    assert.deepEqual(f[0].fixes.map((x) => [x.safe, x.numbers]), [[true, false]]);
    const fixed = fixAll(text).text;
    assert.ok(fixed.includes('统计期限自2022年1月1日起至2022年12月31日止。'));
    assert.deepEqual(yearFindings(fixed), []);
  });

  it('only 年 or only 月 lost, full-width digits, English locale', () => {
    assert.equal(yearFindings(withSentence('统计期限为20221月1日至202212月31日。')).length, 1);
    assert.equal(yearFindings(withSentence('统计期限为2022年11日至2022年1231日。')).length, 1);
    const en = yearFindings(withSentence('统计期限自２０２２１１日起至２０２２１２３１日止。'), 'en');
    assert.deepEqual(en.map((x) => x.message), ['The dates of the statistics period “２０２２１１日起至２０２２１２３１日” lack 年/月 (usually lost in conversion); they read “2022年1月1日起至2022年12月31日”']);
  });

  it('after the fix, a period of another year is the usual mismatch', () => {
    const fixed = fixAll(withSentence('统计期限自202111日起至20211231日止。')).text;
    assert.deepEqual(yearFindings(fixed).map((x) => x.message), ['正文中的统计年度 2021 与标题中的年度 2022 不一致']);
  });

  it('never on a period written out, other dates, or figures', () => {
    for (const s of [
      '统计期限自2022年1月1日起至2022年12月31日止。',
      '截至20221231日，共有政府信息12031条。',
      '共收到申请202211件，办结20221231件。',
      '2022年11月1日至2022年12月31日开展专项检查。',
      '自2022年1月11日至2022年12月31日。',
      '编号202211至20221231。',
    ]) assert.deepEqual(yearFindings(withSentence(s)), [], s);
  });
});
