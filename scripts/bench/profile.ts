// CPU profiles of the benchmark's hot paths, summarised with source-mapped functions and lines:
//   1. warm in-process checks of the 1,000 typical reports
//   2. the CLI over the 1,000-report folder (dist/cli.js, as shipped)
//   3. growth with size: prefixes of the 10 MiB document, and a profile of the largest that finishes
//   4. call counts per report of the core's matching functions (instrumented build, not timed)
// Writes .bench/profiles/*.cpuprofile (open in Chrome DevTools / VS Code) and .bench/profile.md.
//
//   npm run bench:profile          (or: npm run bench -- --profile, after the table)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { MIB, ensureCorpus, type Manifest } from './corpus';
import { BENCH, BUILD, CORPUS, ROOT, SAMPLES, buildChildren, buildDist, pinned, run, runJson } from './util';
import { SERVER_EXEC_ARGV } from '../../client/src/serverArgs';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface PNode { id: number; callFrame: CallFrame; children?: number[]; positionTicks?: { line: number; ticks: number }[] }
interface CpuProfile { nodes: PNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

interface Where { source: string; line: number }

/** Maps generated positions of a bundle back to the TypeScript sources through its .map file. */
class Mapper {
  private maps = new Map<string, { sm?: SourceMap; dir: string; lines: string[] }>();
  private sources = new Map<string, string[]>();
  private get(url: string) {
    let m = this.maps.get(url);
    if (!m) {
      const file = url.startsWith('file://') ? new URL(url).pathname : url;
      const mapFile = `${file}.map`;
      let sm: SourceMap | undefined;
      let lines: string[] = [];
      try {
        if (fs.existsSync(mapFile)) sm = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
        lines = fs.readFileSync(file, 'utf8').split('\n');
      } catch { /* not a file we can map */ }
      m = { sm, dir: path.dirname(mapFile), lines };
      this.maps.set(url, m);
    }
    return m;
  }
  /** line/column are 0-based; column undefined = first non-blank column of that generated line. */
  map(url: string, line: number, column?: number): Where {
    if (!url) return { source: '', line: 0 };
    const m = this.get(url);
    const col = column ?? Math.max(0, (m.lines[line] ?? '').search(/\S/));
    const e = m.sm?.findEntry(line, col) as { originalSource?: string; originalLine?: number } | undefined;
    if (e?.originalSource !== undefined && e.originalLine !== undefined) {
      const src = e.originalSource.startsWith('file://') ? new URL(e.originalSource).pathname : path.resolve(m.dir, e.originalSource);
      return { source: path.relative(ROOT, src), line: e.originalLine + 1 };
    }
    return { source: path.relative(ROOT, url.replace(/^file:\/\//, '')) || url, line: line + 1 };
  }
  text(w: Where): string {
    let lines = this.sources.get(w.source);
    if (!lines) {
      try { lines = fs.readFileSync(path.join(ROOT, w.source), 'utf8').split('\n'); } catch { lines = []; }
      this.sources.set(w.source, lines);
    }
    return (lines[w.line - 1] ?? '').trim();
  }
}

export interface Summary {
  totalMs: number;
  self: { fn: string; ms: number; pct: number }[];
  inclusive: { fn: string; ms: number; pct: number }[];
  lines: { where: string; ms: number; pct: number; code: string }[];
}

export function summarize(file: string, top = 15): Summary {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const mapper = new Mapper();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const keyOf = new Map<number, string>();
  const key = (n: PNode) => {
    let k = keyOf.get(n.id);
    if (k === undefined) {
      const cf = n.callFrame;
      const name = cf.functionName || '(anonymous)';
      if (!cf.url) k = name;
      else {
        const w = mapper.map(cf.url, cf.lineNumber, cf.columnNumber);
        k = `${name} (${w.source}:${w.line})`;
      }
      keyOf.set(n.id, k);
    }
    return k;
  };
  const self = new Map<string, number>();
  const lineMs = new Map<string, { ms: number; where: { source: string; line: number } }>();
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    if (!us) continue;
    self.set(key(n), (self.get(key(n)) ?? 0) + us);
    const ticks = n.positionTicks ?? [];
    const sum = ticks.reduce((a, t) => a + t.ticks, 0);
    for (const t of ticks) {
      const w = mapper.map(n.callFrame.url, t.line - 1);
      const k = `${w.source}:${w.line}`;
      const e = lineMs.get(k) ?? { ms: 0, where: w };
      e.ms += (us * t.ticks) / sum;
      lineMs.set(k, e);
    }
  }
  // Inclusive time: a node's self time counts once for every distinct function on its stack.
  const incl = new Map<string, number>();
  const root = p.nodes[0];
  const stack: { n: PNode; keys: Set<string> }[] = [{ n: root, keys: new Set([key(root)]) }];
  while (stack.length) {
    const { n, keys } = stack.pop()!;
    const us = selfUs.get(n.id) ?? 0;
    if (us) for (const k of keys) incl.set(k, (incl.get(k) ?? 0) + us);
    for (const c of n.children ?? []) {
      const child = byId.get(c)!;
      const ks = new Set(keys);
      ks.add(key(child));
      stack.push({ n: child, keys: ks });
    }
  }
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => ({ fn, ms: us / 1000, pct: (100 * us) / total }));
  return {
    totalMs: total / 1000,
    self: rows(self),
    inclusive: rows(new Map([...incl].filter(([k]) => k.includes('server/src/') || k.includes('scripts/bench/')))),
    lines: [...lineMs.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map((e) => ({ where: `${e.where.source}:${e.where.line}`, ms: e.ms / 1000, pct: (100 * e.ms) / total, code: mapper.text(e.where).slice(0, 110) })),
  };
}

function renderSummary(title: string, s: Summary): string {
  const f = (x: number) => x.toFixed(1);
  const out = [`### ${title}`, '', `Sampled CPU time: ${f(s.totalMs)} ms.`, '', 'Self time (top functions):', '', '| self ms | % | function (source) |', '|---:|---:|---|'];
  for (const r of s.self) out.push(`| ${f(r.ms)} | ${f(r.pct)} | \`${r.fn}\` |`);
  out.push('', 'Inclusive time (core functions, incl. callees):', '', '| total ms | % | function (source) |', '|---:|---:|---|');
  for (const r of s.inclusive) out.push(`| ${f(r.ms)} | ${f(r.pct)} | \`${r.fn}\` |`);
  out.push('', 'Hot lines (self time):', '', '| ms | % | line | code |', '|---:|---:|---|---|');
  for (const r of s.lines) out.push(`| ${f(r.ms)} | ${f(r.pct)} | ${r.where} | \`${r.code.replace(/\|/g, '\\|').replace(/`/g, "'")}\` |`);
  return out.join('\n');
}

export async function profile(opts: { log?: (s: string) => void } = {}): Promise<string> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`[profile] ${s}\n`));
  await buildChildren({ counted: true });
  const manifest: Manifest = ensureCorpus(BENCH, SAMPLES, { log });
  const dir = path.join(BENCH, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const node = process.execPath;
  const prof = (name: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`, '--cpu-prof-interval=200'];
  const sections: string[] = [`# govreport profile — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, ''];

  // 1. Warm in-process checks.
  log('profiling in-process checks of the typical reports');
  const loop = await run(...pinned(node, [...prof('typical'), path.join(BUILD, 'inproc.js'), 'loop', CORPUS, '1']), { timeoutMs: 180_000 });
  if (loop.code === 0) sections.push(renderSummary(`In-process: checkText over the ${manifest.reports.length} typical reports (${loop.stdout.trim()})`, summarize(path.join(dir, 'typical.cpuprofile'))), '');
  else sections.push(`In-process profile failed: ${loop.stderr.slice(0, 300)}`, '');

  // 2. The CLI (same sources as dist/cli.js, bundled unminified with a source map).
  log('profiling the CLI over the folder');
  const cli = await run(...pinned(node, [...prof('cli'), path.join(BUILD, 'cli.js'), 'check', '--format', 'json', path.join(CORPUS, 'reports')]), { timeoutMs: 180_000, stdoutFile: path.join(dir, 'cli.stdout') });
  if (cli.code === 0 || cli.code === 1) sections.push(renderSummary(`CLI: govreport check --format json over ${manifest.reports.length} reports (${(cli.ms / 1000).toFixed(2)} s wall)`, summarize(path.join(dir, 'cli.cpuprofile'))), '');
  else sections.push(`CLI profile failed: ${cli.stderr.slice(0, 300)}`, '');

  // 2b. What the CLI's fresh process spends on V8's compilers: each tier's steady cost per report,
  // and the optimizing compiler's jobs (they run on a background thread; pinned to one core they
  // take the checker's time).
  log('measuring the JIT warm-up of a fresh process');
  const tiers: string[] = ['### JIT warm-up: a fresh process checking the 1000 reports, ms per report by block of 100 (pinned to one core)', '', '| V8 tiers | ms per report, blocks 1…10 |', '|---|---|'];
  const tiersTried: [string, string[]][] = [
    ['all (default: Ignition → Sparkplug → TurboFan)', []],
    ['all, TurboFan inlining budget 150 (what bin/govreport.js sets)', ['--max-inlined-bytecode-size-cumulative=150']],
    ['Ignition + Sparkplug (--max-opt=1)', ['--max-opt=1']],
    ['Ignition only (--max-opt=0)', ['--max-opt=0']],
  ];
  for (const [label, flags] of tiersTried) {
    const c = await runJson<{ msPerReport: number[] }>(...pinned(node, [...flags, path.join(BUILD, 'inproc.js'), 'curve', CORPUS]), 180_000);
    tiers.push(`| ${label} | ${c.value ? c.value.msPerReport.map((x) => x.toFixed(2)).join(' · ') : 'failed'} |`);
  }
  const traced = await run(node, ['--max-inlined-bytecode-size-cumulative=150', '--trace-opt', '--trace-deopt', path.join(BUILD, 'cli.js'), 'check', '--format', 'json', path.join(CORPUS, 'reports')], { timeoutMs: 180_000 });
  const jobs = [...traced.stdout.matchAll(/completed compiling .*<JSFunction ([^ >]*).*took ([\d.]+), ([\d.]+), ([\d.]+) ms/g)];
  const jobMs = jobs.reduce((a, m) => a + Number(m[2]) + Number(m[3]) + Number(m[4]), 0);
  const deopts = (traced.stdout.match(/bailout \(kind: deopt-(eager|lazy|soft)/g) ?? []).length;
  const byFn = new Map<string, number>();
  for (const m of jobs) byFn.set(m[1], (byFn.get(m[1]) ?? 0) + Number(m[3]));
  const top = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, t]) => `${f} ${t.toFixed(0)}`).join(', ');
  tiers.push('', `One CLI run with the CLI's inlining budget (not pinned, --trace-opt): ${jobs.length} TurboFan jobs taking ${jobMs.toFixed(0)} ms in all, ${deopts} deoptimisations; longest by function (ms): ${top}.`);
  sections.push(tiers.join('\n'), '');

  // 3. Growth with size.
  const big = manifest.big.find((b) => b.bytes > 5 * MIB) ?? manifest.big[manifest.big.length - 1];
  const bigFile = path.join(CORPUS, big.file);
  const sizes = [MIB / 4, MIB / 2, MIB, 2 * MIB, 4 * MIB, 10 * MIB];
  log('measuring growth with document size');
  const sc = await runJson<{ sizes: { bytes: number; ms: number }[] }>(...pinned(node, [path.join(BUILD, 'inproc.js'), 'scale', CORPUS, bigFile, sizes.join(','), '15000']), 150_000);
  const growth: string[] = ['### Growth with document size (prefixes of the 10 MiB document, one warm run each)', '', '| size | check ms | ms per MiB | ×time vs previous | ×size vs previous | local exponent |', '|---:|---:|---:|---:|---:|---:|'];
  const pts = sc.value?.sizes ?? [];
  pts.forEach((p, i) => {
    const prev = pts[i - 1];
    const e = prev ? Math.log(p.ms / prev.ms) / Math.log(p.bytes / prev.bytes) : NaN;
    growth.push(`| ${(p.bytes / MIB).toFixed(2)} MiB | ${p.ms.toFixed(0)} | ${(p.ms / (p.bytes / MIB)).toFixed(0)} | ${prev ? (p.ms / prev.ms).toFixed(2) : ''} | ${prev ? (p.bytes / prev.bytes).toFixed(2) : ''} | ${prev ? e.toFixed(2) : ''} |`);
  });
  if (!sc.value) growth.push('', `(did not finish: ${sc.run.timedOut ? 'timed out' : sc.run.stderr.slice(0, 200)})`);
  sections.push(growth.join('\n'), '');
  // Profile the largest prefix that took at most ~8 s.
  const target = [...pts].reverse().find((p) => p.ms <= 8000) ?? pts[0];
  if (target) {
    log(`profiling a ${(target.bytes / MIB).toFixed(2)} MiB document`);
    const r = await run(...pinned(node, [...prof('big'), path.join(BUILD, 'inproc.js'), 'scale', CORPUS, bigFile, String(target.bytes), '60000']), { timeoutMs: 120_000 });
    if (r.code === 0) sections.push(renderSummary(`In-process: one ${(target.bytes / MIB).toFixed(2)} MiB document (after warm-up on typical reports)`, summarize(path.join(dir, 'big.cpuprofile'))), '');
  }

  // 4. Call counts (instrumented build; the wrappers make it slower, so nothing here is timed).
  log('counting calls (instrumented build)');
  const counted = path.join(BENCH, 'build-counted');
  const c1 = await runJson<{ reports: number; perReport: Record<string, number> }>(node, [path.join(counted, 'inproc.js'), 'counts', CORPUS], 180_000);
  const c2 = await run(node, [path.join(counted, 'cli.js'), 'check', '--format', 'json', path.join(CORPUS, 'reports')], { timeoutMs: 180_000, stdoutFile: path.join(dir, 'cli-counted.stdout') });
  const cliCounts = JSON.parse(/__benchCounts (.*)/.exec(c2.stderr)?.[1] ?? '{}') as Record<string, number>;
  const countRows = ['### Calls of core functions', '', `| function | calls per typical report (checkText) | calls in one CLI run over ${manifest.reports.length} reports |`, '|---|---:|---:|'];
  const names = new Set([...Object.keys(c1.value?.perReport ?? {}), ...Object.keys(cliCounts)]);
  for (const k of [...names].sort((a, b) => (cliCounts[b] ?? 0) - (cliCounts[a] ?? 0)).slice(0, 30)) countRows.push(`| \`${k}\` | ${c1.value?.perReport[k]?.toLocaleString('en-US') ?? ''} | ${cliCounts[k]?.toLocaleString('en-US') ?? ''} |`);
  sections.push(countRows.join('\n'), '');

  // 5. Memory: heap retained per cached check result, and the server's RSS with a smaller young generation.
  log('memory: retained heap per check result');
  const mem = await runJson<{ count: number; perReportBytes: number; textBytesPerReport: number; parts: { part: string; bytes: number }[]; leftover: number }>(node, ['--expose-gc', path.join(BUILD, 'inproc.js'), 'memory', CORPUS, '100'], 120_000);
  const memRows = ['### Memory', ''];
  if (mem.value) {
    const kib = (b: number) => (b / 1024).toFixed(1);
    memRows.push(`Heap retained by ${mem.value.count} check results (the server caches the few most recently used): **${kib(mem.value.perReportBytes)} KiB per report** `
      + `(its text alone: ${kib(mem.value.textBytesPerReport)} KiB as a two-byte string) → ${((mem.value.perReportBytes * 100) / 1048576).toFixed(1)} MiB for 100 reports.`, '',
      'Freed when each part is dropped in turn (later parts exclude what earlier ones shared):', '', '| part | KiB per report |', '|---|---:|');
    for (const p of mem.value.parts) memRows.push(`| ${p.part} | ${kib(p.bytes)} |`);
    memRows.push(`| (not freed: shared with the source text / caches) | ${kib(mem.value.leftover)} |`);
  } else memRows.push(`(memory measurement failed: ${mem.run.stderr.slice(0, 200)})`);
  const serverJs = path.join(ROOT, 'dist', 'server.js');
  if (fs.existsSync(serverJs)) {
    log('memory: server RSS by node flags');
    memRows.push('', 'Server RSS with 100 open reports (push mode, 20 edits), by V8 flags given to the server process (the last row is what the VS Code client uses, client/src/serverArgs.ts):', '', '| node flags | RSS idle | RSS 100 reports | peak |', '|---|---:|---:|---:|');
    const keepTurbofan = ['--max-semi-space-size=1', '--no-allocation-site-pretenuring', '--optimize-for-size'];
    for (const flags of [[], ['--max-semi-space-size=1'], keepTurbofan, [...SERVER_EXEC_ARGV]]) {
      const r = await runJson<{ idleRssMiB: number; rssMiB: number; hwmMiB: number }>(...pinned(node, [path.join(BUILD, 'lsp.js'), 'push', serverJs, CORPUS, '20', '100', '--pin', ...flags.map((f) => `--node-arg=${f}`)], 1), 120_000);
      memRows.push(r.value ? `| ${flags.join(' ') || '(none)'} | ${r.value.idleRssMiB.toFixed(1)} MiB | ${r.value.rssMiB.toFixed(1)} MiB | ${r.value.hwmMiB.toFixed(1)} MiB |` : `| ${flags.join(' ')} | failed | | |`);
    }
  }
  sections.push(memRows.join('\n'), '');

  const md = sections.join('\n');
  fs.writeFileSync(path.join(BENCH, 'profile.md'), md);
  process.stdout.write(`\n${md}\n`);
  log(`profiles in ${path.relative(ROOT, dir)}/ (open the .cpuprofile files in Chrome DevTools or VS Code); summary in .bench/profile.md`);
  return md;
}

if (require.main === module) {
  (async () => {
    if (!process.argv.includes('--no-build')) await buildDist();
    await profile();
  })().catch((e) => { process.stderr.write(`profile: ${e?.stack ?? e}\n`); process.exitCode = 1; });
}
