// Converter Markdown keeps tables with row/col spans as raw HTML blocks. They are read as tables
// (md-html-tables.test.ts); one that cannot be laid out as rows (a table of tables, never closed) is
// present but unreadable: table-missing must not call it missing; one info per report says the cells
// went unchecked.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { findHtmlTable } from '../../server/src/parse/html-table';

const FIX = join(__dirname, '..', 'fixtures');
const KUNMING = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
// Table 四 as turndown wrote it (pingtan-gov-2021.md), one line of HTML.
const HTML_T4_READABLE = readFileSync(join(FIX, 'real', 'pingtan-gov-2021.md'), 'utf8').split('\n').find((l) => l.startsWith('<table') && l.includes('行政复议'))!;
// The same table inside a frame table: page layout, not laid out as rows.
const HTML_T4 = `<table><tr><td>${HTML_T4_READABLE}</td></tr></table>`;

/** Kunming's report with the body of section 四 (lines 60..63) replaced by `body`. */
function withSection4(body: string[]): string {
  const at = KUNMING.findIndex((l) => l.startsWith('四、政府信息公开'));
  const next = KUNMING.findIndex((l) => l.startsWith('五、'));
  return [...KUNMING.slice(0, at + 1), ...body, ...KUNMING.slice(next)].join('\n');
}
const tableMissing = (text: string) => checkText(text).findings.filter((f) => f.rule === 'table-missing');

describe('HTML tables in converter Markdown', () => {
  it('the unchanged report has table 四 and no table-missing finding', () => {
    assert.ok(HTML_T4, 'the real Markdown has table 四 as HTML');
    assert.deepEqual(tableMissing(KUNMING.join('\n')), []);
  });

  it('reads table 四 written as raw HTML: no table-missing finding at all', () => {
    assert.deepEqual(tableMissing(withSection4(['', HTML_T4_READABLE, ''])), []);
    assert.deepEqual(checkText(withSection4(['', HTML_T4_READABLE, ''])).report.tables.map((t) => t.id).filter((id) => id === 't4'), ['t4']);
  });

  it('does not report an unreadable HTML table missing; one info at the <table> tag instead', () => {
    const text = withSection4(['', HTML_T4, '']);
    const f = tableMissing(text);
    assert.deepEqual(f.map((x) => x.severity), ['info']);
    assert.match(f[0].message, /表格为 HTML 代码，未能逐格检查/);
    const lines = text.split('\n');
    const r = f[0].range;
    assert.equal(lines[r.start.line].slice(r.start.character, r.end.character), '<table');
    assert.equal(lines[r.start.line], HTML_T4);
  });

  it('one info per report however many sections hold HTML tables', () => {
    const at3 = KUNMING.findIndex((l) => l.startsWith('三、收到和处理'));
    const at4 = KUNMING.findIndex((l) => l.startsWith('四、政府信息公开'));
    const next = KUNMING.findIndex((l) => l.startsWith('五、'));
    const text = [...KUNMING.slice(0, at3 + 1), HTML_T4.replace('行政复议', '申请人情况'), KUNMING[at4], HTML_T4, ...KUNMING.slice(next)].join('\n');
    assert.deepEqual(tableMissing(text).map((x) => x.severity), ['info']);
  });

  it('still reports a table missing when the section only mentions a tag in prose', () => {
    const f = tableMissing(withSection4(['本年度未发生行政复议、行政诉讼。网页源码中的 <table> 标签已删除。']));
    assert.deepEqual(f.map((x) => [x.severity, x.data?.table]), [['warning', 't4']]);
  });

  it('an HTML table in one section does not excuse a table missing from another', () => {
    const at3 = KUNMING.findIndex((l) => l.startsWith('三、收到和处理'));
    const at4 = KUNMING.findIndex((l) => l.startsWith('四、政府信息公开'));
    const next = KUNMING.findIndex((l) => l.startsWith('五、'));
    const text = [...KUNMING.slice(0, at3 + 1), '本年度未收到申请。', KUNMING[at4], HTML_T4, ...KUNMING.slice(next)].join('\n');
    assert.deepEqual(tableMissing(text).map((x) => [x.severity, x.data?.table]), [['warning', 't3'], ['info', undefined]]);
  });

  it('finds only block-level tags: at a line start, indented by at most three spaces', () => {
    assert.equal(findHtmlTable(['文字', '   <TABLE border="1">'], 0, 2)?.start.line, 1);
    assert.equal(findHtmlTable(['    <table>'], 0, 1), undefined, 'four spaces: a Markdown code block');
    assert.equal(findHtmlTable(['<tables>', '见 <table>'], 0, 2), undefined);
    assert.equal(findHtmlTable(['<table>'], 1, 5), undefined, 'outside the range');
  });
});
