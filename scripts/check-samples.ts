import { readFileSync, readdirSync } from 'node:fs';
import { checkText } from '../server/src/check';
const dir = process.argv[2] ?? 'test/fixtures';
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
  const { findings, report, ruleErrors } = checkText(readFileSync(`${dir}/${f}`, 'utf8'), { uri: f });
  console.log(`== ${f} format=${report.format} year=${report.year?.value} ${ruleErrors.length ? JSON.stringify(ruleErrors) : ''}`);
  for (const x of findings) console.log(`  ${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} [${x.rule}] ${x.message}${x.fixes.length ? ` (fix: ${x.fixes.map((f) => f.title + (f.safe ? '' : '*')).join('; ')})` : ''}`);
}
