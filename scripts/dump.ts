// Debug aid: prints the parsed model of a report (sections, tables, rows with values).
import { readFileSync } from 'node:fs';
import { parseReport } from '../server/src/parse/parse';
const file = process.argv[2];
const r = parseReport(readFileSync(file, 'utf8'), file);
console.log('title', r.title?.line, r.title?.text, 'agency', r.title?.agency, 'year', r.year, 'format', r.format, r.formatReason, 'date', r.publishDate && `${r.publishDate.year}-${r.publishDate.month}-${r.publishDate.day}@${r.publishDate.line + 1}`);
for (const s of r.sections) console.log(`S${s.std ?? '?'}${s.legacyExtra ?? ''} L${s.headingLine + 1} ord=${s.ordinal?.text ?? '-'} title=${s.title} match=${s.titleMatch} tables=${s.tables.map((t) => t.id).join(',')}`);
for (const t of r.tables) {
  console.log(`  TABLE ${t.id} ${t.layout} L${t.range.start.line + 1}-${t.endLine} headers=${t.headers.map((h) => `${h.cell.text}→${h.columnId ?? '?'}`).join(' ')} stray=${t.stray.map((c) => c.text).join('/')}`);
  console.log(`    groups: ${t.groups.map((g) => g.id).join(' ')}`);
  for (const row of t.rows) console.log(`    ${row.id ?? '??'} L${row.range.start.line + 1} "${row.label}" ord=${row.ordinal?.text ?? '-'} score=${row.score.toFixed(2)} [${row.values.map((v) => v.text || '∅').join(',')}]`);
}
