import { readFileSync } from 'node:fs';
import { checkText } from '../server/src/check';
const base = readFileSync('test/fixtures/kunming-xishan-health-2022-pipe.txt', 'utf8');
const lines = base.split('\n');
const cases: Record<string, (n: number) => string> = {
  md: (n) => base + '\n|---' + ' '.repeat(n) + 'x\n',
  mdInTable: (n) => lines.slice(0, 30).join('\n') + '\n|---' + ' '.repeat(n) + 'x\n' + lines.slice(30).join('\n'),
  pub: (n) => base + '\n发布时间' + ' '.repeat(n) + 'x\n',
  pubmid: (n) => lines.slice(0, 5).join('\n') + '\n发布时间' + ' '.repeat(n) + 'x。\n' + lines.slice(5).join('\n'),
  annex: (n) => base + '\n附件' + ' '.repeat(n) + 'x\n',
  narr: (n) => lines.slice(0, 6).join('\n') + '\n收到申请' + '1'.repeat(n) + 'x件。\n' + lines.slice(6).join('\n'),
  narr2: (n) => lines.slice(0, 6).join('\n') + '\n收到申请' + ('1'.repeat(40) + ' ').repeat(n / 40) + 'x件。\n' + lines.slice(6).join('\n'),
};
const only = process.argv[2];
for (const [name, mk] of Object.entries(cases)) {
  if (only && name !== only) continue;
  for (const n of (process.argv[3] ?? "1000,2000,4000").split(",").map(Number)) {
    const t = mk(n); const a = performance.now(); const r = checkText(t);
    console.log(name, n, (performance.now() - a).toFixed(1) + 'ms', r.findings.length);
  }
}
