// Every change visible: the change list and the unified diff of `--fix`, `--fix-dry-run` and `--diff`,
// and the applied/held-back edits in JSON and SARIF. The diff is checked by applying it back.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/src/cli';
import { changesOf, preview, unifiedDiff } from '../../server/src/cli/changes';
import { applyFixList, fixAll, type FixPass } from '../../server/src/fix';
import type { Fix } from '../../server/src/model';

const FIX = join(__dirname, '..', 'fixtures');

/** Applies a unified diff to a text (strict: context and removed lines must match). */
function patch(text: string, diff: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let at = 0;
  const d = diff.split('\n');
  for (let i = 2; i < d.length; i++) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(d[i]);
    if (!m) continue;
    const start = Number(m[1]) - 1;
    while (at < start) out.push(lines[at++]);
    for (i++; i < d.length && !d[i].startsWith('@@') && d[i] !== ''; i++) {
      const tag = d[i][0];
      const body = d[i].slice(1);
      if (tag === ' ' || tag === '-') { assert.equal(lines[at], body, `line ${at + 1} of the diff's "-" side`); at++; }
      if (tag === ' ' || tag === '+') out.push(body);
    }
    i--;
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join('\n');
}

function fixOf(from: number, to: number, newText: string, text: string): Fix {
  const pos = (o: number) => { const before = text.slice(0, o).split('\n'); return { line: before.length - 1, character: before[before.length - 1].length }; };
  return { title: 't', edits: [{ range: { start: pos(from), end: pos(to) }, newText }], safe: true, numbers: false };
}

async function run(args: string[]) {
  const chunks: Buffer[] = [];
  const err: Buffer[] = [];
  const code = await main(args, new Writable({ write(c, _e, cb) { chunks.push(Buffer.from(c)); cb(); } }), new Writable({ write(c, _e, cb) { err.push(Buffer.from(c)); cb(); } }));
  return { code, out: Buffer.concat(chunks).toString('utf8'), err: Buffer.concat(err).toString('utf8') };
}

