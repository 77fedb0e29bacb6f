import { readFileSync } from 'node:fs';
import { checkText } from '../server/src/check';
import { fixAll } from '../server/src/fix';
const lu = readFileSync('test/fixtures/lushan-health-2021-tab.txt', 'utf8');
const row = lu.split('\n').find(l => l.includes('属于三类内部事务信息'))!; console.log(JSON.stringify(row));
for (const big of ['999999999999999999999', '9007199254740993', '12345678901234567']) {
  const t = lu.replace(row, row.replace(/^(.*?\t0\t0\t0\t)0/, `$10`.replace('$10', '$1' + big)));
  const r = checkText(t).findings.filter(f => f.rule === 'total-mismatch' || f.rule === 'number-invalid');
  console.log(big, r.map(f => f.message + ' => ' + JSON.stringify(f.fixes.find(x => x.safe)?.edits.map(e => e.newText))));
  const a = fixAll(t), b = fixAll(a.text); console.log(' passes', a.passes, 'then', b.applied);
}
