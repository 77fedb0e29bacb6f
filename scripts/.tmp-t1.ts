import { readFileSync, readdirSync } from 'node:fs';
import { checkText } from '/work/main/server/src/check';
import { fixAll } from '/work/main/server/src/fix';
const D='/work/main/test/fixtures/';
for (const f of readdirSync(D)) { const t = readFileSync(D+f,'utf8');
 let s=performance.now(); for(let i=0;i<300;i++) checkText(t); const c=(performance.now()-s)/300;
 s=performance.now(); for(let i=0;i<5;i++) fixAll(t); const fx=(performance.now()-s)/5;
 const r = checkText(t); console.log(f, c.toFixed(2), fx.toFixed(2), r.findings.length, r.ruleErrors, r.findings.map(x=>x.rule).join(','));}
