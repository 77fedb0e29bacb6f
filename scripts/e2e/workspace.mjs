// The throwaway workspace of the real-editor tests (scripts/e2e/run.mjs and test-electron.mjs):
// copies of the sample reports under their own (neutral) names, plus
//   xinjiang-health-2023.govreport.txt  (language by file extension)
//   report-a.txt                        (neutral name: language by content, govreport.autoDetect)
//   2021年政府信息公开工作年度报告.txt     (language by file-name pattern)
//   notes.txt                           (an ordinary text file that must stay plaintext)
// The suite writes its own scratch files next to them; never point this at the shared fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPORTS = process.env.GOVREPORT_REPORTS || path.resolve(ROOT, 'samples');

export function makeWorkspace(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const samples = fs.readdirSync(REPORTS).filter((f) => f.endsWith('.txt')).sort();
  if (samples.length < 5) throw new Error(`expected the five sample reports in ${REPORTS}, found ${samples.length}`);
  const copy = (from, to) => fs.copyFileSync(path.join(REPORTS, from), path.join(dir, to));
  for (const f of samples) copy(f, f);
  copy('xinjiang-health-2023-cell-per-line.txt', 'xinjiang-health-2023.govreport.txt');
  copy('kunming-xishan-health-2022-pipe.txt', 'report-a.txt');
  copy('lushan-health-2021-tab.txt', '2021年政府信息公开工作年度报告.txt');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'Shopping list: apples, bread.\n');
  return dir;
}
