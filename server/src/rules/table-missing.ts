// Each standard table must be in its section; the fix inserts the template table with zeros.
import { defineRule, say, type RuleFinding } from './rule';
import { formatSpec } from '../spec';
import { renderTable } from '../spec/render';
import { outlineApplies, sectionHasContent, sectionTablesAllMissing, stdSections } from './sections';
import type { Report } from '../model';
import { range } from '../parse/text';
import { findHtmlTable } from '../parse/html-table';
import type { Range } from '../model';

const rule = defineRule({
  id: 'table-missing',
  defaultSeverity: 'warning',
  fixable: 'yes',
  description: { zh: '章节中缺少必需的统计表', en: 'A required table is missing from its section' },
  tags: ['table', 'structure'],
  messages: {
    missing: { zh: '缺少统计表“{name}”', en: 'Missing table “{name}”' },
    missingAll: { zh: '缺少本章节的全部 {n} 张统计表：{names}', en: 'All {n} tables of this section are missing: {names}' },
    emptyNoTables: {
      zh: '章节“{title}”没有内容，缺少统计表{names}（网页上的表格若是图片，文字中读不到，请核对原件）',
      en: 'Section “{title}” is empty: the table(s) {names} are missing (tables published as images cannot be read from the text; check the original)',
    },
    fix: { zh: '插入标准表格：{name}', en: 'Insert the standard table: {name}' },
    fixAll: { zh: '插入本章节的 {n} 张标准表格', en: 'Insert the section\'s {n} standard tables' },
    html: {
      zh: '表格为 HTML 代码，未能逐格检查；请直接检查原网页（.html）或 Word/PDF 原件，govreport 能读取它们的表格',
      en: 'The tables are HTML code and were not checked cell by cell; check the original web page (.html) or Word/PDF file instead: govreport reads their tables',
    },
  },
  check(report, ctx) {
    if (!outlineApplies(report)) return [];
    const format = formatSpec(report.format);
    const found = new Set(report.tables.map((t) => t.id));
    const out: RuleFinding[] = [];
    // A raw HTML table (converter Markdown) is a table we cannot read, not a missing one: one info per report.
    let html: Range | undefined;
    for (const s of stdSections(report)) {
      const specs = format.tables.filter((t) => t.section === s.std);
      const htmlHere = specs.some((t) => !found.has(t.id)) ? findHtmlTable(report.lines, s.bodyStartLine, s.bodyEndLine) : undefined;
      if (htmlHere) { html ??= htmlHere; continue; }
      // None of the section's tables found (on a page they are often images): one finding for the section, not one
      // per table, saying whether the section is empty; one fix inserts them all at the end of its body.
      if (specs.length > 1 && sectionTablesAllMissing(report, s)) {
        const names = specs.map((t) => `“${t.name[ctx.lang]}”`).join(ctx.lang === 'zh' ? '、' : ', ');
        const rendered = specs.map((t) => renderTable(t, { layout: report.dominantLayout, blankLineCells: report.blankLineCells }).join(report.eol));
        const { at, newText } = insertAt(report, s.bodyEndLine, rendered.join(report.eol));
        const key = sectionHasContent(report, s) ? 'missingAll' : 'emptyNoTables';
        out.push({
          range: s.headingRange,
          message: say(rule, ctx, key, { names, title: s.title, n: specs.length }),
          fixes: [{ title: say(rule, ctx, 'fixAll', { n: specs.length }), edits: [{ range: at, newText }], safe: true, numbers: true }],
          data: { table: specs.map((t) => t.id).join(',') },
        });
        continue;
      }
      const empty = !sectionHasContent(report, s);
      specs.forEach((t, k) => {
        if (found.has(t.id)) return;
        // Insert after the previous table of the section if present, else at the end of the section body.
        const prev = specs.slice(0, k).reverse().map((p) => report.tables.find((x) => x.id === p.id)).find(Boolean);
        const next = specs.slice(k + 1).map((p) => report.tables.find((x) => x.id === p.id)).find(Boolean);
        const line = next ? next.range.start.line : prev ? prev.endLine : s.bodyEndLine;
        const lines = renderTable(t, { layout: report.dominantLayout, blankLineCells: report.blankLineCells });
        const name = t.name[ctx.lang];
        const { at, newText } = insertAt(report, line, lines.join(report.eol));
        out.push({
          range: s.headingRange,
          message: say(rule, ctx, empty ? 'emptyNoTables' : 'missing', { name, names: `“${name}”`, title: s.title, n: 1 }),
          fixes: [{ title: say(rule, ctx, 'fix', { name }), edits: [{ range: at, newText }], safe: true, numbers: true }],
          data: { table: t.id },
        });
      });
    }
    if (html) out.push({ range: html, message: say(rule, ctx, 'html'), severity: 'info' });
    return out;
  },
});
export default rule;

/** An insertion of text at the start of a line, or after the last line when the line is past the end. */
function insertAt(report: Report, line: number, text: string): { at: Range; newText: string } {
  if (line < report.lines.length) return { at: range(line, 0, line, 0), newText: text + report.eol };
  const last = report.lines.length - 1;
  return { at: range(last, report.lines[last].length, last, report.lines[last].length), newText: report.eol + text };
}
