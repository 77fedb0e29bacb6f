// The extracted report in the table layout the author prefers for editing: tab (as read), pipe
// (a | b | c) or Markdown (| a | b | with a rule under each table's first row). All three parse
// to the same tables, so converting does not change what the checker finds.
import type { Extracted } from './source';

export type TextLayout = 'tab' | 'pipe' | 'markdown';

export function relayout(src: Pick<Extracted, 'text' | 'lines'>, layout: TextLayout): string {
  if (layout === 'tab') return src.text;
  const lines = src.text.split('\n');
  const out: string[] = [];
  let prevTable: number | undefined;
  lines.forEach((line, i) => {
    const s = src.lines[i];
    const isRow = s?.cells !== undefined && line.includes('\t');
    if (!isRow) { out.push(line); prevTable = undefined; return; }
    const cells = line.split('\t');
    // A table's rows are one block: PDF rows carry no table number, so a run of rows is one table.
    const table = s.table ?? -1;
    const first = prevTable === undefined || prevTable !== table;
    prevTable = table;
    if (layout === 'pipe') { out.push(cells.join(' | ')); return; }
    // Markdown keeps a blank cell as an empty field between pipes; a pipe inside text would split it.
    out.push(`| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`);
    if (first) out.push(`|${cells.map(() => ' --- ').join('|')}|`);
  });
  return out.join('\n');
}
