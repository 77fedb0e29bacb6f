// A/B of the core's check time against a reference tree (issue 11: within 10 % of stop 9, 3712ffb),
// both loaded in ONE process so that machine load hits them alike:
//
//   git worktree add --detach /tmp/s9 3712ffb && ln -s "$PWD/node_modules" /tmp/s9/node_modules
//   npx tsx scripts/bench/ab.ts [--ref /tmp/s9] [--warm 1500] [--passes 400] [--rounds 1] [--files a.txt,b.txt] [--tsx] [--this DIR]
//
// Each tree's server/src/check is bundled by esbuild as the CLI and the server ship it (one file,
// scope-hoisted; --tsx loads the sources module by module instead, where every call across modules
// goes through an export getter and a tree of more, smaller files pays for it). Its checkText warms up over the samples (samples/*.txt), then the passes
// interleave the trees (the order flips every pass) and every check is timed alone. Per sample the
// best (minimum) time counts — what the code costs without GC pauses and other engineers' load —
// and each tree's figure is the mean of its per-sample bests. With --rounds N the whole measurement
// repeats and the best per sample over all rounds is kept, each round's ratio printed too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';

type Check = (text: string, options?: { uri?: string }) => unknown;

const ROOT = path.resolve(__dirname, '../..');
const { values } = parseArgs({
  options: {
    ref: { type: 'string', default: '/tmp/s9' },
    warm: { type: 'string', default: '1500' },
    passes: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '1' },
    files: { type: 'string' },
    json: { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
    this: { type: 'string' },
  },
});

function loadCheck(tree: string, name: string): Check {
  const file = path.join(tree, 'server', 'src', 'check.ts');
  if (!fs.existsSync(file)) throw new Error(`no ${file} (make the reference worktree first, see the header)`);
  let mod = file;
  if (!values.tsx) {
    mod = path.join(ROOT, '.bench', 'ab', `${name}.js`);
    buildSync({ entryPoints: [file], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: mod, logLevel: 'warning' });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(mod) as { checkText: Check }).checkText;
}

const trees = [
  { name: 'ref', dir: path.resolve(values.ref!), check: loadCheck(path.resolve(values.ref!), 'ref') },
  { name: 'this', dir: path.resolve(values.this ?? ROOT), check: loadCheck(path.resolve(values.this ?? ROOT), 'this') },
];
const files = values.files
  ? values.files.split(',')
  : fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(ROOT, 'samples', f));
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const names = files.map((f) => path.basename(f).replace(/\.txt$/, ''));

const now = () => performance.now();
for (const t of trees) for (let p = 0; p < Number(values.warm); p++) for (let i = 0; i < texts.length; i++) t.check(texts[i], { uri: `ab${i}` });

const best = trees.map(() => texts.map(() => Infinity));
const rounds: number[] = [];
const load0 = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?';
for (let r = 0; r < Number(values.rounds); r++) {
  const roundBest = trees.map(() => texts.map(() => Infinity));
  for (let p = 0; p < Number(values.passes); p++) {
    for (let i = 0; i < texts.length; i++) {
      for (let k = 0; k < trees.length; k++) {
        const j = (p + i) % 2 === 0 ? k : trees.length - 1 - k;
        const s = now();
        trees[j].check(texts[i], { uri: `ab${i}` });
        const d = now() - s;
        if (d < roundBest[j][i]) roundBest[j][i] = d;
        if (d < best[j][i]) best[j][i] = d;
      }
    }
  }
  const m = roundBest.map((b) => b.reduce((a, x) => a + x, 0) / b.length);
  rounds.push(m[1] / m[0]);
}
const mean = best.map((b) => b.reduce((a, x) => a + x, 0) / b.length);
const load1 = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?';
const out = {
  ref: trees[0].dir, mode: values.tsx ? 'tsx' : 'bundle', warm: Number(values.warm), passes: Number(values.passes), rounds: rounds.length,
  perSample: Object.fromEntries(names.map((n, i) => [n, { ref: best[0][i], this: best[1][i], ratio: best[1][i] / best[0][i] }])),
  mean: { ref: mean[0], this: mean[1] }, ratio: mean[1] / mean[0], roundRatios: rounds, load: { before: load0, after: load1 },
};
if (values.json) process.stdout.write(JSON.stringify(out) + '\n');
else {
  const f = (x: number) => x.toFixed(4);
  const w = Math.max(...names.map((n) => n.length));
  process.stdout.write(`${values.tsx ? 'sources via tsx' : 'esbuild bundles'}; best ms per check (min over ${out.passes} interleaved passes × ${out.rounds} round(s), after ${out.warm} warm passes)\n`);
  process.stdout.write(`${'sample'.padEnd(w)}  ref       this      ratio\n`);
  names.forEach((n, i) => process.stdout.write(`${n.padEnd(w)}  ${f(best[0][i])}  ${f(best[1][i])}  ${(best[1][i] / best[0][i]).toFixed(3)}\n`));
  process.stdout.write(`${'mean'.padEnd(w)}  ${f(mean[0])}  ${f(mean[1])}  ${out.ratio.toFixed(3)}\n`);
  if (rounds.length > 1) process.stdout.write(`per-round ratios: ${rounds.map((x) => x.toFixed(3)).join(' ')}\n`);
  process.stdout.write(`load average before ${load0}, after ${load1}\n`);
}
