// npm run corpus [-- --json] [-- --update-known] [-- --held-out]
// Checks every text of the real-report corpus and measures it against the hand-written truth: precision of warnings +
// errors (real / all) and recall of the must-flag items, per rule and per source kind, then every false alarm and miss.
// --held-out counts only the reports marked heldOut in sources.json: added after the checker was tuned, measured blind
// first (TRUTH.md gives those blind figures), so their figures say how the checker does on reports it was not fitted to.
// --update-known rewrites test/fixtures/real/known-false-alarms.json (the ratchet the corpus test holds us to).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alarmKeys, evaluate } from './evaluate';
import { REAL } from './corpus';
import { CLASSES, classifyAlarm, classifyMiss } from './classify';

const args = new Set(process.argv.slice(2));
// `npm run corpus | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const heldOut = new Set(Object.entries(JSON.parse(fs.readFileSync(path.join(REAL, 'sources.json'), 'utf8')).reports as Record<string, { heldOut?: boolean }>)
  .filter(([, r]) => r.heldOut).map(([id]) => id));
if (args.has('--held-out') && args.has('--update-known')) throw new Error('--update-known needs the whole corpus: run it without --held-out');
const ev = evaluate(REAL, args.has('--held-out') ? (r) => heldOut.has(r) : undefined);

if (args.has('--update-known')) {
  const known = {
    $comment: 'Ratchet of today\'s false alarms (file:line:rule) and misses (file#truth-id) on the real corpus. test/unit/real-corpus.test.ts fails when one appears that is not listed, or a listed one is gone: whoever fixes or causes one updates this list (npm run corpus -- --update-known) and the diff shows what changed. See FINDINGS.md for the classes.',
    falseAlarms: Object.fromEntries(ev.judged.flatMap((j) => alarmKeys(j).map(([k, f]) => [k, f.message]))),
    misses: Object.fromEntries(ev.judged.flatMap((j) => j.missed.map((e) => [`${j.file.file}#${e.id}`, e.note]))),
  };
  fs.writeFileSync(path.join(REAL, 'known-false-alarms.json'), JSON.stringify(known, null, 2) + '\n');
}

/** Every false alarm and miss with its class (classify.ts), for FINDINGS.md and --json. */
const classified = ev.judged.flatMap((j) => {
  const lines = j.file.text.split('\n');
  return [
    ...j.falseAlarms.map((f) => ({ cls: classifyAlarm(j.file.kind, f, lines[f.range.start.line] ?? ''), kind: j.file.kind, what: 'false alarm', text: `${j.file.file}:${f.range.start.line + 1} ${f.rule} ${f.message}` })),
    ...j.missed.map((e) => ({ cls: classifyMiss(j.file.kind, e), kind: j.file.kind, what: 'miss', text: `${j.file.file} ${e.id} ${[e.rule].flat().join('|')} — ${e.note}` })),
  ];
});

if (args.has('--json')) {
  process.stdout.write(JSON.stringify({
    totals: ev.totals,
    byRule: ev.byRule,
    byKind: ev.byKind,
    falseAlarms: ev.judged.flatMap((j) => j.falseAlarms.map((f) => ({ file: j.file.file, line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message }))),
    misses: ev.judged.flatMap((j) => j.missed.map((e) => ({ file: j.file.file, id: e.id, rule: e.rule, quote: e.quote, note: e.note }))),
    unlocated: ev.judged.flatMap((j) => j.unlocated.map((q) => ({ file: j.file.file, quote: q }))),
    traps: ev.judged.flatMap((j) => j.traps.map((f) => ({ file: j.file.file, line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message }))),
    classes: Object.fromEntries(Object.keys(CLASSES).map((c) => [c, { name: CLASSES[c], falseAlarms: classified.filter((x) => x.cls === c && x.what === 'false alarm').length, misses: classified.filter((x) => x.cls === c && x.what === 'miss').length }])),
  }, null, 2) + '\n');
} else {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  const t = ev.totals;
  console.log(`Real-report corpus${args.has('--held-out') ? ' (held-out reports only)' : ''}: ${t.reports} reports, ${t.files} files`);
  console.log(`precision (warnings+errors real / all): ${t.real}/${t.alarms + t.real} = ${pct(t.real, t.alarms + t.real)}`);
  console.log(`recall (must-flag items found / expected): ${t.found}/${t.expected} = ${pct(t.found, t.expected)}\n`);
  console.log('| rule | expected | found | recall | warn+err | real | false | precision |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [rule, r] of Object.entries(ev.byRule).sort()) {
    console.log(`| ${rule} | ${r.expected} | ${r.found} | ${pct(r.found, r.expected)} | ${r.real + r.alarms} | ${r.real} | ${r.alarms} | ${pct(r.real, r.real + r.alarms)} |`);
  }
  console.log('\n| source kind | files | expected | found | recall | warn+err | real | false | precision |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [kind, r] of Object.entries(ev.byKind)) {
    console.log(`| ${kind} | ${r.files} | ${r.expected} | ${r.found} | ${pct(r.found, r.expected)} | ${r.real + r.alarms} | ${r.real} | ${r.alarms} | ${pct(r.real, r.real + r.alarms)} |`);
  }
  console.log('\nFalse alarms (warnings and errors that match nothing a reviewer found):');
  for (const j of ev.judged) for (const f of j.falseAlarms) console.log(`  ${j.file.file}:${f.range.start.line + 1} ${f.rule} [${f.severity}] ${f.message}`);
  console.log('\nMisses (must-flag items not reported):');
  for (const j of ev.judged) for (const e of j.missed) console.log(`  ${j.file.file} ${e.id} ${[e.rule].flat().join('|')}${e.quote ? ` “${e.quote}”` : ''} — ${e.note}`);
  const traps = ev.judged.flatMap((j) => j.traps.map((f) => `  ${j.file.file}:${f.range.start.line + 1} ${f.rule} [${f.severity}] ${f.message}`));
  console.log(`\nTraps sprung (a finding of any severity, info included, on something the truth says must not be flagged): ${traps.length}`);
  if (args.has('--classes')) for (const t of traps) console.log(t);
  console.log('\nBy class of issue 11 (scripts/corpus/classify.ts; FINDINGS.md explains each):');
  console.log('| class | false alarms | misses | copy | cells | writer | pdf-layout | pdf-raw | pdf-copy | md |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of Object.keys(CLASSES)) {
    const xs = classified.filter((x) => x.cls === c);
    if (!xs.length) continue;
    const per = (k: string) => xs.filter((x) => x.kind === k).length;
    console.log(`| ${c}. ${CLASSES[c]} | ${xs.filter((x) => x.what === 'false alarm').length} | ${xs.filter((x) => x.what === 'miss').length} | ${per('copy')} | ${per('cells')} | ${per('writer')} | ${per('pdf-layout')} | ${per('pdf-raw')} | ${per('pdf-copy')} | ${per('md')} |`);
  }
  if (args.has('--classes')) {
    for (const c of Object.keys(CLASSES)) {
      const xs = classified.filter((x) => x.cls === c);
      if (!xs.length) continue;
      console.log(`\n## ${c}. ${CLASSES[c]}`);
      for (const x of xs) console.log(`  [${x.what}] ${x.text}`);
    }
  }
  const unlocated = ev.judged.flatMap((j) => j.unlocated.map((q) => `${j.file.file}: “${q}”`));
  if (unlocated.length) {
    console.log('\nTruth quotes not found in a variant (fix the truth or the variant):');
    for (const u of unlocated) console.log(`  ${u}`);
  }
}
