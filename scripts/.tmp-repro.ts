import { build } from '../test/unit/robustness/props';
import { checkText } from '../server/src/check';
import { applyFixList, safeFixes } from '../server/src/fix';
const c = JSON.parse(process.argv[2]);
let text = build(c);
console.log(JSON.stringify(text.slice(0, 2000)), text.length);
for (let pass = 1; pass <= 4; pass++) {
  const r = checkText(text);
  const fx = safeFixes(r.findings);
  console.log('--- pass', pass, 'findings', r.findings.length, 'safe', fx.length);
  for (const f of r.findings) if (f.fixes.some(x=>x.safe)) console.log(f.rule, JSON.stringify(f.range), f.message, JSON.stringify(f.fixes.find(x=>x.safe)!.edits).slice(0,300));
  const a = applyFixList(text, fx);
  text = a.text;
}
console.log(JSON.stringify(text.slice(0, 3000)));
