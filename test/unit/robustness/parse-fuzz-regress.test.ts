// A fuzzer finding on the parse branch, kept as a plain regression test.
import { runCase } from './props';

describe('robustness: fuzzer findings (blank cells)', () => {
  it('a huge number in a pipe line joined to line 1: fixing twice equals fixing once', () => {
    runCase({ fixture: 4, muts: [{ k: 'replaceLine', line: 0, s: '0' }, { k: 'numToText', nth: 1702528421, s: '9999999999999999999999' }, { k: 'joinLines', line: 0, count: 1, sep: ' | ' }] }, ['check', 'idempotent'], [0]);
  });
});
