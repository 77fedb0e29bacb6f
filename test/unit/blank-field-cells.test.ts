// Empty fields of a line become blank cells without being trimmed and classified (parse/cells.ts
// blankCell): each must stand where makeCell put it, at the end of its spaces (figures from the code before).
import * as assert from 'node:assert/strict';
import { lineCells } from '../../server/src/parse/cells';

const at = (text: string) => {
  const l = lineCells(7, text, text);
  const show = (cs: typeof l.cells) => cs.map((c) => `${c.kind}@${c.line}:${c.from}-${c.to}`);
  return { cells: show(l.cells), tail: show(l.tail) };
};

describe('blank cells of empty fields', () => {
  it('between, after and before figures, and after words only, each at its field end', () => {
    // 行政许可 | 1 |  | 2 |   |  → blanks between and after the figures.
    assert.deepEqual(at('行政许可 | 1 |  | 2 |   |').cells, ['text@7:0-4', 'number@7:7-8', 'blank@7:12-12', 'number@7:14-15', 'blank@7:20-20']);
    // Words followed by empty fields only: the blanks are the line's tail.
    assert.deepEqual(at('行政许可\t\t \t').tail, ['blank@7:5-5', 'blank@7:7-7', 'blank@7:8-8']);
    // A row without a label: the empty fields before its figures are cells.
    assert.deepEqual(at('\t \t1\t2').cells, ['blank@7:0-0', 'blank@7:2-2', 'number@7:3-4', 'number@7:5-6']);
  });
});
