// `govreport check`: findings as text, JSON or SARIF; --fix applies the safe fixes.
import { parseSize } from '../../io/regularFile';
import { printableName } from '../../io/names';
import type { Severity } from '../../model';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { U } from '../messages';
import { findingsOf, runBatch, writeProblems, type Batch, type FileResult } from '../batch';
import { toSarif } from '../sarif';
import { readStdin, stdinLimit } from '../stdin';
import { T, summaryLine } from '../text';
import type { Lang } from '../../i18n';
import { allowed } from '../../fix';
import { fixPolicy, parseFixTypes, writeChanges } from '../fixes';
import { describeLocation, locate } from '../../io/readers/source';
import { ruleDocLocation } from '../ruleDocs';

export default defineCommand({
  name: 'check',
  summary: { zh: '检查报告，列出问题（退出码：0 无错误，1 有错误级问题，2 用法错误或文件无法读取）', en: 'check reports and list the problems (exit 0 no errors, 1 errors remain, 2 usage error or unreadable file)' },
  operands: 'FILES|DIRS…',
  options: [
    { name: 'format', short: 'f', type: 'string', choices: ['text', 'json', 'sarif'], value: 'text|json|sarif', help: { zh: '输出格式（默认 text）', en: 'output format (default text)' } },
    { name: 'fix', type: 'boolean', help: { zh: '应用不改动统计数字的安全修复并写回文件，逐条列出修改', en: 'apply the safe fixes that change no statistic, write the files back and list each change' } },
    { name: 'fix-type', type: 'string', value: 'text,numbers', help: { zh: '要应用的修复类型（逗号分隔）；numbers = 改动统计数字的修复，默认不应用', en: 'the kinds of fix to apply (comma-separated); numbers = fixes that change a statistic, not applied by default' } },
    { name: 'fix-dry-run', type: 'boolean', help: { zh: '列出将做的修改并打印 diff，不写文件', en: 'list the changes and print a unified diff, write nothing' } },
    { name: 'diff', type: 'boolean', help: { zh: '只打印修改的 diff，不写文件', en: 'print only the unified diff of the fixes, write nothing' } },
    { name: 'config', short: 'c', type: 'string', value: 'FILE', help: { zh: '使用这个配置文件，不再查找 .govreportrc.json', en: 'use this configuration file instead of finding .govreportrc.json' } },
    { name: 'max-file-size', type: 'string', value: 'SIZE', help: { zh: '读取报告的大小上限，如 256M、1G（默认 256M）', en: 'the largest report read, e.g. 256M or 1G (default 256M)' } },
    { name: 'quiet', short: 'q', type: 'boolean', help: { zh: '只列出错误级问题', en: 'list errors only' } },
    { name: 'stdin', type: 'boolean', help: { zh: '从标准输入读取一份报告', en: 'read one report from standard input' } },
    { name: 'stdin-filename', type: 'string', value: 'FILE', help: { zh: '--stdin 内容的文件名（用于输出和查找配置）', en: 'the file name of the --stdin text (for the output and the configuration lookup)' } },
  ],
  async run({ values, positionals }, ctx) {
    const { lang, out, err } = ctx;
    const stdinName = values['stdin-filename'] as string | undefined;
    if (values.stdin) {
      if (positionals.length > 0) throw new UsageError(U('stdinWithFiles'));
      if (values.fix) throw new UsageError(U('stdinFix'));
    } else if (stdinName !== undefined) throw new UsageError(U('stdinFilenameAlone'));
    else if (positionals.length === 0) throw new UsageError(U('noInputs'));
    let stdin: { bytes: Uint8Array; name: string } | undefined;
    if (values.stdin) {
      const read = await readStdin(ctx.stdin, stdinLimit(values['max-file-size']));
      if (!read.ok) { err.write(`govreport: ${read.error[lang]}\n`); return 2; }
      stdin = { bytes: read.bytes, name: stdinName ?? '<stdin>' };
    }
    const dryRun = values['fix-dry-run'] === true || values.diff === true;
    const fix = values.fix === true || dryRun;
    const fixTypes = values['fix-type'] === undefined ? undefined : parseFixTypes(values['fix-type'] as string, undefined, (m) => new UsageError({ zh: m, en: m }));
    if (fixTypes && !fix) throw new UsageError({ zh: '--fix-type 需与 --fix、--fix-dry-run 或 --diff 同用', en: '--fix-type needs --fix, --fix-dry-run or --diff' });
    const sizeArg = values['max-file-size'] as string | undefined;
    const maxFileSize = sizeArg === undefined ? undefined : parseSize(sizeArg);
    if (sizeArg !== undefined && maxFileSize === undefined) throw new UsageError({ en: `--max-file-size must be a size such as 268435456, 256M or 1G (got ${sizeArg})`, zh: `--max-file-size 应为大小，如 268435456、256M 或 1G（现为 ${sizeArg}）` });
    const b = await runBatch(positionals, { lang, fix, fixTypes, dryRun, diff: values.diff === true, configFile: values.config as string | undefined, stdin, maxFileSize });
    writeProblems(b, lang, err);
    if (b.configProblems.length > 0) return 2;
    const format = (values.format as string | undefined) ?? 'text';
    if (values.diff) { for (const r of b.results) out.write(r.fixes?.diff ?? ''); }
    else if (format === 'json') out.write(JSON.stringify(b.results.map(toJson), null, 2) + '\n');
    else if (format === 'sarif') out.write(JSON.stringify(toSarif(b.results.map((r) => ({ file: r.file, findings: findingsOf(r), error: r.error, fixes: r.fixes, notices: r.note ? [r.note] : [], writeNotices: r.notices, source: r.source })), lang), null, 2) + '\n');
    else writeText(b, lang, values.quiet === true, fix, dryRun, fixTypes, out);
    if (b.unreadable > 0) return 2;
    return b.results.some((r) => findingsOf(r).some((f) => f.severity === 'error')) ? 1 : 0;
  },
});

