// After a total that disagrees with its parts, show the computed sum (`= 22`) right in the table.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { type Analysis, overlaps } from './analysis';
import { disagrees, totalCells } from './totals';

export function inlayHints(a: Analysis, range?: Range): InlayHint[] {
  const out: InlayHint[] = [];
  const seen = new Set<string>();
  for (const t of totalCells(a.report)) {
    if (!disagrees(t) || (range && !overlaps(t.cell.range, range))) continue;
    // A cell that is both a row total and a column total gets one hint per distinct sum.
    const key = `${t.cell.range.end.line}:${t.cell.range.end.character}:${t.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      position: t.cell.range.end,
      label: `= ${t.expected}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: a.lang === 'en' ? `sum of ${t.parts.length} parts` : `${t.parts.length} 项之和`,
    });
  }
  return out;
}
