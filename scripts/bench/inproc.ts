// In-process timings of the core (bundled by run.ts into .bench/build/inproc.js, so it runs the
// same esbuild output as the CLI and the server). Prints one JSON object on stdout.
//
//   inproc typical <corpusDir> <budgetMs>   warm per-report check times over the 1,000 reports
//   inproc big <corpusDir> <file> <budgetMs> check time of one big document, warm, repeated
//   inproc scale <corpusDir> <file> <bytes,bytes,…> [capMs]  check time of growing prefixes of a big document
//   inproc memory <corpusDir> [count]        heap retained per check result, by part (--expose-gc)
//   inproc loop <corpusDir> <passes>        just runs the checks (for --cpu-prof)
//   inproc counts <corpusDir>               calls per report of instrumented core functions
//   inproc curve <corpusDir>                a fresh process's ms per report, by blocks of 100 (JIT warm-up)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/check';
import { parseReport } from '../../server/src/parse/parse';

interface Manifest { reports: { file: string; sample: string; bytes: number }[] }

function load(corpus: string): { texts: string[]; bytes: number[]; samples: string[] } {
  const m = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Manifest;
  return {
    texts: m.reports.map((r) => fs.readFileSync(path.join(corpus, r.file), 'utf8')),
    bytes: m.reports.map((r) => r.bytes),
    samples: m.reports.map((r) => r.sample),
  };
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const now = () => performance.now();

function typical(corpus: string, budgetMs: number) {
  const { texts, bytes, samples } = load(corpus);
  // Warm-up: every report once (JIT, inline caches, template caches), at most a third of the budget.
  const w0 = now();
  let warm = 0;
  for (let i = 0; i < texts.length && (i < 100 || now() - w0 < budgetMs / 3); i++, warm++) checkText(texts[i], { uri: `bench${i}` });
  // Measure: whole passes over the corpus, timing each report, while the budget lasts (2–20 passes).
  const times: number[] = [];
  const perReport: number[][] = texts.map(() => []);
  const perSample = new Map<string, number[]>();
  const m0 = now();
  let passes = 0;
  while (passes < 2 || (passes < 20 && now() - m0 < budgetMs)) {
    for (let i = 0; i < texts.length; i++) {
      const s = now();
      checkText(texts[i], { uri: `bench${i}` });
      const d = now() - s;
      times.push(d);
      perReport[i].push(d);
      const key = samples[i].split('-')[0];
      if (!perSample.has(key)) perSample.set(key, []);
      perSample.get(key)!.push(d);
    }
    passes++;
  }
  const n = times.length;
  // Each report's best time over the passes: what the code costs without GC pauses and machine noise.
  const best = perReport.map((p) => Math.min(...p)).sort((a, b) => a - b);
  // Parse alone, to split the cost between the parser and the rules.
  const parse: number[] = [];
  const p0 = now();
  for (let k = 0; k < texts.length && (k < 200 || now() - p0 < budgetMs / 4); k++) {
    const s = now();
    parseReport(texts[k], `bench${k}`);
    parse.push(now() - s);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const meanBytes = bytes.reduce((a, b) => a + b, 0) / bytes.length;
  return {
    warm, n, passes, meanBytes, bestMedian: quantile(best, 0.5), bestP95: quantile(best, 0.95),
    median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    parseMedian: quantile([...parse].sort((a, b) => a - b), 0.5),
    perSample: Object.fromEntries([...perSample].map(([k, v]) => [k, quantile(v.sort((a, b) => a - b), 0.5)])),
  };
}

/**
 * One pass over the corpus: V8 needs several hundred reports before the core's functions run
 * optimised (the CLI's per-100 curve falls from ~3 ms to ~0.3 ms a report), so "warm" figures
 * are taken after the same warm-up the typical-report figures get.
 */
function warmUp(texts: string[]): void {
  for (let i = 0; i < Math.max(1000, texts.length); i++) checkText(texts[i % texts.length]);
}

function big(corpus: string, file: string, budgetMs: number) {
  const { texts } = load(corpus);
  warmUp(texts); // warm the JIT on typical reports first, as the typical-report figures are
  const text = fs.readFileSync(file, 'utf8');
  const runs: number[] = [];
  const t0 = now();
  // The first run is a warm-up for this size; further runs while the budget lasts (max 7).
  do {
    const s = now();
    checkText(text, { uri: 'big' });
    runs.push(now() - s);
  } while (runs.length < 8 && now() - t0 + runs[runs.length - 1] < budgetMs);
  const measured = runs.length > 1 ? runs.slice(1) : runs;
  return { bytes: Buffer.byteLength(text), runs, median: quantile([...measured].sort((a, b) => a - b), 0.5), min: Math.min(...measured), warm: runs.length > 1 };
}

/** Check time of prefixes of one big document (cut at line ends): how cost grows with size. */
function scale(corpus: string, file: string, sizes: number[], capMs: number) {
  const { texts } = load(corpus);
  warmUp(texts);
  const buf = fs.readFileSync(file);
  const out: { bytes: number; ms: number }[] = [];
  for (const size of sizes) {
    const cut = Math.min(buf.length, size);
    const end = cut === buf.length ? cut : buf.lastIndexOf(10, cut);
    const text = buf.subarray(0, end).toString('utf8');
    // Two runs (the first warms this size up) unless one is already slow; the faster one counts.
    let d = Infinity;
    for (let k = 0; k < 2; k++) {
      const s = now();
      checkText(text, { uri: 'scale' });
      d = Math.min(d, now() - s);
      if (d > capMs / 4 || sizes.length === 1) break;
    }
    out.push({ bytes: end, ms: d });
    if (d > capMs) break;
  }
  return { sizes: out };
}

/**
 * Heap retained by 100 check results (what a server caching one analysis per open report keeps),
 * and what each part of the result costs: fields are dropped one at a time, with a full GC between.
 * Needs --expose-gc.
 */
function memory(corpus: string, count: number) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const { texts } = load(corpus);
  for (let i = 0; i < 50; i++) checkText(texts[i]);
  const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
  const sources = texts.slice(0, count).map((t) => (' ' + t).slice(1)); // own copies, not shared with `texts`
  const base = heap();
  const kept = sources.map((t, i) => checkText(t, { uri: `mem${i}` })) as unknown as Record<string, Record<string, unknown>>[];
  const all = heap();
  const textBytes = sources.reduce((a, t) => a + t.length * 2, 0); // two-byte strings (CJK)
  const parts: { part: string; bytes: number }[] = [];
  let last = all;
  const drop = (label: string, f: (r: Record<string, Record<string, unknown>>) => void) => {
    for (const r of kept) f(r);
    const h = heap();
    parts.push({ part: label, bytes: (last - h) / count });
    last = h;
  };
  drop('findings (+ fixes)', (r) => { delete r.findings; });
  for (const k of ['tables', 'sections', 'formatMarkers', 'bodyYears', 'proseLines', 'normLines', 'lineStarts', 'lines']) drop(`report.${k}`, (r) => { delete r.report[k]; });
  drop('rest of report (incl. text)', (r) => { delete r.report; });
  return { count, perReportBytes: (all - base) / count, textBytesPerReport: textBytes / count, parts, leftover: (last - base) / count };
}

function loop(corpus: string, passes: number) {
  const { texts } = load(corpus);
  const s = now();
  for (let p = 0; p < passes; p++) for (let i = 0; i < texts.length; i++) checkText(texts[i], { uri: `bench${i}` });
  return { ms: now() - s, checks: passes * texts.length };
}

/**
 * A fresh process's first pass over the corpus, in blocks of 100 reports: how long the core takes
 * to warm up (interpreter, then baseline code, then optimised code) — what a CLI run pays.
 */
function curve(corpus: string) {
  const { texts } = load(corpus);
  const blocks: number[] = [];
  for (let b = 0; b < texts.length; b += 100) {
    const end = Math.min(texts.length, b + 100);
    const s = now();
    for (let i = b; i < end; i++) checkText(texts[i], { uri: `bench${i}` });
    blocks.push((now() - s) / (end - b));
  }
  return { blockSize: 100, msPerReport: blocks };
}

function counts(corpus: string) {
  const { texts } = load(corpus);
  const g = globalThis as unknown as { __benchCounts?: Record<string, number> };
  const n = Math.min(texts.length, 200);
  for (let i = 0; i < n; i++) checkText(texts[i], { uri: `bench${i}` });
  const per = Object.fromEntries(Object.entries(g.__benchCounts ?? {}).map(([k, v]) => [k, Math.round(v / n)]));
  return { reports: n, perReport: per };
}

/**
 * The hostile shapes of test/unit/robustness/hostile.test.ts, timed here instead of there (tests assert
 * that they finish and are read right; how long they take is a figure): one warm-up check of the report
 * they are built from, then one check of each shape (they are big: a second run would only repeat it).
 */
function shapes(sample: string) {
  const kunming = fs.readFileSync(sample, 'utf8');
  const lines = kunming.split('\n');
  const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  const MB = 1024 * 1024;
  const unit = '坚持信息公开是常态、不公开是例外，全年收到申请12件，办结12件，第二十条第（一）项 | 1 | 2 | ';
  const six = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const penalty = at('行政处罚 |');
  const t3row = at('3.要求提供公开出版物');
  const claims = at('(二)依申请公开') + 1;
  const built: [string, () => string][] = [
    ['a single 10 M-character line', () => unit.repeat(Math.ceil((10 * MB) / unit.length)).slice(0, 10 * MB)],
    ['a 100,000-row table 二', () => [...lines.slice(0, penalty), ...Array.from({ length: 100_000 }, (_, k) => `行政处罚 | ${k % 1000}`), ...lines.slice(penalty + 1)].join('\n')],
    ['a 100,000-row table 三 (one row repeated)', () => [...lines.slice(0, t3row), ...Array<string>(100_000).fill(lines[t3row]), ...lines.slice(t3row)].join('\n')],
    ['the six section headings 10,000 times', () => `${lines[0]}\n${`${six.join('\n')}\n`.repeat(10_000)}`],
    ['a clause of 350,000 figures (1 M characters)', () => [...lines.slice(0, claims), `全年共收到政府信息公开申请${'5件,'.repeat((1 << 20) / 3)}。`, ...lines.slice(claims)].join('\n')],
  ];
  checkText(kunming);
  return built.map(([name, make]) => {
    const text = make();
    const s = now();
    checkText(text, { uri: 'shape' });
    return { name, bytes: Buffer.byteLength(text), ms: now() - s };
  });
}

function main(): void {
  const [mode, corpus, a, b] = process.argv.slice(2);
  let out: unknown;
  if (mode === 'typical') out = typical(corpus, Number(a));
  else if (mode === 'big') out = big(corpus, a, Number(b));
  else if (mode === 'scale') out = scale(corpus, a, b.split(',').map(Number), Number(process.argv[6] ?? 20000));
  else if (mode === 'memory') out = memory(corpus, Number(a ?? 100));
  else if (mode === 'loop') out = loop(corpus, Number(a));
  else if (mode === 'counts') out = counts(corpus);
  else if (mode === 'curve') out = curve(corpus);
  else if (mode === 'shapes') out = shapes(a);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
