// Draws the tables model (from the server's govreport/tables request) as HTML: the official grid
// with merged header cells, row labels indented under their groups, numbers right-aligned, totals
// with their recomputed sum, findings highlighted with their messages as tooltips, blank and
// missing cells visible. Pure string building (no DOM, no vscode): the webview script and the
// benchmark run the very same function.
import type { PreviewCell, PreviewFinding, PreviewRow, PreviewTable, TablesModel } from '../../../server/src/features/tables';
import { esc } from '../../../server/src/summary/escape';

export type Lang = 'zh' | 'en';

const W = {
  missingRow: { zh: '缺少此行', en: 'row missing' },
  missingCell: { zh: '缺少此格', en: 'cell missing' },
  blank: { zh: '空白', en: 'blank' },
  extra: { zh: '多出的单元格', en: 'extra cell' },
  unknown: { zh: '未识别的行', en: 'unrecognised row' },
  expected: { zh: '各项之和为 {n}', en: 'the parts sum to {n}' },
  sumOk: { zh: '与各项之和一致', en: 'matches the sum of its parts' },
  noTables: { zh: '此文档中没有识别出统计表。', en: 'No statistics tables recognised in this document.' },
};
const w = (k: keyof typeof W, lang: Lang, n?: number) => W[k][lang].replace('{n}', String(n));

const RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

function worst(fs: PreviewFinding[]): PreviewFinding['severity'] | undefined {
  let s: PreviewFinding['severity'] | undefined;
  for (const f of fs) if (!s || RANK[f.severity] < RANK[s]) s = f.severity;
  return s;
}

const tip = (fs: PreviewFinding[]) => fs.map((f) => `[${f.rule}] ${f.message}`);

function at(r: { start: { line: number; character: number } } | undefined): string {
  return r ? ` data-line="${r.start.line}" data-char="${r.start.character}"` : '';
}

function cellHtml(c: PreviewCell, lang: Lang): string {
  const cls = ['n'];
  const tips = tip(c.findings);
  let shown = esc(c.text);
  if (c.kind === 'missing') { cls.push('missing'); shown = '∅'; tips.unshift(w('missingCell', lang)); }
  else if (c.kind === 'blank') { cls.push('blank'); shown = '·'; tips.unshift(w('blank', lang)); }
  else if (c.kind === 'extra') { cls.push('extra'); tips.unshift(w('extra', lang)); }
  else if (c.kind === 'text') cls.push('txt');
  if (c.total) {
    cls.push('total');
    if (c.expected !== undefined) {
      const ok = String(c.expected) === c.text.trim();
      tips.push(ok ? w('sumOk', lang) : w('expected', lang, c.expected));
      if (!ok) shown += `<small class="sum">Σ ${c.expected}</small>`;
    }
  }
  const sev = worst(c.findings);
  if (sev) cls.push(`f-${sev}`);
  return `<td class="${cls.join(' ')}"${at(c.range)}${tips.length ? ` data-tip="${esc(tips.join('\n'))}"` : ''}>${shown}</td>`;
}

function rowHtml(r: PreviewRow, t: PreviewTable, lang: Lang): string {
  const cls = [r.group ? 'group' : '', r.missing ? 'missing-row' : '', r.unknown ? 'unknown' : ''].filter(Boolean);
  const sev = worst(r.labelFindings);
  const tips = tip(r.labelFindings);
  if (r.missing) tips.unshift(w('missingRow', lang));
  if (r.unknown) tips.unshift(w('unknown', lang));
  const labelCls = ['rl', sev ? `f-${sev}` : ''].filter(Boolean).join(' ');
  const label = t.labelColumn
    ? `<th class="${labelCls}" style="padding-left:${6 + r.depth * 14}px"${at(r.labelRange)}${tips.length ? ` data-tip="${esc(tips.join('\n'))}"` : ''}>${esc(r.label)}</th>`
    : '';
  const cells = r.group ? `<td class="grp" colspan="${t.columns}"></td>` : r.cells.map((c) => cellHtml(c, lang)).join('');
  return `<tr${cls.length ? ` class="${cls.join(' ')}"` : ''}>${label}${cells}</tr>`;
}

export function tableHtml(t: PreviewTable, lang: Lang): string {
  const head = t.header.map((row) => `<tr>${row.map((h) => `<th${h.colspan > 1 ? ` colspan="${h.colspan}"` : ''}${h.rowspan > 1 ? ` rowspan="${h.rowspan}"` : ''}>${esc(h.text)}</th>`).join('')}</tr>`).join('');
  const notes = t.findings.length ? `<ul class="tf">${t.findings.map((f) => `<li class="f-${f.severity}">[${esc(f.rule)}] ${esc(f.message)}</li>`).join('')}</ul>` : '';
  return `<section class="table" id="t-${esc(t.id)}"><h2${at(t.range)}>${esc(t.name)}</h2>`
    + `<table><thead>${head}</thead><tbody>${t.rows.map((r) => rowHtml(r, t, lang)).join('')}</tbody></table>${notes}</section>`;
}

export function tablesHtml(m: TablesModel, lang: Lang): string {
  if (m.tables.length === 0) return `<p class="muted">${w('noTables', lang)}</p>`;
  return m.tables.map((t) => tableHtml(t, lang)).join('\n');
}

/** Styles of the preview grid, on top of the shared page styles. */
export const PREVIEW_CSS = `
section.table{margin-bottom:18px}section.table h2{cursor:pointer}
th.rl{text-align:left;font-weight:normal;white-space:normal;min-width:14em;background:none}
tr.group th.rl{font-weight:600}td.grp{background:var(--head)}
td.n{cursor:pointer;min-width:2.5em}td.n:hover,th.rl[data-line]:hover{outline:1px solid var(--link)}
td.total{font-weight:600}td.txt{text-align:left;color:var(--err)}
td.blank{color:var(--muted);text-align:center}td.missing{color:var(--muted);text-align:center;background:repeating-linear-gradient(45deg,transparent 0 4px,color-mix(in srgb,var(--muted) 18%,transparent) 4px 6px)}
td.extra{text-decoration:line-through;color:var(--muted)}
tr.missing-row th.rl{color:var(--muted);font-style:italic}tr.unknown th.rl{font-style:italic}
small.sum{display:block;font-size:11px;color:var(--err)}
.f-error{background:color-mix(in srgb,var(--err) 22%,transparent)!important;box-shadow:inset 0 0 0 2px var(--err)}
.f-warning{background:color-mix(in srgb,var(--warn) 22%,transparent)!important;box-shadow:inset 0 0 0 2px var(--warn)}
.f-info{background:color-mix(in srgb,var(--info) 16%,transparent)!important}
.f-hint{text-decoration:underline dotted}
ul.tf{margin:2px 0;padding-left:18px}ul.tf li{background:none!important;box-shadow:none}
#tip{position:fixed;z-index:10;max-width:460px;white-space:pre-wrap;pointer-events:none;padding:4px 8px;border:1px solid var(--vscode-editorHoverWidget-border,var(--border));
background:var(--vscode-editorHoverWidget-background,Canvas);color:var(--vscode-editorHoverWidget-foreground,var(--fg));box-shadow:0 2px 8px #0004;display:none}
header.doc{display:flex;gap:12px;align-items:baseline;border-bottom:1px solid var(--border);margin-bottom:8px}
`;
