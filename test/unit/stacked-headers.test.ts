// Two-line header cells as plain pdftotext prints them (parse/stacked-headers.ts): first lines, then
// second lines (本年新 | 本年新 | 制作数量 | 公开数量), and header words one space apart on one line
// (上一年项目数量 本年增/减). Shaped like test/fixtures/real/pingtan-gov-2019.pdf-raw.txt:140–225.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { lineCells, type LineCells } from '../../server/src/parse/cells';
import { unstackHeaders, unstackRuns } from '../../server/src/parse/stacked-headers';
import { template } from '../../server/src/parse/template';

const XINXIANG = readFileSync(join(__dirname, '..', 'fixtures', 'xinxiang-health-2020-pipe.txt'), 'utf8').split('\n');
const cellPerLine = (cells: string[]) => cells.flatMap((x) => [x, '']);
/** The sample with lines [from, to] (1-based) replaced by `block`, one cell per line. */
const withBlock = (from: number, to: number, block: string[]) => [...XINXIANG.slice(0, from - 1), ...cellPerLine(block), ...XINXIANG.slice(to)].join('\n');

function columnFindings(text: string) {
  return checkText(text).findings.filter((f) => f.rule === 'table-label' && f.message.startsWith('列名称'));
}

describe('two-line header cells in plain pdftotext text', () => {
  it('本年新 | 本年新 | 制作数量 | 公开数量 are the headers 本年新制作数量 and 本年新公开数量', () => {
    const text = withBlock(8, 11, ['第二十条第(一)项', '本年新', '本年新', '制作数量', '公开数量', '规章', '0', '0', '0', '规范性文件', '2', '2', '4', '信息内容', '对外公开总数量']);
    assert.deepEqual(columnFindings(text).map((f) => f.message), []);
    const t = checkText(text).report.tables.find((x) => x.id === 't2.1')!;
    // Each piece is paired with its column (the headers are kept in reading order, so compare as a set).
    assert.deepEqual(t.headers.map((h) => `${h.cell.text}:${h.columnId}`).slice(0, 4).sort(), ['本年新:made', '制作数量:made', '本年新:published', '公开数量:published'].sort());
    assert.deepEqual(t.rows.map((r) => r.values.map((v) => v.text).join(' ')), ['0 0 0', '2 2 4']);
  });

  it('上一年项目数量 本年增/减 on one line are two headers', () => {
    const text = withBlock(20, 22, ['第二十条第(八)项', '信息内容', '上一年项目数量 本年增/减', '行政事业性收费', '0', '0']);
    assert.deepEqual(columnFindings(text).map((f) => f.message), []);
  });

  it('lines are reordered only when every pair makes a header, and header words only when every word is one', () => {
    const text = withBlock(8, 11, ['第二十条第(一)项', '本年新', '本年新', '制作数量', '公开数', '规章', '0', '0', '0', '规范性文件', '2', '2', '4', '信息内容', '对外公开总数量']);
    const t = checkText(text).report.tables.find((x) => x.id === 't2.1')!;
    assert.deepEqual(t.headers.map((h) => h.cell.text).slice(0, 3), ['本年新', '本年新', '制作数量']);
    const words = withBlock(20, 22, ['第二十条第(八)项', '信息内容', '上一年项目数量 本年增减额', '行政事业性收费', '0', '0']);
    assert.ok(columnFindings(words).length > 0);
  });
});

describe('unstackRuns (stacks looked for only in runs of short one-cell text lines)', () => {
  // The reference: unstackHeaders over every line. Stacks at the start, after figures, and as the
  // region's last lines (a run that ends the region, after empty lines).
  const block = ['本年新', '本年新', '制作数量', '公开数量', '规章', '0', '0', '本年新', '', '本年新', '制作数量', '公开数量', '1', '规范性文件', '2', '本年新', '本年新', '', '制作数量', '公开数量', ''];
  const read = () => block.map((t, i) => lineCells(i, t, t));
  const order = (lines: LineCells[]) => lines.map((l) => l.cells.map((c) => `${c.line}:${c.text}`).join(' '));

  it('reorders exactly as unstackHeaders over the whole region does', () => {
    const tpl = template('t2.1');
    const whole = read();
    unstackHeaders(whole, tpl);
    const runs = read();
    unstackRuns(runs, tpl);
    assert.deepEqual(order(runs), order(whole));
    // Every one of the three stacks was put back (A1 B1 A2 B2): the comparison is not of unchanged lines.
    assert.equal(order(runs).filter((x) => /^\d+:本年新$/.test(x)).length, 6);
    assert.deepEqual(order(runs).slice(15, 20), ['15:本年新', '18:制作数量', '', '16:本年新', '19:公开数量']);
  });
});
