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

export interface Run { code: number | null; ms: number; stdout: string; stderr: string; timedOut: boolean }

/**
 * Runs a command, wall-clock timed from spawn to exit. stdout/stderr go to files when given
 * (so a chatty tool is not slowed down by a pipe back into this process), else are captured.
 */
export function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number; stdoutFile?: string; stderrFile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
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
      resolve({ code, ms, stdout, stderr, timedOut });
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
export function countingPlugin(names: string[]): Plugin {
  return {
    name: 'bench-count',
    setup(b) {
      b.onLoad({ filter: /server[\\/]src[\\/].*\.ts$/ }, (args) => {
        let src = fs.readFileSync(args.path, 'utf8');
        const wrappers: string[] = [];
        for (const n of names) {
          const re = new RegExp(`(^|\\n)(export )?function ${n}\\(`);
          const m = re.exec(src);
          if (!m) continue;
          src = src.replace(re, `${m[1]}${m[2] ? `export { ${n} };\n` : ''}function ${n}__orig(`);
          wrappers.push(`function ${n}(...a: any[]): any { const c = (globalThis as any).__benchCounts; c['${n}'] = (c['${n}'] ?? 0) + 1; return (${n}__orig as any)(...a); }`);
        }
        return { contents: wrappers.length ? `${src}\n${wrappers.join('\n')}\n` : src, loader: 'ts' };
      });
    },
  };
}

export const COUNTED = ['similarity', 'matchKeys', 'scoreRow', 'scoreHeader', 'segment', 'stripKey', 'labelKey', 'normalizeLine', 'readOrdinal', 'matchSectionTitle', 'tableRowScore', 'parseTable', 'grid', 'agencyKey', 'checkCarryover', 'mergeConfigs'];

/** Bundles the bench children (and, for --profile, instrumented copies) next to the corpus. */
export async function buildChildren(opts: { counted?: boolean } = {}): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, target: 'node20', format: 'cjs' as const, sourcemap: true, logLevel: 'warning' as const };
  await build({
    ...common,
    entryPoints: { inproc: path.join(ROOT, 'scripts/bench/inproc.ts'), lsp: path.join(ROOT, 'scripts/bench/lsp.ts') },
    outdir: BUILD,
  });
  if (opts.counted) {
    const banner = { js: 'globalThis.__benchCounts = {}; process.on("exit", () => process.stderr.write("\\n__benchCounts " + JSON.stringify(globalThis.__benchCounts) + "\\n"));' };
    await build({
      ...common,
      entryPoints: { inproc: path.join(ROOT, 'scripts/bench/inproc.ts'), cli: path.join(ROOT, 'server/src/cli.ts') },
      outdir: path.join(BENCH, 'build-counted'),
      plugins: [countingPlugin(COUNTED)],
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
