// `--fix-dry-run` and `--diff` write nothing, so every position they print points into the file as it is
// on disk — the changes, the numeric fixes held back and the findings left alike. A fix that removes a
// line (a duplicate title) used to leave the last two one line too high: the author, opening the file
// at 35:47, found the row above the wrong total.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
// Line 2 repeats the title (report-title removes it); a wrong total stays (total-mismatch, numbers: held back).
const REPORT = KUNMING.replace('(一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '(一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |');

interface Json { diagnostics: { rule: string; line: number; column: number }[]; fixes: { applied: { rule: string; line: number }[]; notApplied: { rule: string; line: number; column: number; old: string; finding: { line: number } }[] } }

/** 1-based line and column of `needle` in the text as written to disk. */
function where(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return { line: i + 1, column: lines[i].indexOf(needle) + 1 };
}

describe('--fix-dry-run: positions in the file as it is on disk', () => {
  assert.notEqual(REPORT, KUNMING);
  const dir = mkdtempSync(join(tmpdir(), 'govreport-dry-run-'));
  const file = join(dir, 'report.txt');
  writeFileSync(file, REPORT);
  const total = where(REPORT, '| 5 |');
  const totalAt = { line: total.line, column: total.column + 2 };

  it('JSON: the finding left and its held-back fix point at the wrong total where it is', async () => {
    const r = await runCli(['check', '--fix-dry-run', '--format', 'json', file]);
    const [j] = JSON.parse(r.out) as Json[];
    assert.ok(j.fixes.applied.some((c) => c.rule === 'report-title' && c.line === 2), 'the duplicate title line would be removed');
    const d = j.diagnostics.find((x) => x.rule === 'total-mismatch');
    assert.deepEqual(d && { line: d.line, column: d.column }, totalAt);
    const held = j.fixes.notApplied.find((c) => c.rule === 'total-mismatch');
    assert.ok(held);
    assert.deepEqual({ line: held.line, column: held.column, old: held.old, finding: held.finding.line }, { ...totalAt, old: '5', finding: totalAt.line });
    assert.equal(readFileSync(file, 'utf8'), REPORT, 'a dry run writes nothing');
  });

  it('text and --diff: the same positions', async () => {
    const text = (await runCli(['check', '--fix-dry-run', file])).out;
    assert.ok(text.includes(`${file}:${totalAt.line}:${totalAt.column}  错误`), text);
    assert.ok(text.includes(`${file}:${totalAt.line}:${totalAt.column} total-mismatch “5” → “4”`), text);
  });

  it('after a real --fix the positions are those of the file as written', async () => {
    const written = join(dir, 'written.txt');
    writeFileSync(written, REPORT);
    const [j] = JSON.parse((await runCli(['check', '--fix', '--format', 'json', written])).out) as Json[];
    const now = readFileSync(written, 'utf8');
    const at = where(now, '| 5 |');
    const d = j.diagnostics.find((x) => x.rule === 'total-mismatch');
    assert.deepEqual(d && { line: d.line, column: d.column }, { line: at.line, column: at.column + 2 });
    assert.equal(at.line, totalAt.line - 1, 'the title line is gone');
  });
});
