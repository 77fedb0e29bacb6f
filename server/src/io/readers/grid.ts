// Merged cells → a plain grid. A merged cell's text stands in its first (top-left) position and
// the positions it covers are blank cells: the way a table copied out of Word or a browser looks
// as text, and what the parser expects (blanks next to labels are layout, not values).

export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
}

// Spans beyond this are typing errors (colspan="1000"); capping keeps the grid linear in the input.
const MAX_SPAN = 64;

export function gridFromSpans(rows: SpanCell[][]): string[][] {
  const grid: string[][] = [];
  // For each column, how many more rows a rowspan above still covers.
  const covered: number[] = [];
  for (const row of rows) {
    const out: string[] = [];
    let col = 0;
    const skipCovered = (): void => {
      while (covered[col] > 0) { covered[col]--; out.push(''); col++; }
    };
    for (const cell of row) {
      skipCovered();
      const cs = Math.min(MAX_SPAN, Math.max(1, cell.colspan | 0));
      const rs = Math.min(MAX_SPAN, Math.max(1, cell.rowspan | 0));
      for (let k = 0; k < cs; k++) {
        out.push(k === 0 ? cell.text : '');
        if (rs > 1) covered[col] = Math.max(covered[col] ?? 0, rs - 1);
        col++;
      }
    }
    // Rowspans reaching past the last cell of this row still fill their columns.
    for (let c = col; c < covered.length; c++) {
      if (covered[c] > 0) { while (out.length < c) out.push(''); covered[c]--; out.push(''); }
    }
    grid.push(out);
  }
  return grid;
}
