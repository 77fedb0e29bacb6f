// readStackedHeader keeps what a header block's fragments spell per template, characters and columns
// already written exactly (parse/pdf-header.ts spelled): the kept answer must be the one for that block.
import * as assert from 'node:assert/strict';
import { lineCells, type LineCells } from '../../server/src/parse/cells';
import { readStackedHeader } from '../../server/src/parse/pdf-header';
import { template } from '../../server/src/parse/template';

const lines = (texts: string[]): LineCells[] => texts.map((t, i) => lineCells(i, t, t));
const read = (id: string, texts: string[]) => readStackedHeader(lines(texts), template(id), undefined)?.headers.map((h) => `${h.cell.text}:${h.columnId}`);

describe('stacked header fragments: the spelling memo', () => {
  const pieces = ['本年', '新制', '作数量', '规章', '0'];
  const spelled = ['本年:made', '新制:made', '作数量:made'];

  it('the same fragments read alone, then after the column written exactly, then alone again', () => {
    assert.deepEqual(read('t2.1', pieces), spelled);
    // 本年新制作数量 already written: the fragments cannot spell it again, and spell nothing else.
    assert.equal(read('t2.1', ['本年新制作数量', ...pieces]), undefined);
    assert.deepEqual(read('t2.1', pieces), spelled);
  });

  it('the same fragments in another template are read against that template', () => {
    assert.deepEqual(read('t2.1', pieces), spelled);
    assert.equal(read('t2.8', pieces.map((p) => (p === '规章' ? '行政事业性收费' : p))), undefined);
  });
});
