// The common part of `check` and `export`: expand the inputs, find every file's configuration (and
// stop before checking anything when one is broken), read, decode, optionally fix, check, and run
// the cross-report carryover check. Commands only format what this returns.
import * as path from 'node:path';
import { checkText, type CheckResult } from '../check';
import { fixAll } from '../fix';
import { mergeConfigs, type GovreportConfig } from '../config';
import { reportText } from '../io/source-file';
import type { LineSource } from '../io/readers/source';
import { expandInputs, readFileBytes, type InputEntry } from '../io/files';
import { DEFAULT_REPORT_LIMIT } from '../io/regularFile';
import { writeFixed, type Notice } from '../io/writeBack';
import type { Lang } from '../i18n';
import type { Finding } from '../model';
import { carryFacts, checkCarryover, indexFacts, type CarryFacts } from '../rules/carryover-mismatch';
import { ConfigFinder } from './configFinder';
import { fixPolicy, fixReport, type FixReport } from './fixes';
import { T } from './text';
import { changesInOriginal, findingsInOriginal } from './dry-run-positions';

/** What is kept of a checked file until the end of the run: findings and a few facts, not the parse. */
export interface Kept {
  findings: Finding[];
  ruleErrors: CheckResult['ruleErrors'];
  format: string;
  year?: number;
  facts?: CarryFacts;
  report?: CheckResult['report'];
}

export interface FileResult {
  file: string;
  result?: Kept;
  config?: GovreportConfig;
  error?: string;
  fixed?: number;
  note?: string;
  /** Why a fix was not written (read-only, changed meanwhile, lossy encoding…), for every output format. */
  notices?: Notice[];
  /** With --fix, --fix-dry-run or --diff: the changes made (or that would be), and the numeric ones held back. */
  fixes?: FixReport;
  carry: Finding[];
  /** Where each line of an extracted .docx/.html/.pdf report came from. */
  source?: LineSource[];
}

export interface BatchOptions {
  lang: Lang;
  fix?: boolean;
  /** --fix-type: the kinds of fix to apply (default: text, and numbers when the configuration allows). */
  fixTypes?: string[];
  /** --fix-dry-run / --diff: compute and report the fixes, write nothing. */
  dryRun?: boolean;
  diff?: boolean;
  /** --config: replaces discovery. */
  configFile?: string;
  /** Keep each parsed report (export needs the tables). */
  keepReports?: boolean;
  /** --max-file-size: the largest report read (else the config's "maxFileSize", else 256 MiB). */
  maxFileSize?: number;
  /** A report read from standard input instead of files; `name` is what the output calls it. */
  stdin?: { bytes: Uint8Array; name: string };
}

export interface Batch {
  results: FileResult[];
  unreadable: number;
  skipped: number;
  /** Problems in a configuration file; when there is any, nothing was checked. */
  configProblems: string[];
  /** Configurations ignored as untrusted (written by other users). */
  configWarnings: string[];
}

export function findingsOf(r: FileResult): Finding[] {
  return [...(r.result?.findings ?? []), ...r.carry];
}

