// Joining neighbouring text cells into one label (a header printed as 本年新 | 制作数量) must not swallow a cell that
// is a whole standard label by itself: a header with a typo before it (本年废纸件数 | 现行有效件数) then reads as one
// garbled header of the second column, and the typo is reported against the wrong column.
import type { Cell } from '../model';
import { labelKey } from './text';
import type { ColumnEntry, Template } from './template';

/**
 * Whether the last cell of a run, by its key, is written exactly as a column or row label while the whole run (its
 * key asked only then) is not one (header words such as 组织 are fragments).
 */
export function gluesOntoExactKey(tpl: Template, lastKey: string, runKey: () => string): boolean {
  return isKnown(tpl, lastKey) && !isKnown(tpl, runKey());
}

function isKnown(tpl: Template, key: string): boolean {
  return tpl.columnByKey.has(key) || tpl.rowByKey.has(key);
}

interface SegmentItem { kind: string; cells: Cell[]; column?: ColumnEntry; columnScore?: number; score: number }

/**
 * Header text that matched no column on its own, now that it is no longer glued onto the next header: the rest of a
 * header cell printed over several lines (社会 | 公义 | 组织 after 社会, the start of 社会公益组织), or a misworded header
 * standing where the one column missing between its neighbours goes (科研机构 | 社会团体 | 法律服务机构). It is that
 * column's header, so table-label judges it against the right wording.
 */
export function adoptStrayHeaders(items: SegmentItem[], columns: readonly ColumnEntry[], usedColumns: Set<ColumnEntry>): void {
  for (let k = 1; k < items.length; k++) {
    if (items[k].kind !== 'stray' || items[k - 1].kind !== 'header') continue;
    const prev = items[k - 1];
    let m = k;
    while (m < items.length && items[m].kind === 'stray') m++;
    const strays = items.slice(k, m);
    const next = items[m];
    if (!prev.column || strays.some((s) => s.cells.some((c) => c.kind !== 'text'))) continue;
    const std = labelKey(prev.column.keys[0]?.key ?? '');
    const head = labelKey(prev.cells.map((c) => c.text).join(''));
    if (head.length >= 2 && std.startsWith(head) && std !== head) {
      prev.cells = [...prev.cells, ...strays.flatMap((s) => s.cells)];
      items.splice(k, m - k);
      continue;
    }
    const gap = next?.kind === 'header' && next.column ? columns.find((c) => c.index === prev.column!.index + 1) : undefined;
    if (strays.length === 1 && gap && next.column!.index === gap.index + 1 && !usedColumns.has(gap)) {
      Object.assign(strays[0], { kind: 'header', column: gap, columnScore: 0.5, score: 0.5 });
      usedColumns.add(gap);
    }
  }
}

