// The English summary line counts in English: “1 error, 1 warning”, not “1 errors, 1 warnings, 0 infos”.
import * as assert from 'node:assert/strict';
import { summaryLine } from '../../server/src/cli/text';
import { runCli } from './runCli';
import { join } from 'node:path';

describe('CLI summary line in English', () => {
  it('singular for one, plural otherwise', () => {
    assert.equal(summaryLine('en', { error: 1, warning: 1, info: 0, hint: 2 }, 1, 0, 0, 0, false, 1),
      '4 problems (1 error, 1 warning, 0 infos, 2 hints) in 1 file, 1 non-report file skipped');
    assert.equal(summaryLine('en', { error: 0, warning: 0, info: 1, hint: 0 }, 2, 0, 0, 0, false), '1 problem (0 errors, 0 warnings, 1 info, 0 hints) in 2 files');
  });

  it('as printed by check --lang en on a sample', async () => {
    const r = await runCli(['check', '--lang', 'en', join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt')]);
    const last = r.out.trim().split('\n').pop()!;
    assert.match(last, /^\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?, \d+ hints?\) in 1 file\b/);
    assert.doesNotMatch(last, /\b1 (errors|warnings|infos|hints)\b/);
  });
});
