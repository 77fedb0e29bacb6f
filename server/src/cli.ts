// `govreport check|export|rules`: the same core as the editor, over files and folders.
import * as path from 'node:path';
import { checkText, type CheckResult } from './check';
import { fixAll } from './fix';
import { mergeConfigs, type GovreportConfig } from './config';
import { decodeReport } from './io/decode';
import { expandInputs, readFileBytes } from './io/files';
import { ConfigFiles, type ConfigNotice } from './io/configFile';
import { DEFAULT_REPORT_LIMIT, parseSize } from './io/regularFile';
import { writeFixed, type Notice } from './io/writeBack';
import { printableName } from './io/names';
import { guardOutput } from './io/output';
import type { Lang } from './i18n';
import { langFromLocale } from './i18n';
import { allRules } from './rules';
import { carryFacts, checkCarryover, indexFacts, type CarryFacts } from './rules/carryover-mismatch';
import type { Finding, Severity } from './model';
import { toSarif } from './cli/sarif';
import { exportTables } from './cli/export';
import { T, summaryLine } from './cli/text';

const VERSION = '0.1.0';

interface Options {
  command: 'check' | 'export' | 'rules' | 'help' | 'version';
  format: string;
  fix: boolean;
  config?: string;
  lang: Lang;
  quiet: boolean;
  maxFileSize?: number;
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const envLang = langFromLocale(process.env.GOVREPORT_LANG ?? process.env.LC_ALL ?? process.env.LANG);
  const o: Options = { command: 'check', format: '', fix: false, lang: envLang === 'en' && process.env.GOVREPORT_LANG ? 'en' : 'zh', quiet: false, inputs: [] };
  const args = [...argv];
  const first = args[0];
  if (first === 'check' || first === 'export' || first === 'rules' || first === 'help') { o.command = first; args.shift(); }
  else if (first === '--help' || first === '-h') return { ...o, command: 'help' };
  else if (first === '--version' || first === '-v') return { ...o, command: 'version' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a}: missing value`);
      return v;
    };
    if (a === '--fix') o.fix = true;
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a.startsWith('--format') || a === '-f') o.format = value();
    else if (a.startsWith('--config') || a === '-c') o.config = value();
    else if (a.startsWith('--max-file-size')) {
      const v = value();
      o.maxFileSize = parseSize(v);
      if (o.maxFileSize === undefined) throw new UsageError(`--max-file-size must be a size such as 268435456, 256M or 1G (got ${v})`);
    }
    else if (a.startsWith('--lang')) {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang must be zh or en (got ${v})`);
      o.lang = v;
    } else if (a === '--help' || a === '-h') o.command = 'help';
    else if (a === '--version') o.command = 'version';
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.inputs.push(a);
  }
  const formats = o.command === 'export' ? ['', 'csv', 'json'] : ['', 'text', 'json', 'sarif'];
  if (!formats.includes(o.format)) throw new UsageError(`--format must be one of ${formats.filter(Boolean).join('|')} (got ${o.format})`);
  return o;
}

const HELP = `govreport ${VERSION} — 政府信息公开工作年度报告检查工具

用法 / Usage:
  govreport check [--format text|json|sarif] [--fix] [--config FILE] [--max-file-size 256M] [--lang zh|en] FILES|DIRS…
  govreport export [--format csv|json] FILES|DIRS…
  govreport rules [--lang zh|en]

退出码 / Exit codes: 0 无错误 no errors · 1 有错误级问题 errors remain · 2 用法错误或文件无法读取 usage error or unreadable file
`;

/** What is kept of a checked file until the end of the run: findings and a few facts, not the parse. */
interface Kept {
  findings: Finding[];
  ruleErrors: CheckResult['ruleErrors'];
  format: string;
  year?: number;
  facts?: CarryFacts;
  report?: CheckResult['report'];
}

