// Issue 11: the ways real reports arrive, built from the sample reports by transforming them the way
// browsers, pdftotext and converters do. Each class of false alarm is checked in every layout.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList } from '../../server/src/fix';
import type { Finding } from '../../server/src/model';

const read = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', f), 'utf8');
const KUNMING = read('kunming-xishan-health-2022-pipe.txt');
const XINXIANG = read('xinxiang-health-2020-pipe.txt');
const LUSHAN = read('lushan-health-2021-tab.txt');

const isRow = (l: string) => l.includes('|') || l.includes('\t');
const cellsOf = (l: string) => l.split(/[|\t]/).map((c) => c.trim()).filter(Boolean);
/** Rewrites every table line of a report from its cells. */
const relayout = (text: string, w: (cells: string[]) => string[]) => text.split('\n').flatMap((l) => (isRow(l) ? w(cellsOf(l)) : [l])).join('\n');

const WRITERS: Record<string, (c: string[]) => string[]> = {
  pipe: (c) => [c.join(' | ')],
  markdown: (c) => [`| ${c.join(' | ')} |`],
  tab: (c) => [c.join('\t')],
  'single spaces (pdftotext, PDF viewer copy)': (c) => [c.join(' ')],
  'pdftotext -layout': (c) => [c.map((x, i) => (i === 0 ? x.padEnd(30, ' ') : x.padStart(6, ' '))).join('  ')],
  'one cell per line': (c) => c,
};

