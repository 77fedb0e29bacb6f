// parseText marks table and heading lines in one buffer reused by every parse (parse/parse.ts lineMarks):
// a report's prose lines must not depend on the marks an earlier report left there.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/parse/parse';

const sample = readFileSync(join(__dirname, '..', 'fixtures', 'xinjiang-health-2023-cell-per-line.txt'), 'utf8');
// Lines of prose only: every non-empty line is a prose line.
const prose = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}行是说明文字，没有表格。`).join('\n');

describe('line marks reused across parses', () => {
  it('a text parsed after a report with tables has all its lines as prose', () => {
    const before = parseReport(sample, 'mem://a');
    assert.ok(before.tables.length > 0 && before.sections.length > 0);
    const lines = Math.max(...before.tables.map((t) => t.endLine)) + 5;
    assert.deepEqual(parseReport(prose(lines), 'mem://b').proseLines, Array.from({ length: lines }, (_, i) => i));
  });

  it('a report parses the same before and after a much longer text (the buffer grown, then given back)', function () {
    this.timeout(20_000);
    const first = JSON.stringify(parseReport(sample, 'mem://a').proseLines);
    parseReport(prose(70_000), 'mem://big');
    assert.equal(JSON.stringify(parseReport(sample, 'mem://a').proseLines), first);
    assert.deepEqual(parseReport(prose(50), 'mem://c').proseLines, Array.from({ length: 50 }, (_, i) => i));
  });
});
