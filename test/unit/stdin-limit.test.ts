// `--max-file-size` limits a report piped to `check --stdin` as it limits files (standard input was always
// read up to 256 MiB, whatever the option said), and the message names the limit in force.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './runCli';

const REPORT = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const BIG = REPORT + '\n'.repeat(3 * 1024 * 1024);

describe('check --stdin: the size limit', () => {
  it('--max-file-size 1M refuses 3 MiB on standard input, with the limit in the message', async () => {
    const r = await runCli(['check', '--stdin', '--max-file-size', '1M'], BIG);
    assert.equal(r.code, 2, r.out);
    assert.match(r.err, /标准输入超过 1 MiB，不予读取/);
  });

  it('within the limit it is checked as before', async () => {
    const r = await runCli(['check', '--stdin', '--max-file-size', '4M', '--format', 'json'], BIG);
    assert.equal(r.err, '');
    assert.equal((JSON.parse(r.out) as { format: string }[])[0].format, '2021');
  });
});
