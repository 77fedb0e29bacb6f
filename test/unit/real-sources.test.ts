// The real published files themselves (test/fixtures/real/sources/: PDFs and saved government pages), read by
// the .pdf/.html/.docx readers as `govreport check` reads them: each gives exactly what a reviewer found by hand
// (truth.json) at warning/error level — every must-flag item, and no other warning or error. Any source file
// whose name has a truth entry is picked up, so a new real file needs only its truth.
import * as assert from 'node:assert/strict';
import { judgeSources, listSources } from '../../scripts/corpus/sources';
import type { Judged } from '../../scripts/corpus/corpus';

describe('real published files through the readers', function () {
  this.timeout(180000);
  const { files } = listSources();
  let judged: Judged[] = [];
  before(async () => { judged = await judgeSources(files); });

  it('finds real PDF and web-page files with a truth entry', () => {
    assert.ok(files.some((f) => f.file.endsWith('.pdf')) && files.some((f) => f.file.endsWith('.html')), files.map((f) => f.file).join(', '));
  });

  for (const f of files) {
    it(`${f.file}: the truth's findings and no false alarm from reading`, () => {
      const j = judged.find((x) => x.file.file === f.file)!;
      const show = (xs: { range: { start: { line: number } }; rule: string; message: string }[]) => xs.map((x) => `${x.range.start.line + 1} ${x.rule}: ${x.message}`);
      assert.deepEqual({ falseAlarms: show(j.falseAlarms), missed: j.missed.map((e) => e.id), unlocated: j.unlocated }, { falseAlarms: [], missed: [], unlocated: [] });
    });
  }
});
