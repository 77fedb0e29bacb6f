// A table whose text gives its labels and figures apart (plain pdftotext, parse/separated.ts): said
// once, as information, instead of a finding on every row. Its rows and arithmetic are not checked
// (the other table rules skip it, see checkedTables); sections and prose still are.
import { defineRule, say, type RuleFinding } from './rule';
import { specOf, tableAnchor } from './util';

const rule = defineRule({
  id: 'table-unreadable',
  defaultSeverity: 'info',
  fixable: 'no',
  description: { zh: '表格的行名称与数值在文本中分离（如不带 -layout 的 pdftotext），无法对应，未检查该表', en: 'The text gives a table’s labels and figures apart (e.g. pdftotext without -layout); the table was not checked' },
  tags: ['table', 'layout'],
  messages: {
    unread: {
      zh: '表格“{table}”的行名称与数值在文本中是分开的（{without} 行没有紧随其后的数值，{extra} 处数值不在自己的行名称之后），无法判断每个数值属于哪一格，因此未检查该表的行、列和合计。请检查 PDF 原件（govreport check 报告.pdf 按坐标读取表格），或用 pdftotext -layout 重新转换文本',
      en: 'The text gives the labels and figures of table “{table}” apart ({without} {without:row has|rows have} no figures after {without:it|them}, {extra} {extra:run|runs} of figures {extra:follows|follow} no label of {extra:its|their} own): which figure is in which cell cannot be told, so the table’s rows, columns and totals were not checked. Check the PDF itself (govreport check report.pdf reads tables by position) or convert it again with pdftotext -layout',
    },
    pieces: {
      zh: '表格“{table}”的数值在文本中被表头文字分成 {extra} 段，无法判断每个数值属于哪一列，因此未检查该表的合计。请检查 PDF 原件（govreport check 报告.pdf 按坐标读取表格），或用 pdftotext -layout 重新转换文本',
      en: 'The figures of table “{table}” come in {extra} {extra:piece|pieces} between header words: which figure is in which column cannot be told, so the table’s totals were not checked. Check the PDF itself (govreport check report.pdf reads tables by position) or convert it again with pdftotext -layout',
    },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
      if (!t.unread) continue;
      const spec = specOf(report, t);
      out.push({
        range: tableAnchor(report, t),
        message: say(rule, ctx, t.unread.labelsWithoutValues ? 'unread' : 'pieces', { table: spec?.name[ctx.lang] ?? t.id, without: t.unread.labelsWithoutValues, extra: t.unread.valuesWithoutLabel }),
        data: { table: t.id, labelsWithoutValues: t.unread.labelsWithoutValues, valuesWithoutLabel: t.unread.valuesWithoutLabel },
      });
    }
    return out;
  },
});

export default rule;
