// 勾稽关系 of table 三, per column: 一 + 二 = （七）总计 + 四 (docs/format.md R3-1).
import { defineRule, say, type RuleFinding } from './rule';
import { grid, sumColumn } from './arithmetic';
import { apartFaults, showBound } from './separated-sums';

const rule = defineRule({
  id: 'balance-mismatch',
  defaultSeverity: 'error',
  fixable: 'no',
  description: { zh: '本年新收＋上年结转 ≠ 办理结果总计＋结转下年度', en: 'new + carried over ≠ outcomes total + carried forward' },
  tags: ['arithmetic', 'table'],
  messages: {
    balance: { zh: '“{column}”列不平衡：一、本年新收 {a} ＋ 二、上年结转 {b} = {left}，而（七）总计 {c} ＋ 四、结转下年度 {d} = {right}（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', en: 'Column “{column}” does not balance: new {a} + carried {b} = {left}, but total {c} + carried forward {d} = {right}' },
    apart: { zh: '“{column}”列不平衡：一、本年新收 ＋ 二、上年结转 = {left}，而（七）总计 ＋ 四、结转下年度 = {right}（该表取自不分列的文本，行名称与数值分开排列，无法逐格对应；但无论怎样对应，此处都对不上）', en: 'Column “{column}” does not balance: new + carried = {left}, but total + carried forward = {right} (the table comes from text without columns, its labels and figures apart and not matched cell by cell; but however they are matched, this does not add up)' },
    apartAll: { zh: '各列（{columns}）合计不平衡：一、本年新收 ＋ 二、上年结转 = {left}，而（七）总计 ＋ 四、结转下年度 = {right}（该表取自不分列的文本，行名称与数值分开排列，无法逐格对应；但无论怎样对应，总有一列对不上）', en: 'Over every column ({columns}) the table does not balance: new + carried = {left}, but total + carried forward = {right} (the table comes from text without columns, its labels and figures apart and not matched cell by cell; but however they are matched, some column does not add up)' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
      // A table read without columns: only what fails in every placement of its figures (separated-sums.ts).
      for (const f of t.unread?.partial ? apartFaults(report, t) : []) {
        if (f.kind !== 'balance') continue;
        const vars = { left: showBound(f.side), right: showBound(f.other) };
        const message = f.column === undefined
          ? say(rule, ctx, 'apartAll', { ...vars, columns: f.spec.columns.map((c) => c.label).join('、') })
          : say(rule, ctx, 'apart', { ...vars, column: f.spec.columns[f.column].label });
        out.push({ range: f.row.labelRange ?? f.row.range, message, data: { apart: 1 } });
      }
      const g = grid(report, t);
      if (!g) continue;
      for (const b of g.spec.balance ?? []) {
        if (!b.left.every((id) => g.rows.has(id)) || !b.right.every((id) => g.rows.has(id))) continue;
        // The rows' values are looked up once per rule and summed in place; arrays are made only for a finding.
        const left = b.left.map((id) => g.rows.get(id)!.values);
        const right = b.right.map((id) => g.rows.get(id)!.values);
        g.spec.columns.forEach((c, i) => {
          const l = sumColumn(left, i), r = sumColumn(right, i);
          if (l === undefined || r === undefined || l === r) return;
          const vals = (ids: string[]) => ids.map((id) => g.rows.get(id)!.values[i]);
          const [a, bb] = vals(b.left);
          const [cc, d] = vals(b.right);
          const anchor = g.rows.get(b.right[b.right.length - 1])!.row.values[i];
          out.push({ range: anchor.range, message: say(rule, ctx, 'balance', { column: c.label, a: a ?? '?', b: bb ?? '?', left: l, c: cc ?? '?', d: d ?? '?', right: r }), data: { left: l, right: r } });
        });
      }
    }
    return out;
  },
});
export default rule;
