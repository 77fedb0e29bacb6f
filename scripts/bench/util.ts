// Helpers shared by the benchmark scripts: paths, bundling the bench children, timed child processes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { build, type Plugin } from 'esbuild';

export const ROOT = path.resolve(__dirname, '../..');
export const BENCH = path.join(ROOT, '.bench');
export const CORPUS = path.join(BENCH, 'corpus');
export const BUILD = path.join(BENCH, 'build');
export const SAMPLES = path.join(ROOT, 'test', 'fixtures');

export const hasTaskset = (() => {
  try { return spawnSync('taskset', ['-c', '0', 'true']).status === 0; } catch { return false; }
})();

/** Prefix that pins a command to CPU 0 (when taskset works here). */
export function pinned(cmd: string, args: string[], core = 0): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(core), cmd, ...args]] : [cmd, args];
}

export const hasTime = fs.existsSync('/usr/bin/time');

export interface Run {
  code: number | null; ms: number; stdout: string; stderr: string; timedOut: boolean;
  /** CPU seconds and peak RSS of the child, from /usr/bin/time (when asked for and available). */
  cpu?: { user: number; sys: number; maxRssMiB: number };
}

/**
 * Runs a command, wall-clock timed from spawn to exit. stdout/stderr go to files when given
 * (so a chatty tool is not slowed down by a pipe back into this process), else are captured.
 */
export function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number; stdoutFile?: string; stderrFile?: string; env?: NodeJS.ProcessEnv; cpu?: boolean } = {}): Promise<Run> {
  let cpuFile: string | undefined;
  if (opts.cpu && hasTime) {
    fs.mkdirSync(BENCH, { recursive: true });
    cpuFile = path.join(BENCH, `.time-${process.pid}`);
    args = ['-o', cpuFile, '-f', '%U %S %M', cmd, ...args];
    cmd = '/usr/bin/time';
  }
  return new Promise((resolve) => {
    const out = opts.stdoutFile ? fs.openSync(opts.stdoutFile, 'w') : 'pipe';
    const err = opts.stderrFile ? fs.openSync(opts.stderrFile, 'w') : 'pipe';
    const t0 = performance.now();
    const p = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, stdio: ['ignore', out, err], env: opts.env ?? process.env });
    let stdout = '';
    let stderr = '';
    p.stdout?.on('data', (d) => { stdout += d; });
    p.stderr?.on('data', (d) => { stderr += d; });
    let timedOut = false;
    const timer = opts.timeoutMs ? setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, opts.timeoutMs) : undefined;
    p.on('close', (code) => {
      const ms = performance.now() - t0;
      if (timer) clearTimeout(timer);
      if (typeof out === 'number') fs.closeSync(out);
      if (typeof err === 'number') fs.closeSync(err);
      let cpu: Run['cpu'];
      if (cpuFile && fs.existsSync(cpuFile)) {
        const m = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(fs.readFileSync(cpuFile, 'utf8'));
        if (m) cpu = { user: Number(m[1]), sys: Number(m[2]), maxRssMiB: Number(m[3]) / 1024 };
        fs.rmSync(cpuFile, { force: true });
      }
      resolve({ code, ms, stdout, stderr, timedOut, cpu });
    });
  });
}

/** Runs a bench child that prints one JSON line; undefined (with the reason) when it failed or timed out. */
export async function runJson<T>(cmd: string, args: string[], timeoutMs: number): Promise<{ value?: T; run: Run }> {
  const r = await run(cmd, args, { timeoutMs });
  if (r.timedOut || r.code !== 0) return { run: r };
  try {
    return { value: JSON.parse(r.stdout.trim().split('\n').pop()!) as T, run: r };
  } catch {
    return { run: r };
  }
}

/**
 * esbuild plugin that counts calls of the named core functions: `function f(` becomes
 * `function f__orig(` plus a counting wrapper `f`. Only for the instrumented build used by --profile.
 */
export function countingPlugin(): Plugin {
  return {
    name: 'bench-count',
    setup(b) {
      b.onLoad({ filter: /server[\\/]src[\\/].*\.ts$/ }, (args) => {
        let src = fs.readFileSync(args.path, 'utf8');
        const wrappers: string[] = [];
        const file = path.basename(args.path, '.ts');
        // Every top-level function declaration (overload signatures included) gets a counting wrapper.
        const names = new Set([...src.matchAll(/^(?:export )?function (\w+)\s*[<(]/gm)].map((m) => m[1]));
        for (const n of names) {
          let exported = false;
          src = src.replace(new RegExp(`^(export )?function ${n}(\\s*[<(])`, 'gm'), (_m, e: string | undefined, rest: string) => { if (e) exported = true; return `function ${n}__orig${rest}`; });
          if (exported) src += `\nexport { ${n} };`;
          wrappers.push(`function ${n}(...a: any[]): any { const c = (globalThis as any).__benchCounts; const k = '${n} (${file})'; c[k] = (c[k] ?? 0) + 1; return (${n}__orig as any)(...a); }`);
        }
        return { contents: wrappers.length ? `${src}\n${wrappers.join('\n')}\n` : src, loader: 'ts' };
      });
    },
  };
}

/** Bundles the bench children (and, for --profile, instrumented copies) next to the corpus. */
export async function buildChildren(opts: { counted?: boolean } = {}): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, target: 'node20', format: 'cjs' as const, sourcemap: true, logLevel: 'warning' as const };
  await build({
    ...common,
    entryPoints: { inproc: path.join(ROOT, 'scripts/bench/inproc.ts'), lsp: path.join(ROOT, 'scripts/bench/lsp.ts'), fixes: path.join(ROOT, 'scripts/bench/fixes.ts') },
    outdir: BUILD,
  });
  if (opts.counted) {
    // Readable CLI bundle (not minified, with a source map) for the CLI profile.
    await build({ ...common, entryPoints: { cli: path.join(ROOT, 'server/src/cli.ts') }, outdir: BUILD });
    const banner = { js: 'globalThis.__benchCounts = {}; process.on("exit", () => process.stderr.write("\\n__benchCounts " + JSON.stringify(globalThis.__benchCounts) + "\\n"));' };
    await build({
      ...common,
      entryPoints: { inproc: path.join(ROOT, 'scripts/bench/inproc.ts'), cli: path.join(ROOT, 'server/src/cli.ts') },
      outdir: path.join(BENCH, 'build-counted'),
      plugins: [countingPlugin()],
      banner,
    });
  }
}

/** Builds dist/ (CLI and server bundles) the way `npm run build` does. */
export async function buildDist(): Promise<Run> {
  return run(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { timeoutMs: 120_000 });
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function median(xs: number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}
