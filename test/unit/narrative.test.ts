// narrative-mismatch on prose as real reports write it: figures compared only when the words name
// the table's own quantity (positive), left alone when they name a part, another year or another
// matter (negative).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');

/**
 * The 2022 Kunming report (table 三: 新收 6, 上年结转 0, 予以公开 3, 部分公开 1, 无法提供 2, 总计 6;
 * table 二: 行政规范性文件 制发 5 废止 2 现行有效 393, 行政许可 1321, 行政处罚 179) with `prose`
 * inserted after line 8 (so the first inserted line is line 9).
 */
function report(prose: string[]): string {
  const lines = KUNMING
    .replace('(一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '(一)予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
    .replace('(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 | 0 | 0 | 0 | 0 | 0 | 1 |')
    .replace('行政规范性文件 | 0 | 0 | 0 |', '行政规范性文件 | 5 | 2 | 393 |')
    .split('\n');
  lines.splice(8, 0, ...prose);
  return lines.join('\n');
}
const found = (prose: string[]) => checkText(report(prose)).findings.filter((f) => f.rule === 'narrative-mismatch').map((f) => `${f.range.start.line + 1}: ${f.message}`);

describe('narrative-mismatch: prose against tables 三 and 二', () => {
  it('the unchanged report and its own sentence agree with the tables', () => {
    assert.deepEqual(found([]), []);
  });

  it('reads 予以公开及部分公开 as (一) + (二)', () => {
    assert.deepEqual(found(['2022年,共收到政府信息公开申请6件,其中予以公开及部分公开4件,无法提供2件。']), []);
    assert.deepEqual(found(['2022年,共收到政府信息公开申请6件,其中予以公开、部分公开4件。']), []);
    const f = found(['2022年,共收到政府信息公开申请6件,其中予以公开及部分公开5件,无法提供2件。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /^9: 正文“其中予以公开及部分公开5件”与表三不一致：表中“（一）予以公开”加“（二）部分公开”为 4 件$/);
    // the outcome sentence after the sentence about applications (上海市人民政府办公厅 2019 wording)
    const g = found(['市政府办公厅代表市政府共受理政府信息公开申请6件，申请数量较去年回落12.3%；答复政府信息公开申请6件，均在法定期限内予以答复。予以公开及部分公开3件，占50%；不予公开0件，占0%；因本机关不掌握等原因无法提供2件，占33.3%；其他处理0件。信息公开类行政复议7件，诉讼9件。']);
    assert.deepEqual(g.map((x) => x.replace(/：.*/, '')), ['9: 正文“予以公开及部分公开3件”与表三不一致']);
  });

  it('quotes the prose as written: full-width digits and punctuation stay as the author typed them', () => {
    const f = found(['全年共受理政府信息公开申请６件，同意公开５件。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /正文“同意公开５件”与表三不一致/);
  });

  it('reads 同意公开 as 予以公开', () => {
    assert.deepEqual(found(['全年共受理政府信息公开申请6件,同意公开3件,同意部分公开1件。']), []);
    const f = found(['全年共受理政府信息公开申请6件,同意公开5件。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /“同意公开5件”.*“（一）予以公开”的总计为 3 件/);
  });

  it('reads a result named before 答复 (同意公开答复数, 平潭市场监管 2024) as that result, not as the (七) total', () => {
    // web copy: one line; PDF text: the phrase wrapped between 同意公开 and 答复数.
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件，同意公开答复数3件，区分处理后公开数1件，无法提供数2件。']), []);
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件，同意公开', '答复数3件，区分处理后公开数1件，无法提供数2件。']), []);
    const f = found(['2022年共收到政府信息公开申请6件，同意公开', '答复数5件。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /^10: 正文“同意公开答复数5件”与表三不一致：表中“（一）予以公开”的总计为 3 件/);
    // 答复 alone still names every answer: the (七) total.
    assert.match(found(['2022年共收到政府信息公开申请6件，全部按时答复5件。'])[0], /“（七）总计”的总计为 6 件/);
  });

  it('reads a sentence across a page break: the page footer and header (and blank lines) inside it are skipped (平潭市场监管 2022)', () => {
    const footer = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/202301/t20230105_80615.htm 1/5';
    const header = '11/30/26, 4:10 AM 昆明市西山区卫生健康局2022年政府信息公开工作年度报告';
    const sentence = (refused: number) => [
      // copied from a PDF viewer: footer and header right between the two lines
      ['2022年共收到政府信息公开申请6件，予以公开', footer, header, `3件，不予公开${refused}件，分别属于本机关不掌握相关政府信息及行政执法案卷。`],
      // pdftotext -layout: blank lines around them, the header after a form feed
      [' 2022年共收到政府信息公开申请6件，予以公开', '', `${footer}            1/5`.replace(' 1/5            1/5', '            1/5'), `\f${header}`, '', ` 3件，不予公开${refused}件，分别属于本机关不掌握相关政府信息及行政执法案卷。`],
    ];
    for (const prose of sentence(2)) {
      const f = found(prose);
      assert.equal(f.length, 1, prose.join('|'));
      assert.match(f[0], new RegExp(`^${8 + prose.length}: 正文“不予公开2件”与表三不一致：表中“（三）不予公开”1–8 项之和为 0 件$`));
    }
    for (const prose of sentence(0)) assert.deepEqual(found(prose), []);
    // a published PDF's own page number between the pieces (淮安市洪泽区 2023: `-4-`), pdftotext -layout
    const numbered = ['2022年共收到政府信息公开申请6件，予以公开', '', '                                   -4-', '', '\f3件，不予公开2件。'];
    assert.match(found(numbered)[0], /^13: 正文“不予公开2件”/);
    // A blank line alone is a paragraph's end, not a page break: the next paragraph is not about applications.
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件，予以公开3件', '', '不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。']), []);
  });

  it('compares table 二 figures: 现行有效, 制发 and 废止 规范性文件, 行政许可 and 行政处罚 decisions', () => {
    assert.deepEqual(found(['截至2022年底,我局现行有效行政规范性文件393件。本年度制发行政规范性文件5件,废止2件。', '全年共作出行政许可决定1321件,行政处罚决定179件。']), []);
    const f = found(['截至2022年底,我局现行有效行政规范性文件390件。本年度制发行政规范性文件5件,废止3件。', '全年共作出行政许可决定1300件,行政处罚决定179件。']);
    assert.deepEqual(f.map((x) => x.replace(/：.*/, '')), ['9: 正文“我局现行有效行政规范性文件390件”与表二不一致', '9: 正文“废止3件”与表二不一致', '10: 正文“全年共作出行政许可决定1300件”与表二不一致']);
    assert.match(f[0], /“行政规范性文件”的“现行有效件数”为 393 件/);
    assert.match(f[1], /“本年废止件数”为 2 件/);
    // 平潭综合实验区 2023 wording
    assert.deepEqual(found(['2023年全区共主动公开政府信息14571条。一是做好规范性文件公开,清理并集中发布现行有效行政规范性文件390件,动态更新本年度制发的规范性文件5件。']).map((x) => x.replace(/：.*/, '')), ['9: 正文“清理并集中发布现行有效行政规范性文件390件”与表二不一致']);
  });

  it('reads a sentence wrapped over two lines (PDF text) and marks the figure on its own line', () => {
    const f = found(['2022年,通过互联网渠道和线下渠道共收到政府', '信息公开申请9件,均已按时答复。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /^10: .*“一、本年新收”的总计为 6 件/);
  });

  it('reads a figure whose unit wrapped to the next line: a paragraph is kept when any of its lines holds 件', () => {
    const f = found(['2022年,通过互联网渠道和线下渠道共收到政府信息公开申请9', '件,均已按时答复。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /^9: .*“一、本年新收”的总计为 6 件/);
  });

  it('leaves parts alone: 其中 a channel, an applicant type, 涉及 a topic', () => {
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件,其中通过网上收到申请4件,信函申请2件。']), []);
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件,涉及自然人5件、企业1件。']), []);
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件,当面申请2件。']), []);
    assert.deepEqual(found(['本年度新制发规范性文件5件,其中涉及民生领域2件。']), []);
    assert.deepEqual(found(['主动公开政府信息2000条,其中规范性文件7件。']), []);
    assert.deepEqual(found(['清理规范性文件35件,其中废止3件。']), []);
    assert.deepEqual(found(['全年立案查处行政处罚案件150件。']), []);
  });

  it('leaves other years, comparisons and other matters alone', () => {
    assert.deepEqual(found(['与2021年相比,收到政府信息公开申请增加2件。']), []);
    assert.deepEqual(found(['2021年收到政府信息公开申请10件。']), []);
    assert.deepEqual(found(['全年受理行政许可申请1300件,办结1300件。']), []);
    assert.deepEqual(found(['依申请公开方面,收到行政复议申请1件。']), []);
    assert.deepEqual(found(['全年共收到12345热线转办件45件,办结45件,公开申请相关咨询3件。']), []);
  });

  it('accepts 收到 as new applications or as new plus carried over, and the whole outcome set', () => {
    assert.deepEqual(found(['依申请公开方面,全年收到政府信息公开申请6件,上年结转0件,办结6件,结转下年度0件。']), []);
    assert.deepEqual(found(['2022年,共收到政府信息公开申请6件。其中予以公开3件,部分公开1件,无法提供2件。']), []);
    assert.deepEqual(found(['2022年,共收到政府信息公开申请6件,其中予以公开3件,部分公开1件,无法提供2件,其他处理0件。']), []);
    assert.equal(found(['2022年,共收到政府信息公开申请6件,其中予以公开3件,部分公开1件,无法提供2件,其他处理1件。']).length, 1);
    const f = found(['2022年,共收到政府信息公开申请6件。其中予以公开3件,部分公开2件,无法提供2件。']);
    assert.equal(f.length, 1);
    assert.match(f[0], /“部分公开2件”.*“（二）部分公开”的总计为 1 件/);
  });

  // Real sentences that name a part of the table's quantity: a part of the year, some units, or a
  // figure under a part already named in the clause. None may be compared with the whole year's table.
  it('leaves a part of the year, some units and figures under a named part alone', () => {
    assert.deepEqual(found(['上半年共收到政府信息公开申请4件,予以公开2件。']), []);
    assert.deepEqual(found(['第一季度收到政府信息公开申请2件。']), []);
    assert.deepEqual(found(['1—6月,受理政府信息公开申请3件。']), []);
    assert.deepEqual(found(['12月份新收政府信息公开申请1件。']), []);
    assert.deepEqual(found(['各部门共收到政府信息公开申请40件,予以公开25件。']), []);
    assert.deepEqual(found(['区直单位受理政府信息公开申请12件。']), []);
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件,其中区教育局收到2件,予以公开1件。']), []);
    assert.deepEqual(found(['2022年通过网络收到政府信息公开申请4件,其中予以公开1件。']), []);
    assert.deepEqual(found(['2022年收到自然人政府信息公开申请5件,予以公开1件。']), []);
    // …while the whole year's figure stays compared, also when a date closes the period (截至12月31日).
    assert.equal(found(['截至12月31日,共收到政府信息公开申请9件。']).length, 1);
    assert.equal(found(['2022年1月1日至12月31日,共收到政府信息公开申请9件。']).length, 1);
    assert.equal(found(['一月一日至十二月三十一日,共收到政府信息公开申请9件。']).length, 1);
    assert.equal(found(['本报告期间,共收到政府信息公开申请9件。']).length, 1);
  });

  it('reads a 总计 left blank beside filled applicant columns as their sum (上海 2019 表三) and says so', () => {
    // 上海市人民政府办公厅 2019, copied from the published page: 总计 blank in rows （一）–（六）;
    // 予以公开 258+12+1+1, 部分公开 3; 无法提供 265+47+25; 不予公开 35 and 不予处理 158 agree.
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'real', 'shanghai-office-2019.copy.txt'), 'utf8');
    const f = checkText(text).findings.filter((x) => x.rule === 'narrative-mismatch').map((x) => x.message);
    assert.deepEqual(f, [
      '正文“予以公开及部分公开258件”与表三不一致：表中“（一）予以公开”加“（二）部分公开”为 275 件（“总计”列空白，按各申请人列之和计）',
      '正文“因本机关不掌握等原因无法提供265件”与表三不一致：表中“（四）无法提供”1–3 项之和为 337 件（“总计”列空白，按各申请人列之和计）',
    ]);
  });

  it('reads a second received-like figure of the same applications as a part (平潭综合执法与应急管理局 2024)', () => {
    // The table: 新收 6, （七）总计 6. 受理 after 收到 counts those accepted, not those received.
    assert.deepEqual(found(['2022年度，我局共收到政府信息公开申请6件，受理并办结5件，1件属于“本机关不掌握相关政府信息”，故不予受理。']), []);
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件，受理4件，2件因不属于政府信息不予受理。']), []);
    // …also when the accepted figure opens the next clause of the same applications.
    assert.deepEqual(found(['2022年共收到政府信息公开申请6件；其中受理5件，1件不予受理。']), []);
    // The received figure stays compared, the accepted one still is not.
    const f = found(['2022年度，我局共收到政府信息公开申请4件，受理并办结3件，1件属于“本机关不掌握相关政府信息”，故不予受理。']);
    assert.deepEqual(f, ['9: 正文“我局共收到政府信息公开申请4件”与表三不一致：表中“一、本年新收”的总计为 6 件']);
    // A new paragraph about applications starts afresh: its first figure is compared again.
    assert.equal(found(['2022年共收到政府信息公开申请6件。', '', '全年共受理政府信息公开申请8件。']).length, 1);
  });

  it('compares 受理并办结 N件 alone with both the applications received and those answered', () => {
    assert.deepEqual(found(['2022年共受理并办结政府信息公开申请6件。']), []);
    const f = found(['2022年共受理并办结政府信息公开申请9件。']);
    assert.deepEqual(f, ['9: 正文“2022年共受理并办结政府信息公开申请9件”与表三不一致：表中“一、本年新收”的总计为 6 件']);
  });

  it('counts applications in 份 only right after 申请 (平潭农业农村局 2023 申请7份)', () => {
    assert.deepEqual(found(['2022年，我局共收到政府信息公开申请6份，其中法人申请1件、自然人申请5件，均依法予以办结。']), []);
    const f = found(['2022年，我局共收到政府信息公开申请7份，其中法人申请1件、自然人申请6件，均依法予以办结。']);
    assert.deepEqual(f, ['9: 正文“我局共收到政府信息公开申请7份”与表三不一致：表中“一、本年新收”的总计为 6 件']);
    // 份 of documents (平潭综合执法与应急管理局 2024) is never a table-三 figure.
    assert.deepEqual(found(['2022年，我局通过门户网站发布信息607条，其中主动公开380份，依申请公开及不予公开319份。']), []);
  });
});
