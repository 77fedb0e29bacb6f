// Faults injected into every sample, whatever its layout: each must be found where it was made.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import type { Cell } from '../../server/src/model';

const FIX = join(__dirname, '..', 'fixtures');
const SAMPLES = readdirSync(FIX).filter((f) => f.endsWith('.txt'));

function replaceCell(text: string, c: Cell, value: string): string {
  const lines = text.split('\n');
  const l = lines[c.line];
  lines[c.line] = l.slice(0, c.range.start.character) + value + l.slice(c.range.end.character);
  return lines.join('\n');
}

const near = (rule: string, line: number) => (f: { rule: string; range: { start: { line: number } } }) => f.rule === rule && Math.abs(f.range.start.line - line) <= 2;

describe('injected faults in every sample', () => {
  for (const file of SAMPLES) {
    describe(file, () => {
      const text = readFileSync(join(FIX, file), 'utf8');
      const { report, findings: base } = checkText(text);
      const t3 = report.tables.find((t) => t.id === 't3')!;
      const rowsWithTotals = t3.rows.filter((r) => r.id && r.values.length === 7);

      it('a changed total of every table-三 row is a total-mismatch on that row', () => {
        for (const r of rowsWithTotals) {
          const c = r.values[6];
          const mutated = replaceCell(text, c, String((c.value ?? 0) + 3));
          const f = checkText(mutated).findings;
          assert.ok(f.some(near('total-mismatch', c.line)) || f.some(near('balance-mismatch', c.line)), `${r.id} line ${c.line + 1}`);
        }
      });

      it('a changed part cell is located and the fix restores it', () => {
        const r = t3.rows.find((x) => x.id === 'r1' && x.values.length === 7);
        if (!r) return;
        const c = r.values[0];
        const mutated = replaceCell(text, c, String((c.value ?? 0) + 2));
        const f = checkText(mutated).findings.find(near('total-mismatch', c.line));
        assert.ok(f);
        // Locating the part needs a readable （七）总计 row (lushan's has an extra cell).
        const sevenOk = t3.rows.find((x) => x.id === 'r7')?.values.length === 7;
        if (sevenOk) assert.equal(f.fixes[0]?.edits[0].newText, String(c.value));
      });

      it('every deleted section heading is a section-missing', () => {
        for (const s of report.sections.filter((x) => x.std)) {
          const lines = text.split('\n');
          lines.splice(s.headingLine, 1);
          const f = checkText(lines.join('\n')).findings.filter((x) => x.rule === 'section-missing');
          assert.equal(f.length, 1, `section ${s.std}`);
          assert.equal(f[0].data?.section, s.std);
        }
      });

      it('every renamed section title is a section-title with the standard wording as fix', () => {
        for (const s of report.sections.filter((x) => x.std && x.titleMatch === 'exact')) {
          const lines = text.split('\n');
          lines[s.headingLine] = lines[s.headingLine].replace(s.title, s.title.replace(/情况$|事项$/, '工作$&'));
          const f = checkText(lines.join('\n')).findings.find(near('section-title', s.headingLine));
          assert.ok(f, `section ${s.std}: ${lines[s.headingLine]}`);
          assert.equal(f.fixes[0].edits[0].newText, s.title);
        }
      });

      it('a value cell removed from 一、本年新收 is a table-unbalanced', () => {
        const r = t3.rows.find((x) => x.id === 'new')!;
        const c = r.values[3];
        const lines = text.split('\n');
        if (t3.layout === 'cell-per-line') lines.splice(c.line, 1);
        else lines[c.line] = lines[c.line].slice(0, r.values[2].range.end.character) + lines[c.line].slice(c.range.end.character);
        const f = checkText(lines.join('\n')).findings;
        assert.ok(f.some(near('table-unbalanced', r.range.start.line)), f.map((x) => `${x.range.start.line + 1} ${x.rule}`).join('\n'));
      });

      it('a deleted table-三 row is a table-row-missing', () => {
        const r = t3.rows.find((x) => x.id === 'r5_2')!;
        const lines = text.split('\n');
        lines.splice(r.range.start.line, r.range.end.line - r.range.start.line + 1);
        const f = checkText(lines.join('\n')).findings.filter((x) => x.rule === 'table-row-missing');
        assert.deepEqual(f.map((x) => x.data?.row), ['r5_2']);
      });

      it('the unmutated sample has no arithmetic finding', () => {
        assert.deepEqual(base.filter((f) => f.rule === 'total-mismatch' || f.rule === 'balance-mismatch').map((f) => f.message), []);
      });
    });
  }
});
