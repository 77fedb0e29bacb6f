// Which format the tables themselves follow (docs/format.md §2.6): column wordings, the 第（九）项 block,
// 其他对外管理服务事项, and whether （六）其他处理 has sub-rows.
import type { FormatId, Range, Table } from '../model';

export interface FormatMarker {
  format: FormatId;
  text: string;
  range: Range;
}

export function detectFormatMarkers(tables: Table[]): FormatMarker[] {
  const out: FormatMarker[] = [];
  for (const t of tables) {
    if (t.id.startsWith('t2.')) {
      for (const h of t.headers) if (h.columnId && h.formats.length === 1) out.push({ format: h.formats[0], text: h.cell.text, range: h.cell.range });
      if (t.id === 't2.9' && t.caption) out.push({ format: '2019', text: t.caption.text, range: t.caption.range });
      for (const r of t.rows) {
        if (r.labelCells.length === 0 || (r.id !== 'services' && r.id !== 'normative')) continue;
        if (r.id === 'services') out.push({ format: '2019', text: r.label, range: r.labelRange! });
        else out.push({ format: r.label === '行政规范性文件' ? '2021' : '2019', text: r.label, range: r.labelRange! });
      }
    } else if (t.id === 't3') {
      const sixth = t.rows.find((r) => r.id === 'r6');
      if (sixth?.labelRange) out.push({ format: '2019', text: sixth.label, range: sixth.labelRange });
      const sub = t.rows.find((r) => r.id === 'r6_1' || r.id === 'r6_2' || r.id === 'r6_3');
      if (sub?.labelRange) out.push({ format: '2021', text: sub.label, range: sub.labelRange });
    }
  }
  return out;
}
