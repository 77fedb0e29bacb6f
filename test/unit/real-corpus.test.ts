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
