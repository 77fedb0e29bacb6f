// Report openings as published by other provinces (乡镇, 街道, 区县 departments, 市): five classes seen on real pages,
// each rebuilt here on a corpus report's own text (君山片区 2024, copied page and PDF layout text) changed the way
// those pages were: (1) a heading's numeral lost (、主动公开政府信息情况) — one section-numbering finding, not a
// section-title one as well; (2) a list marker left before a heading (- 总体情况) — layout, a hint at most;
// (3) an outline numbered 1、 … 6、 — recognised, reported once; (4) tables published as images, sections 二–四
// empty — one finding per section; (5) a page's bulleted category line is not the report's title.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList } from '../../server/src/fix';
import type { Finding } from '../../server/src/model';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const COPY = readFileSync(join(REAL, 'pingtan-junshan-2024.copy.txt'), 'utf8');
const LAYOUT = readFileSync(join(REAL, 'pingtan-junshan-2024.pdf-layout.txt'), 'utf8');
const HEADINGS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const CN = ['一', '二', '三', '四', '五', '六'];

const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');
const of = (text: string, ...rules: string[]) => checkText(text).findings.filter((f) => rules.includes(f.rule));
/** The text with heading n (1-based) rewritten; the heading must be there, whatever its indentation. */
function heading(text: string, n: number, to: (h: string) => string): string {
  const h = `${CN[n - 1]}、${HEADINGS[n - 1]}`;
  const re = new RegExp(`^([ \\t]*)${h}`, 'm');
  assert.ok(re.test(text), h);
  return text.replace(re, (_m, pad: string) => pad + to(h));
}
function fixed(text: string, f: Finding): string {
  assert.ok(f.fixes?.length, `${f.rule} has a fix`);
  return applyFixList(text, [f.fixes![0]]).text;
}

