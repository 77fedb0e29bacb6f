// Hover: what the standard says about the thing under the cursor — a section heading (standard
// title, requirement, legal basis), a row or column label (standard wording, basis, note), a total
// (= a + b + … = sum, and whether it matches), and any diagnostic (rule explanation and link).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Cell, Table } from '../model';
import { format, type Lang } from '../i18n';
import { formatSpec, LEGACY_HEADINGS } from '../spec';
import { rowLabel, sectionHeading } from '../spec/render';
import type { Bilingual, TableSpec } from '../spec/types';
import { ruleById } from '../rules';
import { specOf } from '../rules/util';
import { type Analysis, contains } from './analysis';
import { ruleDocUri } from './diagnostics';
import { totalCells, type TotalCell } from './totals';

const T: Record<string, Bilingual> = {
  standard: { zh: '标准标题', en: 'Standard heading' },
  standardLabel: { zh: '标准名称', en: 'Standard label' },
  requirement: { zh: '要求', en: 'Requirement' },
  basis: { zh: '依据', en: 'Basis' },
  note: { zh: '说明', en: 'Note' },
  table: { zh: '所在表格', en: 'Table' },
  law: { zh: '《中华人民共和国政府信息公开条例》第五十条规定年度报告应包括的内容', en: 'Regulations on Open Government Information (《中华人民共和国政府信息公开条例》), art. 50: contents of the annual report' },
  legacy: { zh: '旧版提纲的章节，现行格式中并入“{to}”', en: 'A heading of the old outline; in the current format it belongs in “{to}”' },
  across: { zh: '“{label}”行的合计', en: 'Total of row “{label}”' },
  acrossNoRow: { zh: '{label}', en: '{label}' },
  down: { zh: '“{label}”列的（七）总计', en: '(七) total of column “{label}”' },
  matches: { zh: '✓ 与各项之和一致', en: '✓ matches the sum of its parts' },
  differs: { zh: '✗ 表中为 {actual}，与各项之和 {expected} 不一致', en: '✗ the table says {actual}, the parts sum to {expected}' },
  unreadable: { zh: '部分分项无法读取，无法计算合计', en: 'Some parts cannot be read; the sum cannot be computed' },
  rowOf: { zh: '行', en: 'row' },
  columnOf: { zh: '列', en: 'column' },
  docs: { zh: '规则说明', en: 'Rule documentation' },
};

const t = (key: string, lang: Lang, params: Record<string, string | number> = {}) => format(T[key][lang], params);

/**
 * Document text shown in Markdown: every character that could start markup, HTML or a link is
 * backslash-escaped, so a label such as `<img src=…>` or `*x*` is shown as written.
 */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~#]/g, (c) => `\\${c}`);
}

/** 《条例》 is the short name used in the spec texts; spell it out once in hovers. */
function expandLaw(s: string): string {
  return s.replace(/《条例》/g, '《政府信息公开条例》');
}

export function hover(a: Analysis, pos: Position, docsBase: string): Hover | null {
  const parts: string[] = [];
  const lang = a.lang;
  const report = a.report;
  const spec = formatSpec(report.format === 'legacy' ? '2021' : report.format);

  for (const s of report.sections) {
    if (s.headingLine !== pos.line || !contains(s.headingRange, pos)) continue;
    const std = s.std ? spec.sections.find((x) => x.n === s.std) : undefined;
    if (std) {
      parts.push([
        `**${t('standard', lang)}**：${sectionHeading(std)}`,
        `**${t('requirement', lang)}**：${expandLaw(std.requirement[lang])}`,
        `**${t('basis', lang)}**：${expandLaw(std.basis[lang])}`,
        `_${t('law', lang)}_`,
      ].join('\n\n'));
    } else if (s.legacyExtra) {
      const legacy = LEGACY_HEADINGS.find((h) => h.id === s.legacyExtra);
      const into = legacy && spec.sections.find((x) => x.n === legacy.mergeInto);
      if (into) parts.push(`${t('legacy', lang, { to: sectionHeading(into) })}\n\n_${t('law', lang)}_`);
    }
  }

  const table = report.tables.find((x) => x.range.start.line <= pos.line && pos.line <= x.range.end.line);
  if (table) {
    const tspec = specOf(report, table);
    if (tspec) parts.push(...labelHover(table, tspec, pos, lang));
    const totals = totalCells(report).filter((x) => x.table === table && contains(x.cell.range, pos));
    for (const total of totals) parts.push(totalHover(total, lang));
    if (tspec && totals.length === 0) {
      const where = valueCellAt(table, tspec, pos);
      if (where) parts.push(where);
    }
  }

  for (const f of a.findings) {
    if (!contains(f.range, pos)) continue;
    const rule = ruleById(f.rule);
    const href = ruleDocUri(docsBase, f.rule);
    parts.push(`**[${f.rule}](${href})** — ${rule?.description[lang] ?? ''}\n\n[${t('docs', lang)}](${href})`);
  }

  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: [...new Set(parts)].join('\n\n---\n\n') } };
}

