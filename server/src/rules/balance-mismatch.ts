// 勾稽关系 of table 三, per column: 一 + 二 = （七）总计 + 四 (docs/format.md R3-1).
import { defineRule, say, type RuleFinding } from './rule';
import { grid, sumColumn } from './arithmetic';

const rule = defineRule({
  id: 'balance-mismatch',
  defaultSeverity: 'error',
  fixable: 'no',
  description: { zh: '本年新收＋上年结转 ≠ 办理结果总计＋结转下年度', en: 'new + carried over ≠ outcomes total + carried forward' },
  tags: ['arithmetic', 'table'],
  messages: {
    balance: { zh: '“{column}”列不平衡：一、本年新收 {a} ＋ 二、上年结转 {b} = {left}，而（七）总计 {c} ＋ 四、结转下年度 {d} = {right}（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', en: 'Column “{column}” does not balance: new {a} + carried {b} = {left}, but total {c} + carried forward {d} = {right}' },
  },
  check(report, ctx) {
    const out: RuleFinding[] = [];
    for (const t of report.tables) {
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
