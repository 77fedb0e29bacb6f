// Shared by the section rules: where each standard section is, and where a missing one goes.
import type { Range, Report, Section } from '../model';
import { range } from '../parse/text';
import { isPrintFurniture } from '../parse/pdf-furniture';
import { formatSpec } from '../spec';

export function stdSections(report: Report): Section[] {
  return report.sections.filter((s) => s.std !== undefined);
}

/** Whether the outline rules apply: a report with a recognisable outline in a national format. */
export function outlineApplies(report: Report): boolean {
  return !report.notAReport && report.format !== 'legacy';
}

/**
 * Where text for a missing section n goes: before the next standard section that is present,
 * else before the signature date, else at the end. Returns an empty range and the text prefix/suffix.
 */
export function insertionPoint(report: Report, n: number): { range: Range; before: string; after: string } {
  const eol = report.eol;
  const next = stdSections(report).find((s) => (s.std ?? 0) > n);
  if (next) return { range: range(next.headingLine, 0, next.headingLine, 0), before: '', after: eol };
  const last = report.sections[report.sections.length - 1];
  const date = report.publishDate;
  if (date && last && date.line > last.headingLine) {
    // Keep the signature block (agency line + date) at the end.
    let line = date.line;
    const prev = line - 1;
    if (prev > last.headingLine && report.lines[prev].trim() !== '' && report.lines[prev].trim().length <= 30) line = prev;
    return { range: range(line, 0, line, 0), before: '', after: eol };
  }
  // After the last line of text: not after a printed page's footer or page number left at the end.
  let endLine = (report.annexLine ?? report.lines.length) - 1;
  const floor = last ? last.headingLine : 0;
  let k = endLine;
  while (k > floor && (report.lines[k].trim() === '' || isPrintFurniture(report.lines[k].trim()))) k--;
  if (k < endLine && isPrintFurniture(report.lines.slice(k + 1, endLine + 1).find((l) => l.trim() !== '')?.trim() ?? '')) endLine = k;
  const len = report.lines[endLine]?.length ?? 0;
  return { range: range(endLine, len, endLine, len), before: eol, after: '' };
}

/** Whether a section has any text of its own: a table, or a line that is not the signature block after 六. */
export function sectionHasContent(report: Report, s: Section): boolean {
  if (s.tables.length > 0) return true;
  const date = report.publishDate;
  for (let i = s.bodyStartLine; i < s.bodyEndLine; i++) {
    if (report.normLines[i].trim() === '') continue;
    if (date && i >= date.line - 1 && s.bodyEndLine - 1 <= date.line + 1) continue;
    return true;
  }
  return false;
}

/** Whether none of the tables the format puts in this section was found: table-missing reports that section once. */
export function sectionTablesAllMissing(report: Report, s: Section): boolean {
  const specs = formatSpec(report.format).tables.filter((t) => t.section === s.std);
  return specs.length > 0 && !specs.some((t) => report.tables.some((x) => x.id === t.id));
}
