// Completion of the fixed vocabulary of a report: the six section headings at the start of a line,
// the row labels of the table the cursor is in (table 三 with ordinals; table 二 blocks: rows,
// columns, captions), and the 第二十条第（…）项 captions in section 二. Items replace the text typed
// so far on the line, so filtering works for Chinese text where there is no "word" boundary.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { Report, Section } from '../model';
import { formatSpec } from '../spec';
import { rowLabel, sectionHeading } from '../spec/render';
import type { TableSpec } from '../spec/types';
import type { Analysis } from './analysis';

const DETAIL = {
  heading: { zh: '标准一级标题', en: 'standard section heading' },
  row: { zh: '标准行名称', en: 'standard row label' },
  column: { zh: '标准列名称', en: 'standard column label' },
  caption: { zh: '第二十条统计项', en: 'article 20 item' },
};

export function completion(a: Analysis, pos: Position): CompletionItem[] {
  const report = a.report;
  const lang = a.lang;
  const line = report.lines[pos.line] ?? '';
  const typed = line.slice(0, pos.character);
  const indent = /^\s*/.exec(typed)![0];
  // Only complete at the start of a line (after optional indentation and partial label text):
  // labels and headings always begin a line or a cell; inside prose nothing is offered.
  const cellStart = Math.max(typed.lastIndexOf('|'), typed.lastIndexOf('\t'));
  const from = cellStart >= 0 ? cellStart + 1 : indent.length;
  const prefix = typed.slice(from).trimStart();
  if (prefix.length > 40) return [];
  const replace: Range = { start: { line: pos.line, character: typed.length - prefix.length }, end: pos };
  const fmt = formatSpec(report.format === 'legacy' ? '2021' : report.format);
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, detail: string, sort: string, documentation?: string) => {
    if (items.some((i) => i.label === label)) return;
    items.push({
      label, kind, detail, sortText: sort, filterText: label, documentation,
      textEdit: { range: replace, newText: label }, insertTextFormat: InsertTextFormat.PlainText,
    });
  };

  const section = sectionAt(report, pos.line);
  const table = report.tables.find((t) => t.range.start.line <= pos.line && pos.line <= Math.max(t.range.end.line, t.endLine - 1));
  const tableSpecs: TableSpec[] = [];
  if (table) {
    const s = fmt.tables.find((t) => t.id === table.id);
    if (s) tableSpecs.push(s);
  } else if (section?.std) {
    // Between tables of a section (or in a section whose table is not written yet): its tables.
    tableSpecs.push(...fmt.tables.filter((t) => t.section === section.std));
  }
  tableSpecs.forEach((ts, ti) => {
    ts.rows.forEach((r, i) => {
      const label = rowLabel(r);
      if (label) add(label, CompletionItemKind.Field, `${DETAIL.row[lang]} · ${ts.name[lang]}`, `0${ti}${String(i).padStart(3, '0')}`, r.basis?.[lang]);
    });
    ts.columns.forEach((c, i) => add(c.label, CompletionItemKind.Property, `${DETAIL.column[lang]} · ${ts.name[lang]}`, `1${ti}${String(i).padStart(3, '0')}`));
    if (ts.rowHeader) add(ts.rowHeader, CompletionItemKind.Property, DETAIL.column[lang], `1${ti}999`);
  });
  // Captions of the table-二 blocks: in section 二, or anywhere the user starts typing one.
  if (section?.std === 2 || table?.id.startsWith('t2') || prefix.startsWith('第')) {
    fmt.tables.filter((t) => t.caption).forEach((t, i) => add(t.caption!, CompletionItemKind.Module, `${DETAIL.caption[lang]} · ${t.name[lang]}`, `2${i}`));
  }
  if (cellStart < 0) {
    fmt.sections.forEach((s) => add(sectionHeading(s), CompletionItemKind.Class, DETAIL.heading[lang], `3${s.n}`, s.requirement[lang]));
  }
  return items;
}

function sectionAt(report: Report, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of report.sections) if (s.headingLine <= line) found = s;
  return found;
}
