import { readFileSync } from 'node:fs';
import { checkText } from '../server/src/check';
import { applyFixList, safeFixes } from '../server/src/fix';
let text = readFileSync(process.argv[2], 'utf8');
const passes = Number(process.argv[3] ?? 3);
for (let pass = 1; pass <= passes; pass++) {
  const r = checkText(text);
  console.log('--- pass', pass);
  for (const f of r.findings) { const fx = f.fixes.find(x=>x.safe); if (fx) console.log(f.rule, `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`, f.message, '=>', fx.title, JSON.stringify(fx.edits.map(e=>[`${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}`, e.newText]))); }
  const a = applyFixList(text, safeFixes(r.findings));
  console.log('skipped:', a.skipped.map(s=>s.title));
  text = a.text;
}
