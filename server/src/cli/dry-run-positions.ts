// `--fix-dry-run` and `--diff` write nothing, so what they print must point into the file as it is on
// disk. The findings left and the numeric fixes held back come from checking the text as it *would*
// be; a fix that removed or inserted lines moved them (a duplicate title removed: every later finding
// one line too high). They are mapped back through the same composed regions as the changes'
// positions. A finding inside text a fix would insert (the placeholder of an inserted section) points
// at the insertion.
import type { Finding, Position, Range } from '../model';
import { splitLines } from '../parse/text';
import { backMapper, type Change, type Region } from './changes';

export type PositionMap = (p: Position, end: boolean) => Position;

/** Built on first use: a real --fix (the file written) never needs it. */
export function dryRunMapper(original: string, fixed: string, regions: Region[]): PositionMap {
  let fixedStarts: number[] | undefined;
  let toOriginal: ReturnType<typeof backMapper> | undefined;
  return (p, end) => {
    fixedStarts ??= splitLines(fixed).starts;
    toOriginal ??= backMapper(original, regions);
    const offset = Math.min(fixed.length, (fixedStarts[p.line] ?? fixed.length) + p.character);
    return toOriginal(offset, end);
  };
}

function range(r: Range, map: PositionMap): Range {
  const start = map(r.start, false);
  const end = map(r.end, true);
  return { start, end: end.line > start.line || (end.line === start.line && end.character >= start.character) ? end : start };
}

/** The findings (and their fixes' edits) placed in the original text. */
export function findingsInOriginal(findings: Finding[], map: PositionMap): Finding[] {
  return findings.map((f) => ({
    ...f,
    range: range(f.range, map),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: range(e.range, map) })) })),
  }));
}

/** Held-back changes (1-based) placed in the original text; their old text is the fixed text's, as before. */
export function changesInOriginal(changes: Change[], map: PositionMap): Change[] {
  const one = (line: number, column: number, end: boolean) => { const p = map({ line: line - 1, character: column - 1 }, end); return { line: p.line + 1, column: p.character + 1 }; };
  return changes.map((c) => {
    const s = one(c.line, c.column, false);
    const e = one(c.endLine, c.endColumn, true);
    return { ...c, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, ...(c.finding ? { finding: one(c.finding.line, c.finding.column, false) } : {}) };
  });
}
