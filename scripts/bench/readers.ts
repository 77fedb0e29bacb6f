// Warm time per file of the .docx/.html/.pdf readers plus the check (bundled by run.ts into
// .bench/build/readers.js, so it runs esbuild output like the CLI). Prints one JSON object.
//
//   readers <budgetMs> FILE…   per file: median/min of extract + check, and of extract alone
import * as fs from 'node:fs';
import { checkText } from '../../server/src/check';
import { reportText } from '../../server/src/io/source-file';

async function main(): Promise<void> {
  const [budget, ...files] = process.argv.slice(2);
  const out: Record<string, { runs: number; median: number; min: number; extractMedian: number; cpuMedian: number; lines: number }> = {};
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const total: number[] = [];
    const extract: number[] = [];
    // CPU time too: on a shared machine the wall time includes waiting for a core.
    const cpu: number[] = [];
    let lines = 0;
    const until = performance.now() + Number(budget);
    // Three warm-up runs, then as many as the budget allows (at least five).
    for (let i = 0; i < 3 + 200 && (i < 8 || performance.now() < until); i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await reportText(file, bytes);
      const t1 = performance.now();
      if (!r.ok) throw new Error(`${file}: ${r.message.en}`);
      checkText(r.text, { uri: file });
      const t2 = performance.now();
      const c = process.cpuUsage(c0);
      lines = r.text.split('\n').length;
      if (i >= 3) { total.push(t2 - t0); extract.push(t1 - t0); cpu.push((c.user + c.system) / 1000); }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    out[file] = { runs: total.length, median: med(total), min: Math.min(...total), extractMedian: med(extract), cpuMedian: med(cpu), lines };
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { process.stderr.write(String(e?.stack ?? e)); process.exitCode = 1; });
