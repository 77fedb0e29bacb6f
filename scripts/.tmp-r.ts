import { readFileSync } from 'node:fs';
import { checkText } from '../server/src/check';
import { fixAll, applyFixList, safeFixes } from '../server/src/fix';
const F = (n: string) => readFileSync('test/fixtures/' + n, 'utf8');
const kun = F('kunming-xishan-health-2022-pipe.txt'), lu = F('lushan-health-2021-tab.txt');
const show = (name: string, t: string) => { const a = fixAll(t); const b = fixAll(a.text); console.log(name, 'passes', a.passes, 'applied', a.applied, 'second applied', b.applied); return a; };
// R2
const lines = kun.split('\n'); const i = lines.findIndex(l => l.includes('(一)予以公开')); console.log(lines[i]);
const k2 = kun.replace(lines[i], lines[i].replace('| 4 |', '| 999999999999999999999 |'));
show('R2 1e21', k2);
const r2 = checkText(k2).findings.filter(f => f.rule === 'total-mismatch'); console.log(r2.map(f => f.message + ' => ' + JSON.stringify(f.fixes[0]?.edits)));
const k3 = kun.replace(lines[i], lines[i].replace('| 4 |', '| 9007199254740993 |'));
console.log(checkText(k3).findings.filter(f => f.rule === 'total-mismatch').map(f => f.message + ' => ' + JSON.stringify(f.fixes[0]?.edits)));
// R3
const r3 = lu.replace('行政强制\t0\t\t\n', '行政强制\t0\t\t|\n');
console.log(JSON.stringify(lu.match(/行政强制.*\n/)![0]));
const f3 = checkText(r3).findings.filter(f => f.rule === 'table-label'); console.log(f3.map(f => f.message + ' ' + JSON.stringify(f.fixes)));
// R4
const lul = lu.split('\n'); const j = lul.findIndex(l => l.startsWith('第二十条第（一）项'));
const r4 = [...lul.slice(0, j), lul.slice(j, j + 4).join('|'), ...lul.slice(j + 4)].join('\n');
const a4 = show('R4', r4); console.log(a4.text.split('\n').slice(j - 1, j + 14).join('\n'));