describe('openings: the unchanged reports', () => {
  for (const [name, text] of [['copy', COPY], ['pdf-layout', LAYOUT]] as const) {
    it(`has its six sections and no section finding (${name})`, () => {
      assert.deepEqual(checkText(text).report.sections.map((s) => s.std), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(of(text, 'section-numbering', 'section-title', 'section-missing', 'section-empty', 'table-missing'), []);
    });
  }
});

describe('openings: a heading whose numeral was lost (、主动公开政府信息情况)', () => {
  for (const [name, base] of [['copy', COPY], ['pdf-layout', LAYOUT]] as const) {
    it(`is one section-numbering finding whose fix restores 二、 (${name})`, () => {
      const text = heading(base, 2, (h) => h.slice(1));
      const fs = loud(of(text, 'section-numbering', 'section-title', 'section-missing'));
      assert.deepEqual(fs.map((f) => [f.rule, f.message]), [['section-numbering', '章节序号“、”缺少数字，应为“二、”']]);
      const after = fixed(text, fs[0]);
      assert.equal(after, base);
      assert.deepEqual(of(after, 'section-numbering', 'section-title'), []);
    });
  }

  it('still gets section-title when the words are wrong too (two faults, two findings)', () => {
    const text = heading(COPY, 2, () => '、主动公开政府信息工作情况');
    assert.deepEqual(loud(of(text, 'section-numbering', 'section-title')).map((f) => f.rule).sort(), ['section-numbering', 'section-title']);
  });

  it('a line of dots before the title is not a lost numeral', () => {
    const text = heading(COPY, 2, () => '..主动公开政府信息情况');
    assert.ok(checkText(text).report.sections.every((s) => s.ordinal?.text !== '.'));
  });

  it('a real 二、 heading with a wrong word still gets section-title', () => {
    const text = heading(COPY, 2, () => '二、主动公开政府信息工作情况');
    const fs = loud(of(text, 'section-numbering', 'section-title'));
    assert.deepEqual(fs.map((f) => f.rule), ['section-title']);
    assert.match(fs[0].message, /主动公开政府信息工作情况/);
  });
});

describe('openings: a list marker before a heading (- 总体情况)', () => {
  for (const marker of ['- ', '* ', '•', '· ', '●']) {
    it(`“${marker}总体情况” is section 一 with a hint only, the fix puts 一、 in the marker's place`, () => {
      const text = heading(COPY, 1, () => `${marker}总体情况`);
      const report = checkText(text).report;
      assert.deepEqual(report.sections.map((s) => [s.std, s.titleMatch]).slice(0, 1), [[1, 'exact']]);
      assert.deepEqual(loud(checkText(text).findings.filter((f) => f.rule.startsWith('section-'))), []);
      const hints = of(text, 'section-numbering');
      assert.deepEqual(hints.map((f) => [f.severity, f.message]), [['hint', `章节标题以列表符号“${marker.trim()}”开头而没有序号，标准序号为“一、”`]]);
      assert.equal(fixed(text, hints[0]), COPY);
    });
  }

  it('a marker before a numbered heading (• 二、主动公开政府信息情况) says nothing', () => {
    const text = heading(COPY, 2, (h) => `• ${h}`);
    assert.deepEqual(of(text, 'section-numbering', 'section-title', 'section-missing'), []);
  });

  it('a marker before a heading with non-standard words still gets section-title', () => {
    const text = heading(COPY, 1, () => '- 政府信息公开工作总体情况');
    assert.deepEqual(loud(of(text, 'section-title')).map((f) => f.message), ['章节标题“政府信息公开工作总体情况”与标准表述不同，应为“总体情况”']);
  });
});

describe('openings: an outline numbered 1、 … 6、', () => {
  for (const [name, base, sep] of [['copy', COPY, '、 '], ['pdf-layout', LAYOUT, '、'], ['copy, 1.', COPY, '.']] as const) {
    const text = [1, 2, 3, 4, 5, 6].reduce((t, n) => heading(t, n, (h) => `${n}${sep}${h.slice(2)}`), base);
    it(`is read as the six sections, reported once with one fix for all (${name})`, () => {
      assert.deepEqual(checkText(text).report.sections.map((s) => s.std), [1, 2, 3, 4, 5, 6]);
      const fs = loud(of(text, 'section-numbering', 'section-title', 'section-missing', 'section-empty', 'section-order'));
      assert.deepEqual(fs.map((f) => [f.rule, f.message]), [['section-numbering', `章节标题用阿拉伯数字编号（“1${sep.trim()}”等 6 处），标准序号为“一、”至“六、”`]]);
      const after = fixed(text, fs[0]);
      assert.equal(after, base);
      assert.deepEqual(of(after, 'section-numbering'), []);
    });
  }

  it('arabic sub-items under 一、 headings do not become sections', () => {
    const text = COPY.replace('二、主动公开政府信息情况\n', '二、主动公开政府信息情况\n1、总体情况\n');
    const outline = (t: string) => checkText(t).report.sections.map((s) => [s.std, s.ordinal?.text, s.title]);
    assert.deepEqual(outline(text), outline(COPY));
    assert.deepEqual(of(text, 'section-numbering', 'section-title', 'section-order'), []);
  });

  it('(1) … (6) sub-items in a report without 一、 headings are not an outline', () => {
    const text = [1, 2, 3, 4, 5, 6].reduce((t, n) => heading(t, n, (h) => `(${n})${h.slice(2)}`), COPY);
    assert.ok(checkText(text).report.sections.every((s) => !s.ordinal), 'no numbered section');
  });

  it('an arabic heading out of place is still a wrong ordinal', () => {
    const text = [1, 2, 3, 4, 5, 6].reduce((t, n) => heading(t, n, (h) => `${n === 6 ? 7 : n}、${h.slice(2)}`), COPY);
    const msgs = loud(of(text, 'section-numbering')).map((f) => f.message);
    assert.ok(msgs.includes('章节序号应为“六、”，而不是“7、”'), msgs.join('\n'));
  });
});

describe('openings: tables published as images (sections 二–四 empty)', () => {
  const lines = COPY.split('\n');
  const at = (n: number) => lines.indexOf(`${CN[n - 1]}、${HEADINGS[n - 1]}`);
  const empty = [...lines.slice(0, at(2) + 1), '', lines[at(3)], '', lines[at(4)], '', ...lines.slice(at(5))].join('\n');

  it('gives one finding per empty section, naming its tables', () => {
    const fs = loud(of(empty, 'section-empty', 'table-missing'));
    assert.deepEqual(fs.map((f) => [f.rule, f.range.start.line]), [['table-missing', at(2)], ['table-missing', at(2) + 2], ['table-missing', at(2) + 4]]);
    assert.match(fs[0].message, /^章节“主动公开政府信息情况”没有内容，缺少统计表“第二十条第（一）项 规章和规范性文件”、.*“第二十条第（八）项 行政事业性收费”/);
    // The fix inserts every table of the section (zeros: offered, never applied unseen) and the re-check is quiet.
    assert.ok(fs.every((f) => f.fixes![0].numbers));
    const after = applyFixList(empty, fs.map((f) => f.fixes![0])).text;
    assert.deepEqual(loud(of(after, 'section-empty', 'table-missing')), []);
  });

  it('a section with prose but no table keeps its table-missing finding, and says it is missing all', () => {
    const text = empty.replace(`${lines[at(2)]}\n`, `${lines[at(2)]}\n本机关主动公开政府信息情况见下表。\n`).replace(`${lines[at(3)]}\n`, `${lines[at(3)]}\n本年度共收到申请5件。\n`);
    const fs = loud(of(text, 'section-empty', 'table-missing'));
    assert.deepEqual(fs.map((f) => f.rule), ['table-missing', 'table-missing', 'table-missing']);
    assert.match(fs[0].message, /^缺少本章节的全部 4 张统计表/);
    assert.equal(fs[1].message, '缺少统计表“收到和处理政府信息公开申请情况”');
  });

  it('with table-missing turned off, section-empty still reports each empty section (no silent switch)', () => {
    const fs = loud(checkText(empty, { config: { rules: { 'table-missing': 'off' } } }).findings.filter((f) => f.rule === 'section-empty' || f.rule === 'table-missing'));
    assert.deepEqual(fs.map((f) => [f.rule, f.range.start.line]), [['section-empty', at(2)], ['section-empty', at(2) + 2], ['section-empty', at(2) + 4]]);
  });

  it('an empty section that needs no table is still section-empty', () => {
    const text = COPY.replace(/五、存在的主要问题及改进情况\n[\s\S]*?(?=六、)/, '五、存在的主要问题及改进情况\n');
    assert.deepEqual(loud(of(text, 'section-empty', 'table-missing')).map((f) => f.rule), ['section-empty']);
  });
});

describe('openings: a bulleted category line above the title', () => {
  it('is not taken as the title', () => {
    const text = `• 乡镇政府信息公开年度报告\n${COPY}`;
    assert.equal(checkText(text).report.title?.text, checkText(COPY).report.title?.text);
    assert.deepEqual(of(text, 'report-title'), of(COPY, 'report-title').map((f) => ({ ...f, range: { start: { ...f.range.start, line: f.range.start.line + 1 }, end: { ...f.range.end, line: f.range.end.line + 1 } } })));
  });
});
