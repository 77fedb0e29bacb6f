// Every total cell of the parsed tables with the parts it sums: the 总计 column of table 三 (across),
// the （七）总计 row (down), and the review/litigation totals of table 四. Hover shows the sum, inlay
// hints mark the totals that disagree. Reuses the arithmetic rules' grid (same reading of the cells).
import type { Cell, Report, Table } from '../model';
import { grid, sumOf } from '../rules/arithmetic';

export interface TotalPart {
  label: string;
  value: number | undefined;
}

export interface TotalCell {
  table: Table;
  cell: Cell;
  kind: 'across' | 'down';
  /** Label of the row (across) or column (down) the total belongs to. */
  label: string;
  parts: TotalPart[];
  actual: number | undefined;
  /** Sum of the parts; undefined when a part is unreadable. */
  expected: number | undefined;
}

export function totalCells(report: Report): TotalCell[] {
  const out: TotalCell[] = [];
  for (const t of report.tables) {
    const g = grid(report, t);
    if (!g) continue;
    const colLabel = (id: string) => g.spec.columns.find((c) => c.id === id)?.label ?? id;
    for (const rule of g.spec.across ?? []) {
      const ti = g.col(rule.total);
      for (const { row, values } of g.rows.values()) {
        const cell = row.values[ti];
        if (!cell) continue;
        const parts = rule.parts.map((p) => ({ label: colLabel(p), value: values[g.col(p)] }));
        // Table 四's one data row has no label: name the total by its column group (行政复议总计…).
        const col = g.spec.columns[ti];
        const label = row.label ? (row.ordinal?.text ?? '') + row.label : col.aliases?.[0] ?? col.label;
        out.push({ table: t, cell, kind: 'across', label, parts, actual: values[ti], expected: sum(parts) });
      }
    }
    for (const rule of g.spec.down ?? []) {
      const totalRow = g.rows.get(rule.total);
      if (!totalRow) continue;
      g.spec.columns.forEach((c, i) => {
        const cell = totalRow.row.values[i];
        if (!cell) return;
        const parts = rule.parts.map((p) => {
          const r = g.rows.get(p);
          const spec = g.spec.rows.find((x) => x.id === p);
          return { label: r?.row.label || spec?.label || p, value: r?.values[i] };
        });
        out.push({ table: t, cell, kind: 'down', label: c.label, parts, actual: totalRow.values[i], expected: sum(parts) });
      });
    }
  }
  return out;
}

function sum(parts: TotalPart[]): number | undefined {
  return sumOf(parts.map((p) => p.value));
}

export function disagrees(t: TotalCell): boolean {
  return t.expected !== undefined && t.actual !== undefined && t.expected !== t.actual;
}
