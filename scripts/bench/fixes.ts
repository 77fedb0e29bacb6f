// Fix application at scale (bundled by run.ts into .bench/build/fixes.js). Prints one JSON object.
//
//   fixes <samplesDir> <dir>   writes the documents into <dir>, then measures, warm and in-process, what the server
//                 runs for a quick-fix request (codeActions on the cached analysis: the first request of
//                 a document version and a repeated one) and for fix-all on save (fixAllEdit), on a
//                 ~1 MiB document with thousands of fixable findings; and applyFixList with 20,000
//                 fixes. The CLI run on the 20,000-fix document is timed by run.ts (a process).
//
// The documents repeat the body of the kunming sample with full-width digits in table cells: a
// number-invalid finding with a safe wording fix each (the kind --fix applies by default).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { codeActions, fixAllEdit, wrapper } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { applyFixList, safeFixes } from '../../server/src/fix';

const full = (d: string) => [...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** The sample's body repeated `copies` times, with `cells` of every 8 value cells in full-width digits. */
export function fixDocument(sample: string, copies: number, cells: number): string {
  const lines = sample.split('\n');
  const start = lines.findIndex((l) => l.startsWith('一、'));
  const end = lines.findIndex((l, i) => i > start && /^\d{4}年\d+月\d+日/.test(l)) - 1;
  let k = 0;
  const body = lines.slice(start, end).map((l) => (l.includes(' | ') ? l.replace(/\| (\d+) /g, (m, d: string) => (k++ % 8 < cells ? `| ${full(d)} ` : m)) : l));
  const out = lines.slice(0, start);
  for (let i = 0; i < copies; i++) out.push(...body);
  out.push(...lines.slice(end));
  return out.join('\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const v = f();
  return [performance.now() - t0, v];
}

function main(samples: string, dir: string): void {
  const sample = fs.readFileSync(path.join(samples, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
  fs.mkdirSync(dir, { recursive: true });
  const one = fixDocument(sample, 1, 1);
  const mib = fixDocument(sample, Math.ceil((1024 * 1024) / Buffer.byteLength(one)), 1);
  // Enough copies for 20,000 fixable cells.
  const perCopy = analyze(fixDocument(sample, 1, 8), { uri: 'probe' }).findings.filter((f) => f.rule === 'number-invalid').length;
  const twenty = fixDocument(sample, Math.ceil(20_000 / Math.max(1, perCopy)), 8);
  fs.writeFileSync(path.join(dir, 'fix-1mib.txt'), mib);
  fs.writeFileSync(path.join(dir, 'fix-20k.txt'), twenty);

  const quickFirst: number[] = [];
  const quickAgain: number[] = [];
  const fixAll: number[] = [];
  const check: number[] = [];
  let findings = 0;
  let fixable = 0;
  for (let round = 0; round < 5; round++) {
    const [c, a] = time(() => analyze(mib, { uri: 'file:///bench/fix-1mib.txt', version: round }));
    check.push(c);
    findings = a.findings.length;
    const withFix = a.findings.filter((f) => f.fixes.some((x) => x.safe));
    fixable = withFix.length;
    const f = withFix[Math.floor(withFix.length / 2)];
    const ctx = { diagnostics: [toDiagnostic(f, 'file:///docs/')], only: ['quickfix'] };
    const wrap = wrapper(a.uri, round, true);
    const [q1, actions] = time(() => codeActions(a, f.range, ctx, wrap, 'file:///docs/'));
    if (!actions.some((x) => x.diagnostics && x.diagnostics.length > 1)) throw new Error('no fix-all-of-this-kind action');
    quickFirst.push(q1);
    quickAgain.push(time(() => codeActions(a, f.range, ctx, wrap, 'file:///docs/'))[0]);
    fixAll.push(time(() => fixAllEdit(a))[0]);
  }
  const a20 = analyze(twenty, { uri: 'file:///bench/fix-20k.txt' });
  const fixes = safeFixes(a20.findings);
  const apply: number[] = [];
  for (let i = 0; i < 5; i++) apply.push(time(() => applyFixList(twenty, fixes))[0]);
  process.stdout.write(JSON.stringify({
    mib: { bytes: Buffer.byteLength(mib), findings, fixable, check: median(check), quickFirst: median(quickFirst), quickAgain: median(quickAgain), fixAll: median(fixAll) },
    twenty: { bytes: Buffer.byteLength(twenty), fixes: fixes.length, apply: median(apply) },
  }) + '\n');
}

if (require.main === module && process.argv.length > 3) main(process.argv[2], process.argv[3]);
