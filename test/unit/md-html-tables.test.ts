// Converter Markdown with its tables left as HTML (turndown keeps every table with row/col spans as
// a raw block, one line each): the tables are read cell by cell, and every finding, hover and fix
// lands on the cell as written in the HTML.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList } from '../../server/src/fix';
import { analyze } from '../../server/src/features/analysis';
import { hover } from '../../server/src/features/hover';
import { htmlTableView } from '../../server/src/parse/md-html-tables';
import { ViewMap } from '../../server/src/parse/md-html-map';
import { positionAt, splitLines } from '../../server/src/parse/text';
import type { Finding, Range } from '../../server/src/model';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const read = (name: string): string => readFileSync(join(REAL, name), 'utf8');
// 海坛片区 2024: 表二 column 先行有效件数, row 规范性文件 (no 规章 row), 表三's 总计 column all 0.
const HAITAN = read('pingtan-haitan-2024.md');

function slice(text: string, r: Range): string {
  const lines = text.split(/\r?\n/);
  assert.equal(r.start.line, r.end.line, 'a cell is on one line');
  return lines[r.start.line].slice(r.start.character, r.end.character);
}
/** The source around a range: what stands just before and after it. */
function around(text: string, r: Range, n = 5): [string, string] {
  const line = text.split(/\r?\n/)[r.start.line];
  return [line.slice(Math.max(0, r.start.character - n), r.start.character), line.slice(r.end.character, r.end.character + n)];
}
const KUNMING = readFileSync(join(REAL, '..', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const isRow = (l: string) => l.includes('|');
/** A pipe-table report as a converter writes it: each run of table lines one <table> on one line. */
function asHtml(text: string, cell: (x: string) => string = (x) => x): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(`<table border="1" cellspacing="0"><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    rows = [];
  };
  for (const l of text.split('\n')) {
    if (isRow(l)) rows.push(l.split('|').map((c) => c.trim()).filter(Boolean));
    else { flush(); out.push(l); }
  }
  flush();
  return out.join('\n');
}
const values = (text: string) => checkText(text).report.tables.map((t) => `${t.id}: ${t.rows.map((r) => `${r.id}=${r.values.map((v) => v.value ?? v.text).join(',')}`).join(' ')}`);
const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule} ${f.message}`);
const byRule = (fs: Finding[], rule: string): Finding[] => fs.filter((f) => f.rule === rule);
const serious = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');

describe('HTML tables in converter Markdown are read as tables', () => {
  it('reads the figures of a one-line HTML table: 表三 totals are checked and point at the <td> as written', () => {
    const { findings } = checkText(HAITAN, { uri: 'haitan.md' });
    const totals = byRule(findings, 'total-mismatch');
    assert.ok(totals.length >= 6, `表三's 总计 column is 0 in every row: ${totals.length} findings`);
    for (const f of totals) {
      assert.match(slice(HAITAN, f.range), /^\d+$/);
      const [before, after] = around(HAITAN, f.range);
      assert.ok(before.endsWith('<td>') && after.startsWith('</td>'), `${before}|${slice(HAITAN, f.range)}|${after}`);
    }
    assert.equal(byRule(findings, 'table-missing').length, 0, 'no "HTML table not checked" info any more');
  });

  it('reports the column and row labels of 表二 on the cells as written', () => {
    const labels = byRule(checkText(HAITAN).findings, 'table-label');
    assert.deepEqual(labels.map((f) => slice(HAITAN, f.range)).sort(), ['先行有效件数', '规范性文件']);
    for (const f of labels) {
      const [before, after] = around(HAITAN, f.range);
      assert.ok(before.endsWith('<td>') && after.startsWith('</td>'));
    }
  });

  it('a label fix edits that cell\'s bytes and nothing else; the re-check no longer reports it', () => {
    const { findings } = checkText(HAITAN);
    const f = byRule(findings, 'table-label').find((x) => slice(HAITAN, x.range) === '先行有效件数')!;
    const out = applyFixList(HAITAN, [f.fixes[0]]).text;
    assert.equal(out, HAITAN.replace('<td>先行有效件数</td>', '<td>现行有效件数</td>'));
    const again = checkText(out).findings;
    assert.deepEqual(byRule(again, 'table-label').map((x) => slice(out, x.range)), ['规范性文件']);
    assert.equal(byRule(again, 'total-mismatch').length, byRule(findings, 'total-mismatch').length, 'the figures are read the same after the fix');
  });

  it('a total fix writes the figure into its <td> and the re-check agrees', () => {
    const { findings } = checkText(HAITAN);
    const totals = byRule(findings, 'total-mismatch');
    const f = totals[0];
    const fix = f.fixes[0];
    assert.ok(fix.numbers, 'changing a total is a numeric fix');
    const out = applyFixList(HAITAN, [fix]).text;
    const lines = HAITAN.split('\n');
    const outLines = out.split('\n');
    const r = f.range;
    assert.equal(outLines[r.start.line], lines[r.start.line].slice(0, r.start.character) + fix.edits[0].newText + lines[r.start.line].slice(r.end.character));
    assert.equal(byRule(checkText(out).findings, 'total-mismatch').length, totals.length - 1);
  });

  it('fills blank <td></td> cells inside the cell (市场监督管理局 2024: rows left blank)', () => {
    const text = read('pingtan-market-2024.md');
    const blank = byRule(checkText(text).findings, 'number-invalid').find((f) => f.fixes.length)!;
    assert.ok(blank, 'the blank rows are found');
    const out = applyFixList(text, [blank.fixes[0]]).text;
    // Only characters were added, each between <td> and </td>.
    const zeroed = (s: string) => s.replace(/<td>0<\/td>/g, '<td></td>');
    assert.equal(zeroed(out), zeroed(text));
    assert.ok(out.length > text.length);
    assert.equal(byRule(checkText(out).findings, 'number-invalid').length, 0);
  });

  it('a row inserted is written as a <tr> of the table (md-html-insert.ts), offered but never applied unseen', () => {
    const md = byRule(checkText(HAITAN).findings, 'table-row-missing');
    assert.equal(md.length, 1, '规章 is still reported missing');
    assert.deepEqual(md[0].fixes.map((f) => [f.safe, f.numbers, f.edits.map((e) => e.newText)]), [[false, true, ['<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>']]]);
    const out = applyFixList(HAITAN, md[0].fixes).text;
    assert.ok(out.includes('<td>先行有效件数</td></tr><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>规范性文件</td>'));
    assert.deepEqual(byRule(checkText(out).findings, 'table-row-missing'), []);
    const copy = byRule(checkText(read('pingtan-haitan-2024.copy.txt')).findings, 'table-row-missing');
    assert.ok(copy[0].fixes.length > 0, 'the same finding in a text table does have its fix');
  });

  it('finds the same as the copied page (tab text) for every converter Markdown report', () => {
    for (const name of ['pingtan-haitan-2023', 'pingtan-junshan-2025', 'pingtan-gov-2020', 'shanghai-office-2019']) {
      const key = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`).sort();
      assert.deepEqual(key(checkText(read(`${name}.md`)).findings), key(checkText(read(`${name}.copy.txt`)).findings), name);
    }
  });

  it('a correct report written with HTML tables raises no warning or error', () => {
    // 平潭 2021: every table right; its Markdown has all three tables as HTML.
    const text = read('pingtan-gov-2021.md');
    const r = checkText(text);
    assert.equal(r.report.tables.length >= 6, true, `tables read: ${r.report.tables.map((t) => t.id)}`);
    assert.deepEqual(serious(r.findings).filter((f) => /table|total|balance|number/.test(f.rule)).map((f) => f.message), []);
  });

  it('reads tables the converter wrote over several lines, with CRLF, <p> and <br> in cells', () => {
    const text = HAITAN.replace(/<tr>/g, '\n<tr>').replace(/<td>(\d+)<\/td>/g, '<td><p>$1</p></td>').replace('<td>行政复议</td>', '<td>行政<br>复议</td>').replace(/\n/g, '\r\n');
    const { findings } = checkText(text);
    const totals = byRule(findings, 'total-mismatch');
    assert.ok(totals.length >= 6);
    assert.equal(totals.length, byRule(checkText(HAITAN).findings, 'total-mismatch').length);
    for (const f of totals) {
      assert.match(slice(text, f.range), /^\d+$/);
      const [before, after] = around(text, f.range);
      assert.ok(before.endsWith('<p>') && after.startsWith('</p>'), `${before}|${after}`);
      // The fix still edits the figure only.
      const out = applyFixList(text, [f.fixes[0]]).text;
      assert.equal(out.length, text.length - slice(text, f.range).length + f.fixes[0].edits[0].newText.length);
    }
  });

  it('a fix over text the view shows differently (a <br> inside the label) is not offered', () => {
    const text = HAITAN.replace('<td>先行有效件数</td>', '<td>先行有效<br>件数</td>');
    const f = byRule(checkText(text).findings, 'table-label').find((x) => x.message.includes('先行有效'))!;
    assert.ok(f, 'the label is still read and reported');
    assert.deepEqual(f.fixes, []);
  });

  it('hovers a total cell at its place in the HTML', () => {
    const a = analyze(HAITAN, { uri: 'file:///haitan.md' });
    const f = byRule(a.findings, 'total-mismatch')[0];
    const h = hover(a, f.range.start, 'https://example.invalid/rules/');
    assert.ok(h, 'a hover at the cell');
    assert.match(JSON.stringify(h.contents), /总计/);
  });

  it('the view keeps every offset: same length, cell text where it was, tags blank', () => {
    const v = htmlTableView(HAITAN)!;
    assert.equal(v.text.length, HAITAN.length);
    assert.equal(v.blocks.length, 3);
    for (const c of v.cells) assert.equal(v.text.slice(c.from, c.to), HAITAN.slice(c.from, c.to));
    assert.ok(!v.text.includes('<td'));
    const outside = (i: number) => v.blocks.every((b) => i < b.from || i >= b.to);
    for (let i = 0; i < HAITAN.length; i += 97) if (outside(i)) assert.equal(v.text[i], HAITAN[i]);
  });

  it('maps an edit only where the source can take it: outside the HTML, or inside one cell\'s text', () => {
    const src = '前文\n<table><tr><td>规范性文件</td><td></td><td>A&amp;B</td></tr><tr><td>1</td></tr></table>\n后文\n';
    const v = htmlTableView(src)!;
    const starts = splitLines(v.text).starts;
    const map = new ViewMap(v, starts);
    const at = (offset: number) => positionAt(starts, offset);
    const edit = (from: number, to: number, newText: string) => map.edit({ range: { start: at(from), end: at(to) }, newText });
    const srcAt = (offset: number) => positionAt(splitLines(src).starts, offset);
    const table = src.indexOf('<table');
    const end = src.indexOf('</table>') + 8;
    assert.deepEqual(edit(table, table, 'x')?.range.start, srcAt(table), 'before <table');
    assert.deepEqual(edit(end, end, 'x')?.range.start, srcAt(end), 'after </table>');
    const label = src.indexOf('规范性文件');
    assert.deepEqual(edit(label, label + 5, '行政规范性文件'), { range: { start: srcAt(label), end: srcAt(label + 5) }, newText: '行政规范性文件' });
    const empty = src.indexOf('<td></td>') + 4;
    assert.equal(edit(empty, empty, '0')?.newText, '0', 'into an empty cell');
    assert.equal(edit(empty, empty, 'a<b')?.newText, 'a&lt;b', 'escaped as HTML');
    assert.equal(edit(empty - 1, empty - 1, '0'), undefined, 'inside a tag');
    assert.equal(edit(label, empty, 'x'), undefined, 'across two cells');
    assert.equal(edit(empty, empty, '0\t0'), undefined, 'a tab would be a new cell');
    const amp = src.indexOf('A&amp;B');
    assert.equal(edit(amp, amp + 7, 'C'), undefined, 'the view shows the entity decoded: no edit over it');
    assert.equal(edit(amp, amp + 1, 'C')?.newText, 'C', 'the plain characters beside it can be edited');
  });

  it('finds a <table> block written in any case, after other tags, and not a cut-off <tabl', () => {
    const rows = '<tr><td>行政许可</td><td>0</td></tr>';
    for (const tag of ['table', 'TABLE', 'Table', 'tAbLe']) assert.ok(htmlTableView(`<p>说明</p>\n<${tag} border="1">${rows}</${tag}>\n`), tag);
    assert.equal(htmlTableView('<p>说明</p>\n<tabl border="1">\n<\n'), undefined);
  });

  it('leaves text without a block-level <table> alone, and unreadable blocks as they are', () => {
    assert.equal(htmlTableView('一、总体情况\n网页源码中的 <table> 标签已删除。\n'), undefined);
    assert.equal(htmlTableView('<table><tr><td>1</td></tr>\n没有结束标签'), undefined);
    assert.equal(htmlTableView('<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>\n'), undefined, 'a table of tables is layout');
    const table = '<table><tr><td>行政许可</td><td>0</td></tr></table>';
    assert.equal(htmlTableView(`说明：\n\n\`\`\`html\n${table}\n\`\`\`\n`), undefined, 'a table quoted in a fenced code block is code');
    assert.equal(htmlTableView(`~~~\n${table}\n`), undefined, 'an unclosed fence runs to the end');
    assert.equal(htmlTableView(`\`\`\`\ncode\n\`\`\`\n\n${table}\n`)?.blocks.length, 1, 'after the fence closes, a table is a table');
  });

  it('markup nested beyond the HTML reader\'s cap is not laid out, and costs no crash', () => {
    const deep = `<table><tr><td>${'<div>'.repeat(50_000)}1${'</div>'.repeat(50_000)}</td><td>2</td></tr></table>\n`;
    assert.equal(htmlTableView(deep), undefined);
    assert.doesNotThrow(() => checkText(`一、总体情况\n\n${deep}`));
  });

  it('many tables in one text are each laid out once (work grows with the text)', () => {
    const one = HAITAN.split('\n').find((l) => l.startsWith('<table') && l.includes('行政复议'))!;
    const text = Array.from({ length: 400 }, () => one).join('\n\n');
    const v = htmlTableView(text)!;
    assert.equal(v.blocks.length, 400);
    assert.equal(v.text.split('\n').length, text.split('\n').length + 400 * 3);
  });

  describe('the other shapes converters write', () => {
    it('a report whose every table is HTML reads the same tables and finds the same as its pipe text', () => {
      const html = asHtml(KUNMING);
      assert.ok(html.includes('<td>(七)总计</td>'));
      assert.deepEqual(values(html), values(KUNMING));
      assert.deepEqual(loud(checkText(html).findings), loud(checkText(KUNMING).findings));
    });

    it('## headings and - for an empty cell: read as 0, an info whose fix writes 0 into the <td>', () => {
      const md = asHtml(KUNMING, (x) => (x === '0' ? '-' : x)).replace(/^([一二三四五六]、)/gm, '## $1');
      const { findings } = checkText(md);
      assert.deepEqual(loud(findings), []);
      const dashes = findings.filter((f) => f.rule === 'number-invalid');
      assert.ok(dashes.length > 10 && dashes.every((f) => f.severity === 'info' && f.fixes[0]?.edits[0].newText === '0'));
      for (const f of dashes) assert.equal(slice(md, f.range), '-');
      const out = applyFixList(md, dashes.map((f) => f.fixes[0])).text;
      assert.equal(out, md.replace(/<td>-<\/td>/g, '<td>0</td>'));
      assert.deepEqual(checkText(out).findings.filter((f) => f.rule === 'number-invalid'), []);
    });

    it('table 四 split into three HTML sub-tables under ### headings is one table', () => {
      const t4 = (caption: string, row: string) => [`### ${caption}`, '', `<table><tbody><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr><tr>${row.split(' ').map((v) => `<td>${v}</td>`).join('')}</tr></tbody></table>`, ''];
      const md = asHtml(KUNMING).replace(/<table[^\n]*行政复议[^\n]*<\/table>/, [
        ...t4('行政复议', '0 0 0 0 0'), ...t4('行政诉讼（未经复议直接起诉）', '0 2 0 0 2'), ...t4('行政诉讼（复议后起诉）', '0 0 0 0 0'),
      ].join('\n'));
      assert.ok(md.includes('### 行政诉讼（复议后起诉）'));
      const { report, findings } = checkText(md);
      assert.deepEqual(report.tables.filter((t) => t.id === 't4').map((t) => t.rows.map((r) => r.values.map((v) => v.value).join(','))), [['0,0,0,0,0,0,2,0,0,2,0,0,0,0,0']]);
      assert.deepEqual(loud(findings), []);
    });
  });
});
