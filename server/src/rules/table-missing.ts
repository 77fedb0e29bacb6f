// Each standard table must be in its section; the fix inserts the template table with zeros.
import { defineRule, say, type RuleFinding } from './rule';
import { formatSpec } from '../spec';
import { renderTable } from '../spec/render';
import { outlineApplies, stdSections } from './sections';
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
    fix: { zh: '插入标准表格：{name}', en: 'Insert the standard table: {name}' },
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
      specs.forEach((t, k) => {
        if (found.has(t.id)) return;
        // Insert after the previous table of the section if present, else at the end of the section body.
        const prev = specs.slice(0, k).reverse().map((p) => report.tables.find((x) => x.id === p.id)).find(Boolean);
        const next = specs.slice(k + 1).map((p) => report.tables.find((x) => x.id === p.id)).find(Boolean);
        const line = next ? next.range.start.line : prev ? prev.endLine : s.bodyEndLine;
        const lines = renderTable(t, { layout: report.dominantLayout, blankLineCells: report.blankLineCells });
        const name = t.name[ctx.lang];
        const atEnd = line >= report.lines.length;
        const last = report.lines.length - 1;
        const at = atEnd ? range(last, report.lines[last].length, last, report.lines[last].length) : range(line, 0, line, 0);
        const newText = atEnd ? report.eol + lines.join(report.eol) : lines.join(report.eol) + report.eol;
        out.push({
          range: s.headingRange,
          message: say(rule, ctx, 'missing', { name }),
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
