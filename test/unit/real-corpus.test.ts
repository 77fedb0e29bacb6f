// The real-report corpus (test/fixtures/real/): every must-flag item a reviewer found by hand is reported, and no
// warning or error appears that the truth does not account for — except the false alarms and misses listed in
// known-false-alarms.json, today's honest ratchet. The test fails when a new false alarm or miss appears AND when a
// listed one is gone, so whoever fixes (or causes) one updates the list: npm run corpus -- --update-known.
import * as assert from 'node:assert/strict';
import { alarmKeys, evaluate, type Evaluation } from '../../scripts/corpus/evaluate';
import { listCorpus, locate, readKnown, readTruth, REAL } from '../../scripts/corpus/corpus';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('real-report corpus', function () {
  this.timeout(120000);
  let ev: Evaluation;
  before(() => { ev = evaluate(); });

  it('has a truth entry and a source address for every report, and the truth quotes are in every variant', () => {
    const truth = readTruth();
    const sources = JSON.parse(fs.readFileSync(path.join(REAL, 'sources.json'), 'utf8')).reports as Record<string, unknown>;
    const reports = new Set(listCorpus().map((f) => f.report));
    assert.ok(reports.size > 0);
    for (const r of reports) {
      assert.ok(truth.reports[r], `${r}: no entry in truth.json`);
      assert.ok(sources[r], `${r}: no entry in sources.json`);
    }
    const unlocated = ev.judged.flatMap((j) => j.unlocated.map((q) => `${j.file.file}: “${q}”`));
    assert.deepEqual(unlocated, []);
  });

  // The truth says which reports' tables add up; this reads 表三 of every page source (the article HTML kept in
  // sources/) and checks that claim, so a slip in copying a report shows up here and not as a wrong truth.
  it('表三 of every page source adds up exactly where the truth says it does', () => {
    const truth = readTruth();
    const dir = path.join(REAL, 'sources');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.html'))) {
      const id = name.replace(/\.html$/, '');
      // A sum fault of 表四 (truth ids t4-…) says nothing of 表三.
      const faulty = truth.reports[id].mustFlag.some((e) => [e.rule].flat().includes('total-mismatch') && !e.id.startsWith('t4'));
      const html = fs.readFileSync(path.join(dir, name), 'utf8');
      const table = html.split('<table').find((t) => t.includes('本年新收政府信息公开申请数量'));
      assert.ok(table, `${id}: no 表三`);
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').replace(/&nbsp;/g, '\u00a0').trim()));
      const values = rows.filter((r) => r.length >= 8 && /^[\d\u00a0]*$/.test(r[r.length - 1])).map((r) => r.slice(-7).map((v) => (/^\d+$/.test(v) ? Number(v) : 0)));
      const format = (JSON.parse(fs.readFileSync(path.join(REAL, 'sources.json'), 'utf8')).reports[id] as { format: string }).format;
      const expectedRows = format === '2019' ? 23 : 25;
      assert.equal(values.length, expectedRows, `${id}: 表三 rows`);
      const [fresh, carried, ...rest] = values;
      const outcomes = rest.slice(0, -2);
      const [total, forward] = rest.slice(-2);
      const sums = [0, 1, 2, 3, 4, 5, 6].map((c) => outcomes.reduce((a, r) => a + r[c], 0));
      const rowsAddUp = values.every((r) => r.slice(0, 6).reduce((a, b) => a + b, 0) === r[6]);
      const columnsAddUp = sums.every((v, c) => v === total[c]);
      const balanced = [0, 1, 2, 3, 4, 5, 6].every((c) => fresh[c] + carried[c] === total[c] + forward[c]);
      // 上海 2019 left the 总计 of rows （一）–（六） blank: every other sum holds
      if (id === 'shanghai-office-2019') assert.ok(!rowsAddUp && sums.slice(0, 6).every((v, c) => v === total[c]) && balanced, `${id}: only the blank 总计 cells break the sums`);
      else assert.equal(rowsAddUp && columnsAddUp && balanced, !faulty, `${id}: sums ${faulty ? 'should not' : 'should'} add up`);
    }
  });

  it('locates quotes across line breaks and spaces, by occurrence', () => {
    assert.deepEqual(locate('a\n2.其他法律\n行政 止公开\n', '2.其他法律行政止公开'), [1, 2]);
    assert.deepEqual(locate('x 0 1\ny 0 1\n', '01', 2), [1, 1]);
    assert.equal(locate('abc', 'abd'), undefined);
  });

  it('raises no false alarm and misses nothing beyond the known list (ratchet)', () => {
    const known = readKnown();
    const alarms = ev.judged.flatMap((j) => alarmKeys(j).map(([k]) => k));
    const misses = ev.judged.flatMap((j) => j.missed.map((e) => `${j.file.file}#${e.id}`));
    const newAlarms = alarms.filter((k) => !(k in known.falseAlarms));
    const goneAlarms = Object.keys(known.falseAlarms).filter((k) => !alarms.includes(k));
    const newMisses = misses.filter((k) => !(k in known.misses));
    const goneMisses = Object.keys(known.misses).filter((k) => !misses.includes(k));
    assert.deepEqual({ newAlarms, newMisses }, { newAlarms: [], newMisses: [] }, 'new false alarms or misses on real reports');
    assert.deepEqual({ goneAlarms, goneMisses }, { goneAlarms: [], goneMisses: [] }, 'fixed — remove them from known-false-alarms.json (npm run corpus -- --update-known)');
  });
});