const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`);
const values = (text: string) => checkText(text).report.tables.map((t) => `${t.id}: ${t.rows.map((r) => `${r.id}=${r.values.map((v) => v.value ?? v.text).join(',')}`).join(' ')}`);

describe('issue 11: real layouts', () => {
  describe('class 2: single spaces between cells', () => {
    for (const [name, text] of [['kunming (clean)', KUNMING], ['xinxiang (2019, signed values)', XINXIANG], ['lushan (tabs, offset rows)', LUSHAN]] as const) {
      it(`${name}: tabs/pipes turned into single spaces read the same tables and give the same findings`, () => {
        const spaced = relayout(text, WRITERS['single spaces (pdftotext, PDF viewer copy)']);
        assert.deepEqual(values(spaced), values(text));
        assert.deepEqual(loud(checkText(spaced).findings).map((s) => s.replace(/^\d+ /, '')), loud(checkText(text).findings).map((s) => s.replace(/^\d+ /, '')));
      });
    }
    it('a known label followed by numbers is cells: 行政许可 97, 1 0 2 0 3, a group label and its first row on one line', () => {
      const t = KUNMING.replace('行政许可 | 1321 | ||', '行政许可 97')
        .replace('0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 |', '0 0 0 0 0 0 2 0 0 2 0 0 0 0 0');
      const { report, findings } = checkText(t);
      assert.equal(report.tables.find((x) => x.id === 't2.5')!.rows[0].values[0].value, 97);
      assert.equal(report.tables.find((x) => x.id === 't4')!.rows[0].values.length, 15);
      assert.deepEqual(loud(findings), []);
    });
  });

  describe('class 1: blank cells', () => {
    const blankZeros = (text: string, w: (c: string[]) => string[]) => relayout(text, (c) => w(c.map((x) => (x === '0' ? '' : x))));
    for (const name of ['tab', 'pipe', 'markdown']) {
      const w = name === 'tab' ? (c: string[]) => [c.join('\t')] : name === 'pipe' ? (c: string[]) => [`${c[0] === '' ? '| ' : ''}${c.join(' | ')} |`] : (c: string[]) => [`| ${c.join(' | ')} |`];
      it(`${name}: every 0 left empty — no table-unbalanced, at most one info per table, values read as 0`, () => {
        // Keep the cell positions: join with the separator even where a cell is empty.
        const text = KUNMING.split('\n').map((l) => (isRow(l) && /\d/.test(l) ? w(l.split('|').map((c) => c.trim()).slice(0, cellsOf(l).length).map((x) => (x === '0' ? '' : x)))[0] : l)).join('\n');
        const { findings, report } = checkText(text);
        assert.deepEqual(loud(findings), []);
        const t3 = report.tables.find((t) => t.id === 't3')!;
        assert.ok(t3.rows.every((r) => r.values.length === 7), 'every row of table 三 has 7 cells');
        const blanks = findings.filter((f) => f.rule === 'number-invalid');
        assert.equal(blanks.length, new Set(blanks.map((f) => f.data?.table)).size, 'one finding per table');
      });
    }
    it('blanks mixed with zeros: one warning per table naming the rows and columns, fixed by writing 0', () => {
      const text = KUNMING.replace('一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 | ||', '一、本年新收政府信息公开申请数量\t6\t\t\t\t\t\t6')
        .replace('(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 | ||', '(七)总计 | 6 |  |  |  |  |  | 6 | ||');
      const { findings } = checkText(text);
      assert.deepEqual(findings.filter((f) => f.rule === 'table-unbalanced'), []);
      const w = findings.filter((f) => f.rule === 'number-invalid');
      assert.equal(w.length, 1);
      assert.equal(w[0].severity, 'warning');
      assert.match(w[0].message, /10 个空白单元格/);
      assert.match(w[0].message, /本年新收政府信息公开申请数量”的商业企业、科研机构/);
      assert.match(w[0].message, /总计”的商业企业/);
      const fixed = applyFixList(text, w[0].fixes).text;
      assert.ok(fixed.includes('一、本年新收政府信息公开申请数量\t6\t0\t0\t0\t0\t0\t6'));
      assert.ok(fixed.includes('(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 | ||') || /\(七\)总计 \| 6 \|( +0 \|){5} 6/.test(fixed), fixed.split('\n').find((l) => l.startsWith('(七)')));
      assert.deepEqual(loud(checkText(fixed).findings), []);
    });
    it('a row that really lost a cell is still table-unbalanced in a table with blanks', () => {
      const text = relayout(KUNMING, (c) => [c.map((x) => (x === '0' ? '' : x)).join('\t')]).replace('2.重复申请\t\t\t\t\t\t\t', '2.重复申请\t0\t\t0\t0\t0\t0');
      const f = checkText(text).findings.filter((x) => x.rule === 'table-unbalanced');
      assert.equal(f.length, 1);
      assert.match(f[0].message, /重复申请/);
    });
    it('table 四 with empty cells before and after its figures', () => {
      const text = KUNMING.replace('0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 |', '\t\t\t\t\t\t2\t\t\t2\t\t\t\t\t');
      const { report, findings } = checkText(text);
      assert.deepEqual(report.tables.find((t) => t.id === 't4')!.rows[0].values.map((v) => v.value ?? 0), [0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 0]);
      assert.deepEqual(findings.filter((f) => f.rule === 'table-unbalanced'), []);
    });
  });

  describe('class 3: PDF text leftovers', () => {
    const pageBreaks = ['-3-', '— 3 —', '第3页 共5页', '3/5'];
    for (const [layout, w] of Object.entries(WRITERS)) {
      for (const page of pageBreaks) {
        it(`${layout}: page number ${page} and a running header inside tables 二 and 三 are never part of a label`, () => {
          const base = relayout(KUNMING, w);
          const lines = base.split('\n');
          const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
          lines.splice(at('行政强制'), 0, page, '昆明市西山区卫生健康局2022年政府信息公开工作年度报告');
          lines.splice(at('3.危及'), 0, '', page, '');
          lines.splice(at('4.保护第三方'), 0, page);
          const text = lines.join('\n');
          assert.deepEqual(values(text), values(base));
          assert.deepEqual(loud(checkText(text).findings), loud(checkText(base).findings).map((s) => s), `${layout} ${page}`);
        });
      }
    }
  });

  describe('class 3: pdftotext -layout wrapping and glued fragments', () => {
    const layout = relayout(KUNMING, WRITERS['pdftotext -layout']);
    it('a label wrapped below its figures is one label', () => {
      const text = layout.replace(/^2\.其他法律行政法规禁止公开( +.*)$/m, '2.其他法律行政法规禁$1\n止公开')
        .replace(/^5\.属于三类内部事务信息( +.*)$/m, '5.属于三类内部事务信$1\n息');
      assert.notEqual(text, layout);
      assert.deepEqual(values(text), values(layout));
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('a group cell, header fragment or page number glued before a row label is cut off', () => {
      const text = layout.replace(/^4\.保护第三方合法权益/m, '(三)不4.保护第三方合法权益').replace(/^一、本年新收/m, '组织 机构一、本年新收').replace(/^3\.补正后/m, '-3-3.补正后');
      assert.notEqual(text, layout);
      assert.deepEqual(values(text), values(layout));
      assert.deepEqual(loud(checkText(text).findings), []);
    });
    it('two aligned cells one space apart: 行政许可 1321 and two headers', () => {
      const text = layout.replace(/^行政许可 +1321/m, '行政许可 1321').replace(/本年制发件数 +本年废止件数/, '本年制发件数 本年废止件数');
      assert.notEqual(text, layout);
      assert.deepEqual(values(text), values(layout));
      assert.deepEqual(loud(checkText(text).findings), []);
    });
  });

  describe('class 4: converter Markdown', () => {
    it('table 四 split into three sub-tables is one table', () => {
      const md = relayout(KUNMING, WRITERS.markdown).replace(/\| 行政复议 \| 行政诉讼 \|\n[\s\S]*?\n\| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 2 \| 0 \| 0 \| 2 \| 0 \| 0 \| 0 \| 0 \| 0 \|/, [
        '### 行政复议', '', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| --- | --- | --- | --- | --- |', '| 0 | 0 | 0 | 0 | 0 |', '',
        '### 行政诉讼（未经复议直接起诉）', '', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| --- | --- | --- | --- | --- |', '| 0 | 2 | 0 | 0 | 2 |', '',
        '### 行政诉讼（复议后起诉）', '', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| --- | --- | --- | --- | --- |', '| 0 | 0 | 0 | 0 | 0 |',
      ].join('\n'));
      assert.ok(md.includes('### 行政复议'));
      const { report, findings } = checkText(md);
      assert.deepEqual(report.tables.filter((t) => t.id === 't4').map((t) => t.rows.map((r) => r.values.map((v) => v.value).join(','))), [['0,0,0,0,0,0,2,0,0,2,0,0,0,0,0']]);
      assert.deepEqual(loud(findings), []);
    });
    it('# headings and - for an empty cell', () => {
      const md = relayout(KUNMING, (c) => [`| ${c.map((x) => (x === '0' ? '-' : x)).join(' | ')} |`]).replace(/^([一二三四五六]、)/gm, '## $1');
      const { findings } = checkText(md);
      assert.deepEqual(loud(findings), []);
      const dashes = findings.filter((f) => f.rule === 'number-invalid');
      assert.ok(dashes.length > 0 && dashes.every((f) => f.severity === 'info' && f.fixes[0]?.edits[0].newText === '0'));
    });
  });

  describe('class 6: units in money cells', () => {
    it('2019 采购总金额 written 75394432.52元 is legitimate; 万元 in a count cell is not', () => {
      const text = XINXIANG.replace('政府集中采购 | 6 | 61433668 |', '政府集中采购 | 6 | 75394432.52元 |');
      assert.deepEqual(checkText(text).findings.filter((f) => f.rule === 'number-invalid'), []);
      const bad = checkText(XINXIANG.replace('行政处罚 | 14 | -1 | 13 |', '行政处罚 | 14 | -1 | 13项 |')).findings.filter((f) => f.rule === 'number-invalid');
      assert.equal(bad.length, 1);
      assert.equal(bad[0].fixes[0].edits[0].newText, '13');
    });
  });

  describe('class 8: text in a number cell', () => {
    for (const [layout, w] of Object.entries(WRITERS)) {
      it(`${layout}: l2, O, 约5 are number-invalid quoting the text, never table-unbalanced`, () => {
        const base = relayout(KUNMING, w);
        const text = base.replace(/(一、本年新收政府信息公开申请数量\s*[|\t ]?\s*)6/, '$1O')
          .replace(/(\(一\)予以公开\s*[|\t ]?\s*)4/m, '$1l2')
          .replace(/(\(七\)总计\s*[|\t ]?\s*)6/, '$1约5');
        assert.notEqual(text, base);
        const { findings } = checkText(text);
        assert.deepEqual(findings.filter((f) => f.rule === 'table-unbalanced').map((f) => f.message), []);
        const msgs = findings.filter((f) => f.rule === 'number-invalid').map((f) => f.message);
        assert.ok(msgs.includes('“l2”不是数字，是否为 12？'), msgs.join('\n'));
        assert.ok(msgs.includes('“O”不是数字，是否为 0？'), msgs.join('\n'));
        assert.ok(msgs.some((m) => m.startsWith('“约5”')), msgs.join('\n'));
        const l2 = findings.find((f) => f.message.startsWith('“l2”'))!;
        assert.equal(l2.fixes[0].edits[0].newText, '12');
        assert.equal(l2.fixes[0].safe, false, 'a reading of the author’s figure is offered, not applied unseen');
      });
    }
    it('—, -, / and 无 in a count cell read as 0: an info with a fix to 0', () => {
      for (const dash of ['—', '-', '/', '无']) {
        const f = checkText(KUNMING.replace('行政强制 | 0 |', `行政强制 | ${dash} |`)).findings.filter((x) => x.rule === 'number-invalid');
        assert.equal(f.length, 1, dash);
        assert.equal(f[0].severity, 'info');
        assert.equal(f[0].fixes[0].edits[0].newText, '0');
      }
    });
    it('a full-width digit is quoted as written', () => {
      const f = checkText(KUNMING.replace('行政许可 | 1321 |', '行政许可 | １３２１ |')).findings.find((x) => x.rule === 'number-invalid')!;
      assert.equal(f.message, '“１３２１”使用了全角数字');
    });
  });

  // A copied page, one cell per line with an empty line between cells (FINDINGS.md classes 1, 10, 12).
  const perLine = (c: string[]) => c.flatMap((x) => [x, '']);

  describe('class 1: empty cells written as U+00A0 (&nbsp;) lines, one cell per line', () => {
    it('every 0 written as a no-break space: blanks read as empty cells in their rows, no table-unbalanced', () => {
      const text = relayout(KUNMING, (c) => perLine(c.map((x) => (x === '0' ? '\u00a0' : x))));
      const { findings, report } = checkText(text);
      assert.deepEqual(loud(findings), []);
      const t3 = report.tables.find((t) => t.id === 't3')!;
      assert.ok(t3.rows.every((r) => r.values.length === 7), t3.rows.map((r) => `${r.id}:${r.values.length}`).join(' '));
      assert.deepEqual(t3.rows[0].values.map((v) => v.value ?? 0), [6, 0, 0, 0, 0, 0, 6]);
    });
    it('a row that really lost a cell is still table-unbalanced; a plain empty line is no cell', () => {
      // In the first row of table 三 the empty cells are plain empty lines: those cells are gone, not empty.
      const text = relayout(KUNMING, (c) => perLine(c.map((x) => (x === '0' ? (c[0].startsWith('一、本年新收') ? '' : '\u00a0') : x))));
      const { findings } = checkText(text);
      assert.ok(findings.some((f) => f.rule === 'table-unbalanced' && f.message.includes('本年新收')), loud(findings).join('\n'));
    });
  });

  describe('class 10: a header cell written on several lines in the page (商业 / 企业, 社会 / 公益 / 组织)', () => {
    const split = (x: string) => (x === '商业 企业' ? ['商业', '企业'] : x === '科研 机构' ? ['科研', '机构'] : x === '社会公益组织' ? ['社会', '公益', '组织'] : [x]);
    for (const [name, w] of [['one cell per line', perLine], ['browser copy (cells tab-separated, paragraphs of a cell on lines)', (c: string[]) => [c.map((x) => split(x).join('\n\n')).join('\n\n\t\n\n')]]] as const) {
      it(`${name}: the fragments are that column, no table-label`, () => {
        const text = relayout(KUNMING, (c) => (name === 'one cell per line' ? w(c.flatMap(split)) : w(c)));
        const { findings, report } = checkText(text);
        assert.deepEqual(loud(findings), []);
        const cols = report.tables.find((t) => t.id === 't3')!.headers.map((h) => h.columnId).filter(Boolean);
        assert.ok(['business', 'research', 'nonprofit'].every((id) => cols.includes(id)), cols.join(' '));
      });
    }
    it('a header misworded over several lines is still flagged, quoting the text as written, with a fix that is not applied blindly', () => {
      const text = relayout(KUNMING, (c) => perLine(c.flatMap((x) => (x === '社会公益组织' ? ['社会', '公义', '组织'] : [x]))));
      const f = checkText(text).findings.filter((x) => x.rule === 'table-label');
      assert.ok(f.length >= 1 && f.every((x) => x.message.includes('公义') && x.fixes[0].safe === false), f.map((x) => x.message).join('\n'));
    });
  });

  describe('class 12: 2019-format headers broken into two lines (本年新 / 制作数量)', () => {
    it('本年新 / 制作数量 and 本年新 / 公开数量 are the two columns, no table-label', () => {
      let n = 0;
      const text = relayout(XINXIANG, (c) => perLine(c.flatMap((x) => (x === '本年新' ? ['本年新', n++ === 0 ? '制作数量' : '公开数量'] : [x]))));
      const { findings, report } = checkText(text);
      assert.deepEqual(loud(findings), []);
      assert.deepEqual(report.tables.find((t) => t.id === 't2.1')!.headers.map((h) => h.columnId).filter(Boolean), ['made', 'made', 'published', 'published', 'total']);
    });
  });
});
