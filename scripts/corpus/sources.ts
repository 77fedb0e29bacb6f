// The real published files themselves (test/fixtures/real/sources/: PDF, web page, Word), read by the readers the
// way `govreport check` reads them, and judged against the same truth as the text variants. Any file there whose
// name (without extension) has an entry in truth.json is picked up, so a new real file needs only its truth.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/check';
import { reportText } from '../../server/src/io/source-file';
import { sourceKindOf } from '../../server/src/io/readers/source';
import { carryFacts, checkCarryover, indexFacts } from '../../server/src/rules/carryover-mismatch';
import { judge, readTruth, REAL, type Checked, type Judged, type Kind } from './corpus';

export const SOURCES = path.join(REAL, 'sources');

export interface SourceFile { file: string; report: string }

/** Source files that have a truth entry; the rest are listed as `untruthed` so nobody wonders why one is skipped. */
export function listSources(dir = SOURCES): { files: SourceFile[]; untruthed: string[] } {
  const truth = readTruth();
  const files: SourceFile[] = [];
  const untruthed: string[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!sourceKindOf(file)) continue;
    const report = file.replace(/\.[^.]+$/, '');
    if (truth.reports[report]) files.push({ file, report });
    else untruthed.push(file);
  }
  return { files, untruthed };
}

// The readers put one table row on one line, as the copied-text variants do: the same 2-line slack applies.
const SLACK_OF: Record<string, Kind> = { pdf: 'pdf-layout', html: 'copy', docx: 'copy' };

/** Reads and checks every file (carry-over paired across them, as one CLI run over the folder) and judges each. */
export async function judgeSources(files: SourceFile[], dir = SOURCES): Promise<Judged[]> {
  const truth = readTruth();
  const checked: (Checked & { facts: ReturnType<typeof carryFacts> })[] = [];
  for (const f of files) {
    const r = await reportText(f.file, fs.readFileSync(path.join(dir, f.file)));
    if (!r.ok) throw new Error(`${f.file}: ${r.message.en}`);
    const c = checkText(r.text, { uri: path.join(dir, f.file) });
    checked.push({ file: f.file, report: f.report, kind: SLACK_OF[sourceKindOf(f.file)!], text: r.text, findings: c.findings, facts: carryFacts(c.report) });
  }
  const index = indexFacts(checked.map((c) => c.facts));
  for (const c of checked) c.findings.push(...checkCarryover(c.facts, index, 'zh'));
  return checked.map(({ facts: _facts, ...c }) => judge(c, truth.reports[c.report]));
}
