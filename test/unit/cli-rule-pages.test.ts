// The text output says where each rule found is explained: once per rule, after the findings, pointing at the
// docs/rules/<id>.md page the package ships (the page editor diagnostics link to) — no made-up address.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { runCli } from './runCli';
import pkg from '../../package.json';

const FIX = join(__dirname, '..', 'fixtures');

describe('cli: rule pages in the text output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-pages-'));
  const file = join(dir, 'l.txt');
  // Two table-unbalanced errors and a few other findings.
  writeFileSync(file, readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8'));

  it('lists each rule found once, after the findings and before the summary, with a page that exists', async () => {
    assert.equal((pkg as { repository?: unknown }).repository, undefined, 'with a repository the pages are its URLs: test those instead');
    const r = await runCli(['check', file]);
    const lines = r.out.trimEnd().split('\n');
    const head = lines.indexOf('规则说明：');
    assert.ok(head > 0, r.out);
    const found = [...new Set(lines.slice(0, head).map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1]).filter(Boolean))].sort();
    const pages = lines.slice(head + 1, -1).map((l) => /^ {2}\[([a-z-]+)\] +(\S+)$/.exec(l));
    assert.ok(pages.every(Boolean), lines.slice(head + 1).join('\n'));
    assert.deepEqual(pages.map((m) => m![1]), found);
    for (const m of pages) {
      assert.ok(m![2].endsWith(`docs/rules/${m![1]}.md`), m![0]);
      assert.ok(existsSync(isAbsolute(m![2]) ? m![2] : resolve(m![2])), m![2]);
    }
    assert.match(lines[lines.length - 1], /^共 1 个文件/);
  });

  it('English says “Rule pages:”; --quiet and a clean report print none', async () => {
    const en = (await runCli(['check', '--lang', 'en', file])).out;
    assert.match(en, /^Rule pages:$/m);
    assert.match(en, /^ {2}\[table-unbalanced\] +\S*docs\/rules\/table-unbalanced\.md$/m);
    assert.doesNotMatch((await runCli(['check', '--quiet', file])).out, /规则说明/);
    // The one finding of this sample (report-title) turned off: nothing found, no pages.
    const clean = mkdtempSync(join(tmpdir(), 'govreport-clean-'));
    writeFileSync(join(clean, 'k.txt'), readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt')));
    writeFileSync(join(clean, '.govreportrc.json'), JSON.stringify({ rules: { 'report-title': 'off' } }));
    const r = await runCli(['check', join(clean, 'k.txt')]);
    assert.match(r.out, /0 个问题/);
    assert.doesNotMatch(r.out, /规则说明/);
  });
});
