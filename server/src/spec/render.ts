// Renders template sections, tables and rows as text, in the layout the document already uses.
// Used by fixes (insert a missing table/row/section) and by the snippet generator.
import type { Layout } from '../model';
import type { FormatSpec, RowSpec, SectionSpec, TableSpec } from './types';
import { CN_NUMERALS } from './sections';

export interface RenderStyle {
  layout: Layout;
  /** One-cell-per-line layouts: put a blank line between cells. */
  blankLineCells?: boolean;
  eol?: string;
  /** Text of every value cell (snippets use tab stops, fixes use 0). */
  value?: (index: number) => string;
}

export function ordinalText(o: RowSpec['ordinal']): string {
  if (!o) return '';
  if (o.style === 'cn') return `${CN_NUMERALS[o.value]}、`;
  if (o.style === 'paren') return `（${CN_NUMERALS[o.value]}）`;
  return `${o.value}.`;
}

/** A table's short name as the format numbers it: t3 → 表三 / Table 3, t2.1 → 表二（一） / Table 2(1). */
export function tableShortName(id: string): { zh: string; en: string } {
  const m = /^t(\d)(?:\.(\d))?$/.exec(id);
  if (!m) return { zh: id, en: id };
  return { zh: `表${CN_NUMERALS[+m[1]]}${m[2] ? `（${CN_NUMERALS[+m[2]]}）` : ''}`, en: `Table ${m[1]}${m[2] ? `(${m[2]})` : ''}` };
}

export function rowLabel(row: RowSpec): string {
  return ordinalText(row.ordinal) + row.label;
}

export function sectionHeading(s: SectionSpec): string {
  return `${CN_NUMERALS[s.n]}、${s.title}`;
}

/** Lines of one table line (a list of cells) in the given layout. */
export function renderCells(cells: string[], style: RenderStyle): string[] {
  switch (style.layout) {
    case 'tab':
      return [cells.join('\t')];
    case 'markdown':
      return [`| ${cells.join(' | ')} |`];
    case 'cell-per-line': {
      if (!style.blankLineCells) return cells;
      const out: string[] = [];
      cells.forEach((c, i) => {
        if (i > 0) out.push('');
        out.push(c);
      });
      return out;
    }
    case 'aligned':
      return [cells.join('    ')];
    case 'spaced':
      return [cells.join(' ')];
    default:
      return [cells.join(' | ')];
  }
}

function joinBlocks(blocks: string[][], style: RenderStyle): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (i > 0 && style.layout === 'cell-per-line' && style.blankLineCells) out.push('');
    out.push(...b);
  });
  return out;
}

/** The lines of a template row with values (zeros unless style.value says otherwise). */
export function renderRow(table: TableSpec, row: RowSpec, style: RenderStyle, counter = { n: 0 }): string[] {
  const value = style.value ?? (() => '0');
  if (row.group) return renderCells([rowLabel(row)], style);
  const values = table.columns.map(() => value(++counter.n));
  return renderCells(row.label || table.unlabeledRow ? (table.unlabeledRow ? values : [rowLabel(row), ...values]) : values, style);
}

export function renderTable(table: TableSpec, style: RenderStyle): string[] {
  const counter = { n: 0 };
  const blocks: string[][] = [];
  if (table.caption) blocks.push(renderCells([table.caption], style));
  if (table.id === 't3') {
    blocks.push(renderCells([table.headerGroups![0], table.headerGroups![1]], style));
    blocks.push(renderCells(table.columns.map((c) => c.label), style));
  } else if (table.id === 't4') {
    blocks.push(renderCells(['行政复议', '行政诉讼'], style));
    blocks.push(renderCells(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'], style));
    blocks.push(renderCells(table.columns.slice(5).map((c) => c.label), style));
  } else {
    blocks.push(renderCells([table.rowHeader ?? '信息内容', ...table.columns.map((c) => c.label)], style));
  }
  if (style.layout === 'markdown') {
    // A Markdown table needs a delimiter row under its first line to render as a table.
    const width = table.id === 't4' ? 15 : table.id === 't3' ? 8 : table.columns.length + 1;
    blocks[table.caption ? 1 : 0].push(`|${' --- |'.repeat(width)}`);
  }
  for (const row of table.rows) blocks.push(renderRow(table, row, style, counter));
  return joinBlocks(blocks, style);
}

/** Heading plus body for a section: its tables, or a placeholder sentence for prose sections. */
export function renderSection(format: FormatSpec, s: SectionSpec, style: RenderStyle, placeholder: string): string[] {
  const lines = [sectionHeading(s)];
  const tables = format.tables.filter((t) => t.section === s.n);
  if (tables.length === 0) lines.push(placeholder);
  for (const t of tables) lines.push(...renderTable(t, style));
  return lines;
}
