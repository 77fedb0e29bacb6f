// The publication date as real pages carry it (落款, or the page's 时间/发布日期/来源… line), and the
// deadline of 条例 第四十九条 decided from the whole title and the kind of agency it names.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { parseReport } from '../../server/src/parse/parse';
import { readTitle } from '../../server/src/parse/title';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');

/** The 2022 Kunming report with its title lines replaced by `head` and its signature by `tail`. */
function report(head: string[], tail: string[] = []): string {
  return [...head, ...KUNMING.slice(2, 70), ...tail].join('\n');
}
const dateFindings = (text: string) => checkText(text).findings.filter((f) => f.rule === 'publish-date');

describe('publish-date: dates as pages carry them, deadline by agency kind', () => {
  it('reads a page’s bare 时间： line when there is no signature, and applies the department deadline', () => {
    const text = report(['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '时间：2023-02-08 16:34']);
    const r = parseReport(text, 'x');
    assert.deepEqual([r.publishDate?.year, r.publishDate?.month, r.publishDate?.day, r.publishDate?.source, r.publishDate?.label], [2023, 2, 8, 'page', '时间']);
    const f = dateFindings(text);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /网页标注的“时间” 2023-02-08 已逾期/);
    assert.match(f[0].message, /县级以上人民政府部门.*“局”结尾.*2023年1月31日前/);
    assert.equal(f[0].range.start.line, 1);
  });

  it('reads 来源：… 发布时间：… and 发布日期：… lines before or after the title', () => {
    for (const head of [
      ['来源：昆明市西山区卫生健康局  发布时间：2023-01-20 09:30  浏览次数：128', '昆明市西山区卫生健康局2022年政府信息公开工作年度报告'],
      ['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '发布日期：2023年01月20日'],
      ['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '信息来源：区卫生健康局 2023-01-20 10:16 【字号：大 中 小】'],
    ]) {
      const r = parseReport(report(head), 'x');
      assert.deepEqual([r.publishDate?.month, r.publishDate?.day, r.publishDate?.source], [1, 20, 'page'], head.join(' / '));
      assert.deepEqual(dateFindings(report(head)), [], head.join(' / '));
    }
  });

  it('reads the page date as converters and one-cell-per-line copies write it', () => {
    for (const [head, label] of [
      [['# 昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '', '**发布时间**：2023-01-20'], '发布时间'],
      [['| 发布机构 | 昆明市西山区卫生健康局 | 生成日期 | 2023-01-20 |', '昆明市西山区卫生健康局2022年政府信息公开工作年度报告'], '生成日期'],
      [['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '', '发布时间：', '', '2023-01-20'], '发布时间'],
      [['        昆明市西山区卫生健康局', '    2022 年政府信息公开工作年度报告', '        发布日期：2023 年 1 月 20 日'], '发布日期'],
    ] as [string[], string][]) {
      const r = parseReport(report(head), 'x');
      assert.deepEqual([r.publishDate?.month, r.publishDate?.day, r.publishDate?.label, r.title?.agency, r.year?.value], [1, 20, label, '昆明市西山区卫生健康局', 2022], head.join(' / '));
    }
  });

  it('prefers the signature over the page date and says which one it used', () => {
    const text = report(['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '发布时间：2023-01-25'], ['昆明市西山区卫生健康局', '2023年2月3日']);
    const f = dateFindings(text);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^落款日期 2023-02-03 已逾期/);
    assert.equal(f[0].range.start.line, 71);
    // and a late page date does not override an on-time signature
    assert.deepEqual(dateFindings(report(['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '发布时间：2023-02-25'], ['昆明市西山区卫生健康局', '2023年1月20日'])), []);
  });

  it('reads a signature date in Chinese numerals written with ○', () => {
    const r = parseReport(report(['昆明市西山区卫生健康局2022年政府信息公开工作年度报告'], ['昆明市西山区卫生健康局', '二○二三年一月二十日']), 'x');
    assert.deepEqual([r.publishDate?.year, r.publishDate?.month, r.publishDate?.day, r.publishDate?.source], [2023, 1, 20, 'signature']);
  });

  it('decides the kind from a title split over two lines', () => {
    const head = ['淮安市洪泽区人民政府2022年政府信息公开', '工作年度报告', '发布时间：2023-03-20'];
    const r = parseReport(report(head), 'x');
    assert.equal(r.title?.agency, '淮安市洪泽区人民政府');
    assert.equal(r.title?.year, 2022);
    assert.equal(r.title?.continuationLine, 1);
    assert.deepEqual(dateFindings(report(head)), []);
    // 2023年度洪泽区人民政府 / 政府信息公开工作年度报告: agency and year on the line above
    const r2 = parseReport(report(['2022年度洪泽区人民政府', '政府信息公开工作年度报告', '发布时间：2023-03-20']), 'x');
    assert.deepEqual([r2.title?.agency, r2.title?.year], ['洪泽区人民政府', 2022]);
  });

  it('gives a government’s own report, a zone’s 管委会 and a bare place name until 31 March', () => {
    for (const title of ['洪泽区人民政府2022年政府信息公开工作年度报告', '淮安经济技术开发区管理委员会2022年政府信息公开工作年度报告', '洪泽区2022年政府信息公开工作年度报告', '2022年度洪泽区政府信息公开工作年度报告']) {
      assert.deepEqual(dateFindings(report([title, '发布时间：2023-03-20'])), [], title);
      const late = dateFindings(report([title, '发布时间：2023-04-02']));
      assert.equal(late.length, 1, title);
      assert.match(late[0].message, /2023年3月31日前/, title);
    }
  });

  it('gives departments (委员会, the government’s own 办公室, a city’s 城市管理委员会) until 31 January', () => {
    for (const title of ['洪泽区卫生健康委员会2022年政府信息公开工作年度报告', '洪泽区人民政府办公室2022年政府信息公开工作年度报告', '北京市城市管理委员会2022年政府信息公开工作年度报告']) {
      const f = dateFindings(report([title, '发布时间：2023-02-15']));
      assert.equal(f.length, 1, title);
      assert.match(f[0].message, /部门.*2023年1月31日前.*第四十九条第一款/, title);
    }
  });

  it('does not call a report late against the department deadline when its kind cannot be decided', () => {
    assert.deepEqual(dateFindings(report(['2022年政府信息公开工作年度报告', '发布时间：2023-02-15'])), []);
    const f = dateFindings(report(['2022年政府信息公开工作年度报告', '发布时间：2023-04-15']));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /未能从标题判断.*都已过/);
    assert.equal(f[0].severity, 'info');
  });

  it('sets no deadline for townships and street offices, and 31 March for reports on 2018 and before', () => {
    assert.deepEqual(dateFindings(report(['岔河镇人民政府2022年政府信息公开工作年度报告', '发布时间：2023-04-15'])), []);
    assert.deepEqual(dateFindings(report(['高良涧街道办事处2022年政府信息公开工作年度报告', '发布时间：2023-04-15'])), []);
    const old = report(['昆明市西山区卫生健康局2018年政府信息公开工作年度报告', '发布时间：2019-03-10']).replace(/2022年/g, '2018年');
    assert.deepEqual(dateFindings(old), []);
  });

  it('says which deadline applies when the date is missing', () => {
    const f = dateFindings(report(['洪泽区人民政府2022年政府信息公开工作年度报告']));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /未找到发布日期.*本级人民政府.*2023年3月31日前/);
  });

  it('does not take the statistics period or a date inside the prose for the publication date', () => {
    const text = report(['昆明市西山区卫生健康局2022年政府信息公开工作年度报告', '本报告统计期限为2022年1月1日至12月31日。']);
    assert.equal(parseReport(text, 'x').publishDate, undefined);
  });
});

describe('title: agency and year however the title is written', () => {
  const cases: [string, string | undefined, number | undefined][] = [
    ['淮安市洪泽区人民政府2023年政府信息公开工作年度报告', '淮安市洪泽区人民政府', 2023],
    ['2023年度洪泽区政府信息公开工作年度报告', '洪泽区', 2023],
    ['洪泽区人民政府信息公开工作年度报告（2023年度）', '洪泽区人民政府', 2023],
    ['洪泽区卫生健康委员会关于2023年度政府信息公开工作年度报告', '洪泽区卫生健康委员会', 2023],
    ['洪泽区人民政府办公室关于印发洪泽区2023年政府信息公开工作年度报告的通知', '洪泽区', 2023],
    ['二〇二三年洪泽区政府信息公开工作年度报告', '洪泽区', 2023],
    // A covering letter sending the report up (平潭 苏平片区 2020): the agency is the sender, not “报送”.
    ['平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函', '平潭综合实验区苏平片区管理局', 2020],
    ['洪泽区卫生健康委员会关于上报2023年政府信息公开工作年度报告的报告', '洪泽区卫生健康委员会', 2023],
    ['2023年政府信息公开工作年度报告', undefined, 2023],
  ];
  it('skips a page’s breadcrumb and reads a metadata field’s title', () => {
    const r = parseReport(report(['当前位置：首页 > 政务公开 > 政府信息公开工作年度报告', '名称：洪泽区卫生健康委员会2022年政府信息公开工作年度报告', '索引号：11320829MB1234567X/2023-00012  生成日期：2023-01-18']), 'x');
    assert.deepEqual([r.title?.line, r.title?.agency, r.title?.year, r.publishDate?.label, r.publishDate?.day], [1, '洪泽区卫生健康委员会', 2022, '生成日期', 18]);
  });
  for (const [title, agency, year] of cases) {
    it(title, () => assert.deepEqual(readTitle(title), { agency, year }));
  }
});