function labelHover(table: Table, tspec: TableSpec, pos: Position, lang: Lang): string[] {
  const out: string[] = [];
  for (const row of table.rows) {
    const onLabel = (row.labelRange && contains(row.labelRange, pos)) || row.labelCells.some((c) => contains(c.range, pos));
    if (!onLabel || !row.id) continue;
    const rs = tspec.rows.find((r) => r.id === row.id);
    if (!rs) continue;
    const lines = [`**${t('standardLabel', lang)}**：${rowLabel(rs)}`, `**${t('table', lang)}**：${tspec.name[lang]}`];
    const basis = rs.basis ?? tspec.basis;
    if (basis) lines.push(`**${t('basis', lang)}**：${expandLaw(basis[lang])}`);
    if (rs.note) lines.push(`**${t('note', lang)}**：${rs.note[lang]}`);
    out.push(lines.join('\n\n'));
  }
  for (const h of table.headers) {
    if (!h.columnId || !contains(h.cell.range, pos)) continue;
    const col = tspec.columns.find((c) => c.id === h.columnId);
    if (col) out.push(`**${t('standardLabel', lang)}**：${col.label}\n\n**${t('table', lang)}**：${tspec.name[lang]}`);
  }
  if (table.caption && contains(table.caption.range, pos)) {
    const lines = [`**${tspec.name[lang]}**`];
    if (tspec.basis) lines.push(`**${t('basis', lang)}**：${expandLaw(tspec.basis[lang])}`);
    out.push(lines.join('\n\n'));
  }
  return out;
}

function totalHover(total: TotalCell, lang: Lang): string {
  const terms = total.parts.map((p) => (p.value === undefined ? '?' : String(p.value)));
  const head = `**${t(total.kind === 'down' ? 'down' : total.table.id === 't4' ? 'acrossNoRow' : 'across', lang, { label: mdText(total.label) })}**`;
  if (total.expected === undefined) return `${head}\n\n${t('unreadable', lang)}`;
  // A long sum (21 outcomes) is still worth showing in full: it is what a reviewer checks by hand.
  const formula = `= ${terms.join(' + ')} = **${total.expected}**`;
  const verdict = total.actual === total.expected ? t('matches', lang) : t('differs', lang, { actual: total.actual ?? '?', expected: total.expected });
  return `${head}\n\n${formula}\n\n${verdict}`;
}

/** "row × column" for a plain number cell, so a reader lost in a one-cell-per-line table knows where they are. */
function valueCellAt(table: Table, tspec: TableSpec, pos: Position): string | undefined {
  for (const row of table.rows) {
    const i = row.values.findIndex((c: Cell) => contains(c.range, pos));
    if (i < 0) continue;
    const spec = row.values.length === tspec.columns.length ? tspec.columns[i] : undefined;
    // Table 四 repeats 结果维持…总计 under each group; its aliases carry the group name.
    const col = spec && (row.label ? spec.label : spec.aliases?.[0] ?? spec.label);
    const rs = row.id ? tspec.rows.find((r) => r.id === row.id) : undefined;
    const rowName = rs ? rowLabel(rs) || tspec.name.zh : row.label;
    return col ? `${mdText(rowName)} × ${mdText(col)}` : mdText(rowName) || undefined;
  }
  return undefined;
}

