// `npm run fuzz [-- --runs 100000 --seed 42 --workers 2 --props check,fixLocal,resolves,idempotent]`
// The long version of test/unit/robustness/fuzz.test.ts: random mutations of the five sample
// reports, checked against the same properties, in parallel worker processes. Unlike the mocha
// test it does not stop at the first failure: it counts every failing case, groups them by
// signature, shrinks one example per signature and writes its text to a temp file.
// `--case '<json>'` replays one case (as printed) and shows the failure in full.
// GOVREPORT_FUZZ_FIXTURES=real mutates the real-report corpus (PDF text, converter Markdown…) instead of the samples.
// Exit code: 0 when every case passed, 1 when any failed.
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { FIXTURES, PropertyFailure, build, fuzzCase, runCase, shrinkCase, type FuzzCase, type PropertyName } from '../test/unit/robustness/props';

const ALL_PROPS: PropertyName[] = ['check', 'fixLocal', 'resolves', 'idempotent'];
const caseArb = fc.tuple(fuzzCase, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }));
const PROGRESS_EVERY = 100;
/** A worker that reports nothing for this long is stuck on one case: a hang is a failure too. */
const STALL_MS = 60_000;

interface Args { runs: number; seed: number; workers: number; props: PropertyName[]; deepEvery: number; replay?: string }

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 100_000, seed: Date.now() % 2 ** 31, workers: Math.max(1, Math.min(availableParallelism(), 8)), props: ALL_PROPS, deepEvery: 4 };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split(/=(.*)/s, 2);
    const v = () => inline ?? argv[++i];
    if (k === '--runs') a.runs = Number(v());
    else if (k === '--seed') a.seed = Number(v());
    else if (k === '--workers') a.workers = Math.max(1, Number(v()));
    else if (k === '--props') a.props = v().split(',').filter((p): p is PropertyName => (ALL_PROPS as string[]).includes(p));
    else if (k === '--deep-every') a.deepEvery = Math.max(1, Number(v()));
    else if (k === '--case') a.replay = v();
    else if (k === '--help' || k === '-h') {
      process.stdout.write('usage: tsx scripts/fuzz.ts [--runs N] [--seed S] [--workers W] [--props check,fixLocal,resolves,idempotent] [--deep-every K] [--case JSON]\n  resolves and idempotent (several re-checks each) run on every K-th case (default 4); the others on all.\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isFinite(a.runs) || a.runs < 1 || !Number.isInteger(a.seed)) throw new Error('--runs and --seed must be integers');
  return a;
}

type Sample = [FuzzCase, number[]];
const sampleFor = (seed: number, worker: number, count: number): Sample[] => (count > 0 ? fc.sample(caseArb, { numRuns: count, seed: seed + worker }) : []);

interface Failure { signature: string; detail: string; count: number; example: Sample; props: PropertyName[]; index: number; worker: number }

type Msg =
  | { type: 'progress'; done: number }
  | { type: 'done'; done: number; failures: Failure[] };

function signatureOf(e: unknown): { signature: string; detail: string } {
  if (e instanceof PropertyFailure) return { signature: e.signature, detail: e.message };
  const err = e as Error;
  return { signature: `harness error: ${String(err?.message ?? e).slice(0, 80)}`, detail: err?.stack ?? String(e) };
}

function failsWith(signature: string, props: PropertyName[], pick: number[]) {
  return (c: FuzzCase): boolean => {
    try { runCase(c, props, pick); return false; } catch (e) { return signatureOf(e).signature === signature; }
  };
}

// ---------------------------------------------------------------------------------------------
// Worker: runs its share of the cases and reports failures grouped by signature.

function worker(args: Args, index: number, count: number): void {
  const samples = sampleFor(args.seed, index, count);
  const failures = new Map<string, Failure>();
  const shallow = args.props.filter((p) => p === 'check' || p === 'fixLocal');
  // Real-corpus cases are slower than the samples': on a loaded machine 100 of them can take over
  // STALL_MS, so progress is also sent every few seconds — a stall then means one case is stuck.
  let sent = Date.now();
  for (let i = 0; i < samples.length; i++) {
    const [c, pick] = samples[i];
    const props = i % args.deepEvery === 0 ? args.props : shallow;
    if (props.length === 0) continue;
    try {
      runCase(c, props, pick);
    } catch (e) {
      const { signature, detail } = signatureOf(e);
      const f = failures.get(signature);
      if (f) f.count++;
      else failures.set(signature, { signature, detail, count: 1, example: samples[i], props, index: i, worker: index });
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || Date.now() - sent > 5000) {
      sent = Date.now();
      process.send!({ type: 'progress', done: i + 1 } satisfies Msg);
    }
  }
  // Shrinking can take a while: keep the parent's stall watchdog fed.
  let beat = Date.now();
  const tick = () => { if (Date.now() - beat > 5000) { beat = Date.now(); process.send!({ type: 'progress', done: samples.length } satisfies Msg); } };
  for (const f of failures.values()) {
    const [c, pick] = f.example;
    const small = shrinkCase(c, failsWith(f.signature, f.props, pick), 20_000, tick);
    try { runCase(small, f.props, pick); } catch (e) { f.detail = signatureOf(e).detail; }
    f.example = [small, pick];
  }
  process.send!({ type: 'done', done: samples.length, failures: [...failures.values()] } satisfies Msg, () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Parent: splits the runs, watches for stalls, prints the summary.

async function parent(args: Args): Promise<number> {
  const started = Date.now();
  const shares = Array.from({ length: args.workers }, (_, k) => Math.floor(args.runs / args.workers) + (k < args.runs % args.workers ? 1 : 0));
  process.stdout.write(`fuzz: ${args.runs} cases over ${FIXTURES.length} samples, seed ${args.seed}, ${args.workers} worker(s), properties ${args.props.join(',')}\n`);
  const done = new Array<number>(args.workers).fill(0);
  const failures: Failure[] = [];
  const hangs: string[] = [];
  let lastPrint = 0;

  await Promise.all(shares.map((count, k) => new Promise<void>((resolve) => {
    const child: ChildProcess = fork(__filename, ['--worker', String(k), String(count), JSON.stringify(args)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let finished = false;
    let timer: NodeJS.Timeout;
    const stall = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Stuck on a case in [done, done + PROGRESS_EVERY): regenerate that block so it can be replayed.
        const block = sampleFor(args.seed, k, count).slice(done[k], done[k] + PROGRESS_EVERY);
        const file = join(mkdtempSync(join(tmpdir(), 'govreport-fuzz-')), `hang-worker${k}.json`);
        writeFileSync(file, JSON.stringify(block.map(([c]) => c), null, 1));
        hangs.push(`worker ${k} made no progress for ${STALL_MS / 1000} s after case ${done[k]}; the ${block.length} candidate cases are in ${file}`);
        child.kill('SIGKILL');
      }, STALL_MS);
    };
    stall();
    child.on('message', (m: Msg) => {
      done[k] = m.done;
      stall();
      if (m.type === 'done') { finished = true; failures.push(...m.failures); }
      const total = done.reduce((a, b) => a + b, 0);
      if (Date.now() - lastPrint > 5000) {
        lastPrint = Date.now();
        process.stdout.write(`  ${total}/${args.runs} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!finished && !hangs.some((h) => h.startsWith(`worker ${k} `))) hangs.push(`worker ${k} exited with code ${code} after case ${done[k]}`);
      resolve();
    });
  })));

  const total = done.reduce((a, b) => a + b, 0);
  const merged = new Map<string, Failure>();
  for (const f of failures) {
    const m = merged.get(f.signature);
    if (m) m.count += f.count;
    else merged.set(f.signature, { ...f });
  }
  const failed = [...merged.values()].reduce((a, f) => a + f.count, 0);
  process.stdout.write(`\nfuzz: ${total} cases run in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${args.seed}); ${failed} failing case(s), ${merged.size} distinct failure(s), ${hangs.length} hang(s)\n`);
  const dir = merged.size ? mkdtempSync(join(tmpdir(), 'govreport-fuzz-')) : '';
  let n = 0;
  for (const f of [...merged.values()].sort((a, b) => b.count - a.count)) {
    n++;
    const [c] = f.example;
    const file = join(dir, `failure-${n}-${FIXTURES[c.fixture].name}`);
    writeFileSync(file, build(c));
    process.stdout.write(`\n[${n}] ${f.signature} — ${f.count} case(s)\n    ${f.detail.split('\n')[0].slice(0, 400)}\n    shrunk case: ${JSON.stringify(c)}\n    text: ${file}\n    replay: npm run fuzz -- --props ${f.props.join(',')} --case '${JSON.stringify(f.example).replace(/'/g, "'\\''")}'\n`);
  }
  for (const h of hangs) process.stdout.write(`\n[hang] ${h}\n`);
  return failed > 0 || hangs.length > 0 || total < args.runs ? 1 : 0;
}

function replay(args: Args): number {
  const parsed = JSON.parse(args.replay!) as Sample | FuzzCase;
  const [c, pick] = Array.isArray(parsed) ? parsed : [parsed, [0]];
  process.stdout.write(`replaying ${JSON.stringify(c)} on ${FIXTURES[c.fixture].name}\n`);
  try {
    runCase(c, args.props, pick);
    process.stdout.write('passed\n');
    return 0;
  } catch (e) {
    process.stdout.write(`${signatureOf(e).detail}\n`);
    return 1;
  }
}

if (process.argv[2] === '--worker') {
  worker(JSON.parse(process.argv[5]) as Args, Number(process.argv[3]), Number(process.argv[4]));
} else {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: ${(e as Error).message}\n`);
    process.exit(2);
  }
  if (args.replay) process.exitCode = replay(args);
  else parent(args).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`fuzz: ${(e as Error)?.stack ?? e}\n`); process.exitCode = 2; });
}