export async function runBatch(inputs: string[], o: BatchOptions): Promise<Batch> {
  const finder = new ConfigFinder(o.lang);
  const explicit = o.configFile ? finder.load(path.resolve(o.configFile)) : undefined;
  // 1. Every input and its configuration first: a broken configuration stops the run before any file is checked (or fixed).
  const entries: InputEntry[] = [];
  if (o.stdin) entries.push({ path: o.stdin.name });
  else for await (const e of expandInputs(inputs)) entries.push(e);
  const configs = entries.map((e) => ('error' in e || o.configFile ? explicit : finder.find(path.dirname(path.resolve(e.path))).config));
  const batch: Batch = { results: [], unreadable: 0, skipped: 0, configProblems: finder.problems, configWarnings: finder.warnings };
  if (finder.problems.length > 0) return batch;

  const explicitInputs = new Set(inputs.map((i) => path.resolve(i)));
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const fail = (file: string, error: string) => { batch.unreadable++; batch.results.push({ file, error, carry: [] }); };
    if ('error' in entry) { fail(entry.path, entry.error[o.lang]); continue; }
    const limit = o.maxFileSize ?? configs[i]?.maxFileSize ?? DEFAULT_REPORT_LIMIT;
    const bytes = o.stdin ? { ok: true as const, bytes: Buffer.from(o.stdin.bytes), stamp: { dev: 0, ino: 0, size: o.stdin.bytes.length, mtimeMs: 0 } } : readFileBytes(entry.fsPath ?? entry.path, limit);
    if (!bytes.ok) { fail(entry.path, bytes.error[o.lang]); continue; }
    const decoded = o.stdin ? await reportText('', bytes.bytes) : await reportText(entry.path, bytes.bytes);
    if (!decoded.ok) { fail(entry.path, decoded.message[o.lang]); continue; }
    const config = mergeConfigs(configs[i]);
    const opts = { uri: entry.path, lang: o.lang, config };
    let text = decoded.text;
    const r: FileResult = { file: entry.path, carry: [], source: decoded.source?.lines };
    // Fixes are never written into a Word, web or PDF file: `convert` makes an editable text report.
    if (o.fix && decoded.source) r.note = T(o.lang, 'fixSkippedSource');
    else if (o.fix) {
      const fixed = fixAll(text, opts, undefined, undefined, fixPolicy(o.fixTypes, config));
      r.fixes = fixReport(entry.path, text, fixed, o.dryRun === true, o.diff === true);
      if (o.dryRun) text = fixed.text;
      else if (fixed.text !== text) {
        const w = writeFixed(entry.fsPath ?? entry.path, bytes, decoded, fixed.text);
        if (w.written) {
          r.fixed = fixed.applied;
          text = fixed.text;
        } else {
          batch.unreadable++;
          r.error = w.notice[o.lang];
          r.notices = [w.notice];
          r.fixes.applied = [];
        }
      }
    }
    const checked = checkText(text, opts);
    if (r.fixes) r.fixes.held(checked.findings, text, fixPolicy(o.fixTypes, config));
    // Inside a folder, a text file that is not a report at all (a README, notes) is skipped, not flagged.
    if (checked.report.notAReport && !o.stdin && !explicitInputs.has(path.resolve(entry.path))) { batch.skipped++; continue; }
    const rep = checked.report;
    r.result = { findings: checked.findings, ruleErrors: checked.ruleErrors, format: rep.format, year: rep.year?.value, facts: carryFacts(rep), report: o.keepReports ? rep : undefined };
    r.config = config;
    batch.results.push(r);
  }

  // carryover-mismatch needs last year's report of the same agency among the inputs.
  const checked = batch.results.filter((r) => r.result);
  const index = indexFacts(checked.map((r) => r.result!.facts));
  for (const r of checked) r.carry = checkCarryover(r.result!.facts, index, o.lang, r.config);
  if (o.dryRun) for (const r of checked) placeInOriginal(r);
  return batch;
}

/** Reports configuration problems and rule crashes on stderr. */
export function writeProblems(b: Batch, lang: Lang, err: NodeJS.WritableStream): void {
  for (const p of b.configProblems) err.write(`govreport: ${T(lang, 'badConfig')}: ${p}\n`);
  for (const p of b.configWarnings) err.write(`govreport: ${p}\n`);
  for (const r of b.results) for (const e of r.result?.ruleErrors ?? []) err.write(`govreport: ${r.file}: rule ${e.rule} failed: ${e.error}\n`);
}

/** A dry run wrote nothing: what is left is shown where it is in the file as read (see dry-run-positions.ts). */
function placeInOriginal(r: FileResult): void {
  if (!r.fixes || !r.result || r.fixes.applied.length === 0) return;
  const map = r.fixes.toOriginal;
  r.result.findings = findingsInOriginal(r.result.findings, map);
  r.carry = findingsInOriginal(r.carry, map);
  r.fixes.notApplied = changesInOriginal(r.fixes.notApplied, map);
}
