// Figures of the whole corpus: one pass of checkCorpus + judge, summed per rule and per source kind.
import type { Finding } from '../../server/src/model';
import { KINDS, alarmKey, checkCorpus, judge, listCorpus, readTruth, REAL, type Judged, type Kind } from './corpus';

export interface Tally { expected: number; found: number; real: number; alarms: number }
export interface Evaluation {
  judged: Judged[];
  totals: Tally & { reports: number; files: number };
  byRule: Record<string, Tally>;
  byKind: Record<Kind, Tally & { files: number }>;
}

const zero = (): Tally => ({ expected: 0, found: 0, real: 0, alarms: 0 });

/** only: count just these reports (all files are still checked together, so cross-report rules see the same folder). */
export function evaluate(dir = REAL, only?: (report: string) => boolean): Evaluation {
  const truth = readTruth(dir);
  const all = listCorpus(dir);
  const judged = checkCorpus(all, dir).map((c) => judge(c, truth.reports[c.report])).filter((j) => !only || only(j.file.report));
  const files = all.filter((f) => !only || only(f.report));
  const byRule: Record<string, Tally> = {};
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { ...zero(), files: 0 }])) as Record<Kind, Tally & { files: number }>;
  const totals = { ...zero(), reports: new Set(files.map((f) => f.report)).size, files: files.length };
  const rule = (id: string) => (byRule[id] ??= zero());
  for (const j of judged) {
    const k = byKind[j.file.kind];
    k.files++;
    for (const e of [...j.found, ...j.missed]) {
      const id = [e.rule].flat()[0];
      rule(id).expected++; k.expected++; totals.expected++;
      if (j.found.includes(e)) { rule(id).found++; k.found++; totals.found++; }
    }
    for (const f of j.real) { rule(f.rule).real++; k.real++; totals.real++; }
    for (const f of j.falseAlarms) { rule(f.rule).alarms++; k.alarms++; totals.alarms++; }
  }
  return { judged, totals, byRule, byKind };
}

/** Ratchet keys of a file's false alarms; a second alarm of one rule on one line gets a #2. */
export function alarmKeys(j: Judged): [string, Finding][] {
  const seen = new Map<string, number>();
  return j.falseAlarms.map((f) => {
    const base = alarmKey(j.file.file, f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n === 1 ? base : `${base}#${n}`, f] as [string, Finding];
  });
}
