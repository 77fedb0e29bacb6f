// Where a table region stops before the next recognised heading: a report may insert a section of
// its own (五、信息处理费收取情况 with a small table of its own) right after a national table.
import type { LineCells } from './cells';
import { ownCopy, readOrdinal, startsWithUnitOf } from './text';
import { matchKeys, stripNormKey, template } from './template';

/** A label this close to one of the table's own rows or columns is part of the table (三、本年度办理结果). */
const OWN_LABEL = 0.6;

// endsTable runs on every line of every table region: most lines start with neither a heading's
// numeral nor Markdown decoration and are ruled out by their first unit; the rest are judged once
// per table and text (the verdict depends on nothing else), in a bounded cache.
const MAY_START = '#*_一二三四五六七八九十';
const verdicts = new Map<string, Map<string, boolean>>();
const VERDICTS_MAX = 2_000;

/**
 * Whether a line is a numbered section heading (`X、…` with a Chinese numeral) that is none of the
 * table's own labels: it ends the table, and what follows is not a row of it.
 */
export function endsTable(id: string, line: LineCells): boolean {
  if (line.cells.length !== 1) return false;
  const cell = line.cells[0];
  if (cell.kind !== 'text' || cell.text.length > 50 || !startsWithUnitOf(cell.text, MAY_START)) return false;
  let byText = verdicts.get(id);
  if (!byText) verdicts.set(id, (byText = new Map()));
  let v = byText.get(cell.text);
  if (v === undefined) {
    v = isOtherHeading(id, cell.text);
    if (byText.size >= VERDICTS_MAX) byText.clear();
    byText.set(ownCopy(cell.text), v);
  }
  return v;
}

function isOtherHeading(id: string, cellText: string): boolean {
  // Markdown decoration (## 五、…, **五、…**) around a heading.
  const text = cellText.replace(/^(#{1,6}\s*|\*\*|__)/, '').replace(/(\*\*|__)$/, '');
  const ord = readOrdinal(text);
  if (!ord || ord.style !== 'cn' || ord.offset !== 0) return false;
  // A heading is a title, not a sentence, a row with figures, or pieces of a PDF layout row set apart
  // by padding (`三、本年              法提供`: a group label broken over lines next to another).
  if (/[。；;]$/.test(text) || /\d/.test(text) || /\S\s{2,}\S/.test(text)) return false;
  const { key } = stripNormKey(text);
  if (key.length < 2) return false;
  const tpl = template(id);
  for (const r of tpl.rows) if ((matchKeys(key, r.keys, true)?.score ?? 0) >= OWN_LABEL) return false;
  for (const c of tpl.columns) if ((matchKeys(key, c.keys, true)?.score ?? 0) >= OWN_LABEL) return false;
  return true;
}
