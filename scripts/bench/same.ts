// Behaviour snapshot for speed work: every finding (rule, severity, range, message, data, fixes) and the
// whole parsed model (tables, rows, cells, headers, sections, title, year, prose lines …) of every text
// fixture, every real-corpus file, the 1,000 bench reports and the 1 MiB bench document, one JSON line
// per text. Written before and after a change, the two files must be identical:
//
//   npx tsx scripts/bench/same.ts > /tmp/before.jsonl   (change the code)
//   npx tsx scripts/bench/same.ts > /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
//
// The bench corpus is generated once into --bench DIR (default /tmp/govreport-same) and reused, so both
// runs check the very same texts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkText } from '../../server/src/check';
import { decodeReport } from '../../server/src/io/decode';
import { ensureCorpus } from './corpus';
import { ROOT, SAMPLES } from './util';

const { values } = parseArgs({ options: { bench: { type: 'string', default: '/tmp/govreport-same' }, 'no-bench': { type: 'boolean', default: false } } });

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.(txt|md|html?)$/.test(e.name)) out.push(p);
  }
  return out;
}

const files = [...walk(path.join(ROOT, 'test', 'fixtures')), ...walk(path.join(ROOT, 'samples'))];
if (!values['no-bench']) {
  const m = ensureCorpus(values.bench!, SAMPLES);
  const dir = path.join(values.bench!, 'corpus');
  for (const r of m.reports) files.push(path.join(dir, r.file));
  const big = m.big.find((b) => b.bytes <= 2 * 1024 * 1024);
  if (big) files.push(path.join(dir, big.file));
}

// Lazily cached ranges (SourceRow's lr/rr) depend on what was asked before, not on the parse.
const DROP = new Set(['lr', 'rr']);
const TOP_DROP = new Set(['text', 'lines', 'normLines', 'lineStarts', 'uri']);
for (const f of files) {
  const decoded = decodeReport(fs.readFileSync(f));
  if (!decoded.ok) { process.stdout.write(JSON.stringify({ file: path.relative(ROOT, f), undecodable: decoded.message.en }) + '\n'); continue; }
  const r = checkText(decoded.text, { uri: 'same' });
  const report = Object.fromEntries(Object.entries(r.report).filter(([k]) => !TOP_DROP.has(k)));
  const rows = r.report.tables.map((t) => t.rows.map((row) => ({ range: row.range, labelRange: row.labelRange })));
  const line = JSON.stringify({ file: path.relative(ROOT, f), findings: r.findings, ruleErrors: r.ruleErrors, report, rows }, (k, v) => (DROP.has(k) ? undefined : v));
  process.stdout.write(line + '\n');
}
