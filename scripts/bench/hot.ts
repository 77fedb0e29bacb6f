// CPU profile of warm in-process checks of the samples (samples/*.txt), quick enough to run after
// every change: bundles the tree's server/src/check with a source map, loops over the samples with
// --cpu-prof and prints profile.ts's summary (self, inclusive, hot lines). With --ref DIR the same
// is done for a reference tree (e.g. stop 9 in /tmp/s9, see ab.ts) so the two can be compared.
//
//   npx tsx scripts/bench/hot.ts [--ref /tmp/s9] [--passes 3000] [--top 40] [--only xinjiang]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { summarize } from './profile';
import { BENCH, ROOT } from './util';

const { values } = parseArgs({ options: { ref: { type: 'string' }, passes: { type: 'string', default: '3000' }, top: { type: 'string', default: '40' }, only: { type: 'string', default: '' } } });

async function profileTree(label: string, tree: string): Promise<void> {
  const dir = path.join(BENCH, 'hot');
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${label}.js`);
  const samples = path.join(ROOT, 'samples');
  const entry = `
    const fs = require('node:fs'); const path = require('node:path');
    const { checkText } = require('./server/src/check');
    const dir = ${JSON.stringify(samples)};
    const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && f.includes(${JSON.stringify(values.only)})).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const s = performance.now();
    for (let p = 0; p < ${Number(values.passes)}; p++) for (let i = 0; i < texts.length; i++) checkText(texts[i], { uri: 'hot' + i });
    console.log(((performance.now() - s) / (${Number(values.passes)} * texts.length)).toFixed(4) + ' ms per check (incl. warm-up)');
  `;
  await build({ stdin: { contents: entry, resolveDir: tree, loader: 'js' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, outfile: out, logLevel: 'warning' });
  const name = `${label}.cpuprofile`;
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, '--cpu-prof-interval=100', out], { encoding: 'utf8' });
  process.stdout.write(`## ${label} (${tree}): ${r.stdout.trim()}${r.stderr}\n`);
  const s = summarize(path.join(dir, name), Number(values.top));
  const f = (x: number) => x.toFixed(1).padStart(7);
  process.stdout.write(`sampled ${s.totalMs.toFixed(0)} ms\n-- inclusive (core)\n`);
  for (const x of s.inclusive) process.stdout.write(`${f(x.ms)} ${f(x.pct)}%  ${x.fn.replace(tree + '/', '')}\n`);
  process.stdout.write('-- self\n');
  for (const x of s.self) process.stdout.write(`${f(x.ms)} ${f(x.pct)}%  ${x.fn}\n`);
  process.stdout.write('-- lines\n');
  for (const x of s.lines) process.stdout.write(`${f(x.ms)} ${f(x.pct)}%  ${x.where}  ${x.code}\n`);
}

(async () => {
  if (values.ref) await profileTree('ref', path.resolve(values.ref));
  await profileTree('this', ROOT);
})().catch((e) => { process.stderr.write(`${e?.stack ?? e}\n`); process.exitCode = 1; });
