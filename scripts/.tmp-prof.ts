import { readFileSync } from 'node:fs';
import { checkText } from '../server/src/check';
const t = readFileSync('test/fixtures/yuyao-health-2020-indented.txt', 'utf8');
for (let i = 0; i < 300; i++) checkText(t);
