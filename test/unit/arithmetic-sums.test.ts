// The in-place sums of the arithmetic rules (rules/arithmetic.ts) agree with sumOf over the same values.
import * as assert from 'node:assert/strict';
import { sumAt, sumColumn, sumOf } from '../../server/src/rules/arithmetic';

describe('arithmetic sums added in place', () => {
  const row = [7, 3, undefined, 4, 0];
  it('sumAt adds the values at the given positions, undefined when one is unreadable', () => {
    assert.equal(sumAt(row, [1, 3, 4]), sumOf([3, 4, 0]));
    assert.equal(sumAt(row, [1, 3, 4]), 7);
    assert.equal(sumAt(row, [0, 2]), undefined);
    assert.equal(sumAt(row, [1, 9]), undefined, 'a position past the row is unreadable');
    assert.equal(sumAt(row, []), 0);
  });
  it('sumColumn adds one column over rows, undefined when one is unreadable', () => {
    const rows = [[1, 2, undefined], [3, 4, 5], [0, 6, 7]];
    assert.equal(sumColumn(rows, 0), 4);
    assert.equal(sumColumn(rows, 1), sumOf([2, 4, 6]));
    assert.equal(sumColumn(rows, 2), undefined);
    assert.equal(sumColumn([], 0), 0);
  });
});
