// `--fix`, `--fix-type`, `--fix-dry-run`, `--diff`: which fixes the CLI applies unseen, and the record of
// what it changed (or would change, or held back) for the text, JSON and SARIF outputs.
import * as path from 'node:path';
import type { GovreportConfig } from '../config';
import type { Lang } from '../i18n';
import type { Finding } from '../model';
import { FIX_TYPES, allowed, type FixPass, type FixPolicy } from '../fix';
import { changeLine, changesOf, suggestions, unifiedDiff, type Change } from './changes';
import { T } from './text';
import { dryRunMapper, type PositionMap } from './dry-run-positions';

/** Parses one `--fix-type` value (comma-separated, repeatable) like eslint's. */
export function parseFixTypes(value: string, before: string[] | undefined, usage: (m: string) => Error): string[] {
  const types = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = types.filter((t) => !(FIX_TYPES as readonly string[]).includes(t));
  if (bad.length || types.length === 0) throw usage(`--fix-type must be a comma-separated list of ${FIX_TYPES.join(', ')} (got ${value})`);
  return [...new Set([...(before ?? []), ...types])];
}

/** `--fix-type` wins; otherwise wording/layout fixes, and numeric ones when the configuration allows them. */
export function fixPolicy(types: string[] | undefined, config: GovreportConfig | undefined): FixPolicy {
  if (types) return { text: types.includes('text'), numbers: types.includes('numbers') };
  return { text: true, numbers: config?.fix?.numbers === true };
}

export interface FixReport {
  applied: Change[];
  notApplied: Change[];
  dryRun: boolean;
  file: string;
  diff?: string;
  /** Positions of the fixed text → the original's (what a dry run prints must point into the file on disk). */
  toOriginal: PositionMap;
  /** Records the safe fixes the policy held back, from the findings of the text as checked. */
  held(findings: Finding[], text: string, policy: FixPolicy): void;
  json(): { fixes: { dryRun: boolean; applied: Change[]; notApplied: Change[] } };
}

function diffName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

export function fixReport(file: string, original: string, fixed: { text: string; steps: FixPass[] }, dryRun: boolean, withDiff: boolean): FixReport {
  const { changes, regions } = changesOf(original, fixed.steps);
  const report: FixReport = {
    applied: changes,
    notApplied: [],
    dryRun,
    file,
    diff: withDiff || dryRun ? unifiedDiff(diffName(file), original, fixed.text, regions) : undefined,
    toOriginal: dryRunMapper(original, fixed.text, regions),
    held(findings, text, policy) {
      this.notApplied = suggestions(findings, (f) => {
        const fix = f.fixes.find((x) => x.safe);
        return fix && fix.numbers && !allowed(fix, policy) ? fix : undefined;
      }, text);
    },
    json() {
      return { fixes: { dryRun: this.dryRun, applied: this.applied, notApplied: this.notApplied } };
    },
  };
  return report;
}

/** Text output: one line per change, `file:line:col rule “old” → “new”  status` (插入 “new” / 删除 “old”); the diff on a dry run. Returns the held-back count. */
export function writeChanges(r: FixReport, lang: Lang, out: NodeJS.WritableStream): number {
  const status = T(lang, r.dryRun ? 'fixWould' : 'fixApplied');
  for (const c of r.applied) out.write(`${changeLine(r.file, c, lang)}  ${status}\n`);
  for (const c of r.notApplied) out.write(`${changeLine(r.file, c, lang)}  ${T(lang, 'fixHeld')}\n`);
  if (r.dryRun && r.diff) out.write(r.diff);
  return r.notApplied.length;
}
