// Folding: each section (heading to its last non-blank line) and each table.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';

export function foldingRanges(a: Analysis): FoldingRange[] {
  const r = a.report;
  const out: FoldingRange[] = [];
  for (const s of r.sections) {
    let last = Math.max(s.headingLine, s.bodyEndLine - 1);
    while (last > s.headingLine && !(r.lines[last] ?? '').trim()) last--;
    if (last > s.headingLine) out.push({ startLine: s.headingLine, endLine: last, kind: FoldingRangeKind.Region, collapsedText: r.lines[s.headingLine]?.trim() });
  }
  for (const t of r.tables) {
    if (t.range.end.line > t.range.start.line) out.push({ startLine: t.range.start.line, endLine: t.range.end.line, kind: FoldingRangeKind.Region });
  }
  return out.sort((x, y) => x.startLine - y.startLine);
}