interface FileResult {
  file: string;
  result?: Kept;
  config?: GovreportConfig;
  error?: string;
  fixed?: number;
  note?: string;
  /** Why a fix was not written (read-only, changed meanwhile, lossy encoding…), for every output format. */
  notices?: Notice[];
  carry: Finding[];
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    err.write(`govreport: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (out === process.stdout) guardOutput(out, err, o.lang);
  if (o.command === 'help') { out.write(HELP); return 0; }
  if (o.command === 'version') { out.write(`${VERSION}\n`); return 0; }
  if (o.command === 'rules') {
    for (const r of allRules) out.write(`${r.id.padEnd(20)} ${r.defaultSeverity.padEnd(8)} ${r.description[o.lang]}\n`);
    return 0;
  }
  if (o.inputs.length === 0) { err.write(`govreport: ${T(o.lang, 'noInputs')}\n\n${HELP}`); return 2; }

  const problems: string[] = [];
  const warnings: string[] = [];
  const onNotice = (n: ConfigNotice) => (n.kind === 'invalid' ? problems : warnings).push(`${printableName(n.file)}: ${n[o.lang]}`);
  const finder = new ConfigFiles({ onNotice });
  const explicit = o.config ? finder.load(path.resolve(o.config)) : undefined;
  const results: FileResult[] = [];
  let unreadable = 0;
  let skipped = 0;
  const explicitInputs = new Set(o.inputs.map((i) => path.resolve(i)));

  for await (const entry of expandInputs(o.inputs)) {
    if ('error' in entry) {
      unreadable++;
      results.push({ file: entry.path, error: entry.error[o.lang], carry: [] });
      continue;
    }
    const config = mergeConfigs(explicit ?? finder.find(path.dirname(path.resolve(entry.path))).config);
    const source = entry.fsPath ?? entry.path;
    const bytes = readFileBytes(source, o.maxFileSize ?? config.maxFileSize ?? DEFAULT_REPORT_LIMIT);
    if (!bytes.ok) { unreadable++; results.push({ file: entry.path, error: bytes.error[o.lang], carry: [] }); continue; }
    const decoded = decodeReport(bytes.bytes);
    if (!decoded.ok) { unreadable++; results.push({ file: entry.path, error: decoded.message[o.lang], carry: [] }); continue; }
    const opts = { uri: entry.path, lang: o.lang, config };
    let text = decoded.text;
    const r: FileResult = { file: entry.path, carry: [] };
    if (o.fix && o.command === 'check') {
      const fixed = fixAll(text, opts);
      if (fixed.text !== text) {
        const w = writeFixed(source, bytes, decoded, fixed.text);
        if (w.written) {
          r.fixed = fixed.applied;
          text = fixed.text;
        } else {
          unreadable++;
          r.error = w.notice[o.lang];
          r.notices = [w.notice];
        }
      }
    }
    const checked = checkText(text, opts);
    // Inside a folder, a text file that is not a report at all (a README, notes) is skipped, not flagged.
    if (checked.report.notAReport && !explicitInputs.has(path.resolve(entry.path))) { skipped++; continue; }
    const rep = checked.report;
    r.result = { findings: checked.findings, ruleErrors: checked.ruleErrors, format: rep.format, year: rep.year?.value, facts: carryFacts(rep), report: o.command === 'export' ? rep : undefined };
    r.config = config;
    results.push(r);
  }

  // carryover-mismatch needs last year's report of the same agency among the inputs.
  const checked = results.filter((r) => r.result);
  const index = indexFacts(checked.map((r) => r.result!.facts));
  for (const r of checked) r.carry = checkCarryover(r.result!.facts, index, o.lang, r.config);

  if (o.command === 'export') {
    out.write(exportTables(checked.map((r) => ({ file: r.file, report: r.result!.report! })), o.format === 'json' ? 'json' : 'csv'));
  } else {
    const format = o.format || 'text';
    if (format === 'json') out.write(JSON.stringify(results.map((r) => toJson(r)), null, 2) + '\n');
    else if (format === 'sarif') out.write(JSON.stringify(toSarif(results.map((r) => ({ file: r.file, findings: findingsOf(r), error: r.error })), o.lang), null, 2) + '\n');
    else writeText(results, o, out, skipped);
  }
  for (const p of problems) err.write(`govreport: ${T(o.lang, 'badConfig')}: ${p}\n`);
  for (const p of warnings) err.write(`govreport: ${p}\n`);
  for (const r of results) for (const e of r.result?.ruleErrors ?? []) err.write(`govreport: ${r.file}: rule ${e.rule} failed: ${e.error}\n`);
  if (unreadable > 0 || problems.length > 0) return 2;
  return results.some((r) => findingsOf(r).some((f) => f.severity === 'error')) ? 1 : 0;
}

function findingsOf(r: FileResult): Finding[] {
  return [...(r.result?.findings ?? []), ...r.carry];
}

function toJson(r: FileResult) {
  if (!r.result) return { file: r.file, error: r.error };
  return {
    file: r.file,
    format: r.result.format,
    year: r.result.year ?? null,
    ...(r.fixed ? { fixed: r.fixed } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.notices ? { notices: r.notices } : {}),
    diagnostics: findingsOf(r).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
      fixable: f.fixes.some((x) => x.safe),
    })),
  };
}

function writeText(results: FileResult[], o: Options, out: NodeJS.WritableStream, skipped: number): void {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let files = 0;
  let fixed = 0;
  let fixable = 0;
  for (const r of results) {
    const name = printableName(r.file);
    if (r.error) out.write(`${name}: ${T(o.lang, 'error')}: ${r.error}\n`);
    if (!r.result) continue;
    files++;
    fixed += r.fixed ?? 0;
    if (!o.quiet) out.write(`${name}: ${T(o.lang, 'formatNote', { format: r.result.format, year: r.result.year ?? '?' })}${r.fixed ? ` · ${T(o.lang, 'fixedN', { n: r.fixed })}` : ''}${r.note ? ` · ${r.note}` : ''}\n`);
    for (const f of findingsOf(r)) {
      count[f.severity]++;
      if (f.fixes.some((x) => x.safe)) fixable++;
      if (o.quiet && f.severity !== 'error') continue;
      out.write(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${T(o.lang, f.severity)}  ${f.message}  [${f.rule}]\n`);
    }
  }
  out.write(summaryLine(o.lang, count, files, results.filter((r) => r.error).length, fixed, fixable, o.fix, skipped) + '\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`govreport: ${e?.stack ?? e}\n`); process.exitCode = 2; });
}
