// Merged cells → a plain grid, as a browser copies a table: one field per cell, so a cell that spans
// columns is one field (a value spanning two columns is one value, not a value and a blank), and a
// cell that spans rows leaves one blank field in each row below it (blanks next to labels are layout,
// not values, to the parser). Real pages misalign their column spans from row to row (上海 2019: the
// header's 本年增/减 spans columns 2–3, the data's value columns 1–2); fields per cell keep the values
// in order whatever the spans.

export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
}

// Spans beyond this are typing errors (colspan="1000"); capping keeps the grid linear in the input.
export const MAX_SPAN = 64;
// Rowspans are followed across this many columns at most (a report table has 15): rows of cells each
// spanning 64×64 would otherwise push every next row's cells 64 columns further, and each row would
// walk thousands of covered columns.
const MAX_COLUMNS = 256;

export function gridFromSpans(rows: SpanCell[][]): string[][] {
  return placeSpans(rows).map((row) => row.map((c) => c?.text ?? ''));
}

/**
 * The same layout for any cells with spans: each row's fields in order, a cell where it stands and
 * undefined for the one blank field a rowspan above leaves. Converter Markdown (parse/md-html-tables.ts)
 * lays its HTML tables out with this too, keeping each field's cell to map it back to the source; `at`
 * is told each cell's row and first column (md-html-insert.ts writes a new row into that grid).
 *
 * A rowspan covers its column down to its last row, whatever the rows between hold: a cell of a row
 * below that spans over a covered column (misaligned spans, a table-model error browsers render by
 * overlapping) takes that place in its row, and the rowspan still ends where it says. Counting covered
 * rows down per visit instead let such a cover run one row too long, pushing the next row's cells one
 * column right behind a blank field that is not there.
 */
export function placeSpans<T extends { colspan: number; rowspan: number }>(rows: T[][], at?: (cell: T, row: number, col: number) => void): (T | undefined)[][] {
  const grid: (T | undefined)[][] = [];
  // For each column, the last row a rowspan above covers, and whether the column is the first of
  // that cell (a covered cell is one blank field however many columns it spans).
  const until: number[] = [];
  const first: boolean[] = [];
  for (let r = 0; r < rows.length; r++) {
    const out: (T | undefined)[] = [];
    let col = 0;
    for (const cell of rows[r]) {
      while ((until[col] ?? -1) >= r) { if (first[col]) out.push(undefined); col++; }
      const cs = Math.min(MAX_SPAN, Math.max(1, cell.colspan | 0));
      const rs = Math.min(MAX_SPAN, Math.max(1, cell.rowspan | 0));
      out.push(cell);
      at?.(cell, r, col);
      for (let k = 0; k < cs; k++) {
        if (rs > 1 && col < MAX_COLUMNS) { until[col] = Math.max(until[col] ?? -1, r + rs - 1); first[col] = k === 0; }
        col++;
      }
    }
    // Rowspans reaching past the last cell of this row still fill their columns.
    for (let c = col; c < until.length; c++) if (until[c] >= r && first[c]) out.push(undefined);
    grid.push(out);
  }
  return grid;
}