describe('fix changes: list and diff', () => {
  for (const file of readdirSync(FIX).filter((f) => f.endsWith('.txt'))) {
    it(`${file}: the diff of every pass, applied to the original, gives the fixed text; positions are in the original`, () => {
      const text = readFileSync(join(FIX, file), 'utf8');
      const fixed = fixAll(text, {}, undefined, undefined, { numbers: true });
      const { changes, regions } = changesOf(text, fixed.steps);
      assert.equal(changes.length, fixed.applied);
      assert.equal(patch(text, unifiedDiff(file, text, fixed.text, regions)), fixed.text);
      const lines = text.split(/\r?\n/);
      for (const c of changes) {
        // A change's old text starts where it says, in the file as read (first pass: exactly).
        if (fixed.steps[0].result.edits.length === fixed.applied) assert.ok(lines[c.line - 1].slice(c.column - 1).startsWith(c.old.split(/\r?\n/)[0]), `${c.rule} ${c.line}:${c.column}`);
      }
    });
  }

  it('the change list shows tabs, line breaks and control characters visibly, never raw', () => {
    assert.equal(preview('26\t\t0\r\n27\u0007'), '26⇥⇥0⏎27\\x07');
    assert.equal(preview('一'.repeat(45)), '一'.repeat(40) + '…');
  });

  it('composes passes: a later pass editing text an earlier one inserted maps to the original position', () => {
    const t0 = 'line one\nabcdef\nline three\n';
    const p1 = applyFixList(t0, [fixOf(10, 11, 'XX', t0)]); // b → XX
    const t1 = p1.text;
    const p2 = applyFixList(t1, [fixOf(11, 13, 'Y', t1), fixOf(0, 4, 'LINE', t1)]); // Xc → Y, line → LINE
    const steps: FixPass[] = [{ text: t0, result: p1, rules: ['r1'] }, { text: t1, result: p2, rules: p2.applied.map(() => 'r2') }];
    const { changes, regions } = changesOf(t0, steps);
    assert.equal(p2.text, 'LINE one\naXYdef\nline three\n');
    assert.deepEqual(changes.map((c) => `${c.line}:${c.column} ${c.rule} ${c.old}→${c.new}`), ['1:1 r2 line→LINE', '2:2 r1 b→XX', '2:2 r2 Xc→Y']);
    assert.equal(patch(t0, unifiedDiff('f', t0, p2.text, regions)), p2.text);
  });

  it('--fix-dry-run lists the changes and prints a diff but writes nothing; --diff prints only the diff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-dry-'));
    const file = join(dir, 'x.txt');
    const text = readFileSync(join(FIX, 'xinjiang-health-2023-cell-per-line.txt'), 'utf8');
    writeFileSync(file, text);
    const r = await run(['check', '--fix-dry-run', file]);
    assert.equal(readFileSync(file, 'utf8'), text, 'nothing written');
    assert.match(r.out, /x\.txt:\d+:\d+ section-title “存在的问题及改进情况” → “存在的主要问题及改进情况” {2}将修复/);
    assert.match(r.out, /^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    assert.match(r.out, /将修复 6 处（未写入文件）/);
    const d = await run(['check', '--diff', file]);
    assert.ok(d.out.startsWith('--- '), d.out.slice(0, 100));
    assert.doesNotMatch(d.out, /共 1 个文件/);
    const fixedText = fixAll(text).text;
    assert.equal(patch(text, d.out.slice(d.out.indexOf('\n@@') + 1).replace(/^/, '--- a\n+++ b\n')), fixedText);
    const en = await run(['check', '--fix-dry-run', '--lang', 'en', file]);
    assert.match(en.out, /section-title “[^”]+” → “[^”]+” {2}would fix/);
  });

  it('an insertion reads 插入 “…” and a deletion 删除 “…”, not “” → “…”; JSON says the same by its kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-kind-'));
    const file = join(dir, 'l.txt');
    // 二、 left off the heading of section 二; 总计 and 结转 rows of 表三 each hold one 0 too many.
    writeFileSync(file, readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8').replace('\n二、主动公开', '\n主动公开'));
    const zh = (await run(['check', '--fix-dry-run', file])).out;
    assert.match(zh, /l\.txt:35:1 section-numbering 插入 “二、” {2}将修复/);
    assert.match(zh, /table-unbalanced 删除 “⇥0” {2}未应用/);
    assert.doesNotMatch(zh, /“” →|→ “”/);
    const en = (await run(['check', '--fix-dry-run', '--lang', 'en', file])).out;
    assert.match(en, /section-numbering insert “二、” {2}would fix/);
    assert.match(en, /table-unbalanced delete “⇥0” {2}not applied/);
    const j = JSON.parse((await run(['check', '--fix-dry-run', '--format', 'json', file])).out)[0];
    const ins = j.fixes.applied.find((c: { rule: string }) => c.rule === 'section-numbering');
    assert.deepEqual([ins.kind, ins.old, ins.new], ['insert', '', '二、']);
    assert.ok(j.fixes.notApplied.every((c: { kind: string; new: string }) => c.kind === 'delete' && c.new === ''), JSON.stringify(j.fixes.notApplied));
    assert.ok(j.fixes.applied.some((c: { kind: string }) => c.kind === 'replace'));
  });

  it('JSON carries the applied edits, the held-back numeric ones and the notices; SARIF too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-json-'));
    const file = join(dir, 'l.txt');
    writeFileSync(file, readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8'));
    const j = JSON.parse((await run(['check', '--fix-dry-run', '--format', 'json', file])).out)[0];
    assert.equal(j.fixes.dryRun, true);
    assert.ok(j.fixes.applied.length > 0);
    for (const k of ['rule', 'line', 'column', 'endLine', 'endColumn', 'old', 'new', 'kind', 'numbers', 'title']) assert.ok(k in j.fixes.applied[0], k);
    assert.ok(j.fixes.notApplied.some((c: { rule: string; numbers: boolean }) => c.rule === 'table-unbalanced' && c.numbers), JSON.stringify(j.fixes.notApplied));
    assert.deepEqual(j.notices, []);
    const s = JSON.parse((await run(['check', '--fix-dry-run', '--format', 'sarif', file])).out);
    const notes = s.runs[0].invocations[0].toolExecutionNotifications;
    assert.ok(notes.some((n: { properties?: { fix?: unknown } }) => n.properties?.fix), 'applied fixes are notifications');
    const held = s.runs[0].results.find((x: { ruleId: string; fixes?: unknown[] }) => x.ruleId === 'table-unbalanced' && x.fixes);
    assert.ok(held, 'the held-back fix is a SARIF fix on its result');
    assert.ok(held.fixes[0].artifactChanges[0].replacements[0].deletedRegion.startLine > 0);
  });
});