function toJson(r: FileResult) {
  if (!r.result) return { file: r.file, error: r.error };
  return {
    file: r.file,
    format: r.result.format,
    year: r.result.year ?? null,
    ...(r.fixed ? { fixed: r.fixed } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.fixes ? r.fixes.json() : {}),
    notices: r.note ? [r.note] : [],
    ...(r.notices ? { writeNotice: r.notices[0] } : {}),
    diagnostics: findingsOf(r).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
      fixable: f.fixes.some((x) => allowed(x, fixPolicy(undefined, r.config))),
      ...(r.source ? { location: locate(r.source, f.range.start.line, f.range.start.character) } : {}),
    })),
  };
}

function writeText(b: Batch, lang: Lang, quiet: boolean, didFix: boolean, dryRun: boolean, fixTypes: string[] | undefined, out: NodeJS.WritableStream): void {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let files = 0;
  let fixed = 0;
  let fixable = 0;
  let held = 0;
  const shown = new Set<string>();
  for (const r of b.results) {
    const name = printableName(r.file);
    if (r.error) out.write(`${name}: ${T(lang, 'error')}: ${r.error}\n`);
    if (!r.result) continue;
    files++;
    fixed += dryRun ? r.fixes?.applied.length ?? 0 : r.fixed ?? 0;
    if (!quiet) out.write(`${name}: ${T(lang, 'formatNote', { format: r.result.format, year: r.result.year ?? '?' })}${r.fixed ? ` · ${T(lang, 'fixedN', { n: r.fixed })}` : ''}${r.note ? ` · ${r.note}` : ''}\n`);
    if (r.fixes) held += writeChanges(r.fixes, lang, out);
    for (const f of findingsOf(r)) {
      count[f.severity]++;
      if (f.fixes.some((x) => allowed(x, fixPolicy(fixTypes, r.config)))) fixable++;
      if (quiet && f.severity !== 'error') continue;
      const loc = r.source && locate(r.source, f.range.start.line, f.range.start.character);
      out.write(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1}${loc ? `（${describeLocation(loc, lang)}）` : ''}  ${T(lang, f.severity)}  ${f.message}  [${f.rule}]\n`);
      shown.add(f.rule);
    }
  }
  // Each rule's page once, after every file's findings (the editor links each diagnostic to it); not with --quiet.
  if (!quiet) writeRulePages([...shown].sort(), lang, out);
  out.write(summaryLine(lang, count, files, b.results.filter((r) => r.error).length, fixed, fixable, didFix, b.skipped, dryRun) + (held ? T(lang, 'heldN', { n: held }) : '') + '\n');
}

function writeRulePages(rules: string[], lang: Lang, out: NodeJS.WritableStream): void {
  const pages = rules.map((id) => [id, ruleDocLocation(id)] as const).filter((x): x is readonly [string, string] => x[1] !== undefined);
  if (pages.length === 0) return;
  const width = Math.max(...pages.map(([id]) => id.length)) + 2;
  out.write(`${T(lang, 'rulePages')}\n${pages.map(([id, at]) => `  ${`[${id}]`.padEnd(width + 2)}${at}\n`).join('')}`);
}
