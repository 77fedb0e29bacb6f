// Outline: sections → their tables → table rows. Names are the text as written (so the outline
// mirrors the document); the standard wording goes into `detail` when it differs.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { Report, Section, Table } from '../model';
import { formatSpec } from '../spec';
import { rowLabel, sectionHeading } from '../spec/render';
import { specOf } from '../rules/util';
import type { Analysis } from './analysis';
import { before } from '../parse/text';

export function documentSymbols(a: Analysis, withRows = true): DocumentSymbol[] {
  const report = a.report;
  const fmt = formatSpec(report.format === 'legacy' ? '2021' : report.format);
  const claimed = new Set<Table>();
  const out: DocumentSymbol[] = [];
  for (const s of report.sections) {
    const children = s.tables.map((t) => { claimed.add(t); return tableSymbol(report, t, a.lang, withRows); });
    const std = s.std ? fmt.sections.find((x) => x.n === s.std) : undefined;
    const name = report.lines[s.headingLine]?.trim() || s.title || '?';
    const detail = std && sectionHeading(std) !== name ? sectionHeading(std) : undefined;
    out.push(symbol(name, detail, SymbolKind.Namespace, sectionRange(report, s), s.headingRange, children));
  }
  // Tables outside any section (a report without headings) still show up, at the top level.
  for (const t of report.tables) if (!claimed.has(t)) out.push(tableSymbol(report, t, a.lang, withRows));
  out.sort((x, y) => x.range.start.line - y.range.start.line);
  return out;
}

function tableSymbol(report: Report, t: Table, lang: 'zh' | 'en', withRows: boolean): DocumentSymbol {
  const spec = specOf(report, t);
  const name = t.caption?.text.trim() || spec?.name[lang] || t.id;
  const detail = spec ? spec.name[lang] : undefined;
  const rows = withRows
    ? t.rows.filter((r) => r.label || r.values.length).map((r) => {
      const rs = r.id ? spec?.rows.find((x) => x.id === r.id) : undefined;
      const label = (r.ordinal?.text ?? '') + r.label || (rs ? rowLabel(rs) : '') || r.values.map((v) => v.text).join(' ');
      return symbol(label || '…', r.values.length ? r.values.map((v) => v.text || '∅').join(' ') : undefined, SymbolKind.Field, r.range, r.labelRange ?? r.range, []);
    })
    : [];
  return symbol(name, detail !== name ? detail : undefined, SymbolKind.Struct, t.range, t.caption?.range ?? t.range, rows);
}

/** Heading line through the last non-blank line of the body. */
function sectionRange(report: Report, s: Section): Range {
  let last = Math.max(s.headingLine, s.bodyEndLine - 1);
  while (last > s.headingLine && !(report.lines[last] ?? '').trim()) last--;
  return { start: { line: s.headingLine, character: 0 }, end: { line: last, character: (report.lines[last] ?? '').length } };
}

/** VS Code rejects a symbol whose selection range lies outside its range, or a child outside its parent: widen. */
function symbol(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range, children: DocumentSymbol[]): DocumentSymbol {
  let r = union(range, selection);
  for (const c of children) r = union(r, c.range);
  return { name, detail, kind, range: r, selectionRange: selection, children };
}

function union(a: Range, b: Range): Range {
  return { start: before(b.start, a.start) ? b.start : a.start, end: before(a.end, b.end) ? b.end : a.end };
}
