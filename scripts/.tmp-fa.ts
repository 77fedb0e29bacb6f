import { readFileSync } from 'node:fs';
import { fixAll } from '../server/src/fix';
import { checkText } from '../server/src/check';
const t = readFileSync(process.argv[2], 'utf8');
const a = fixAll(t); const b = fixAll(a.text);
console.log(a.passes, a.applied, b.passes, b.applied);
const lines = b.text.split('\n'); const [from, to] = (process.argv[3] ?? '0,0').split(',').map(Number);
console.log(lines.slice(from, to).join('\n'));
