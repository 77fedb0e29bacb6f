// The comparison as a self-contained HTML page (CLI `compare --format html`, VS Code "与上年报告比较").
import type { Lang } from '../i18n';
import type { CellDiff, Comparison, TableDiff } from '../compare/compare';
import { noteText, num, pct, signed, w } from '../compare/text';
import { esc, page } from './page';

const CSS = `
td.n small{display:block;font-size:11px}
td.changed{background:color-mix(in srgb,var(--info) 10%,transparent)}
td.swing{outline:2px solid var(--warn);outline-offset:-2px}
td.rl{text-align:left;white-space:nowrap}
.ok{color:var(--up)}.bad{color:var(--err)}
`;

function cellHtml(c: CellDiff, swing: boolean): string {
  const cls = ['n', c.change ? 'changed' : '', swing ? 'swing' : ''].filter(Boolean).join(' ');
  const dir = c.change === undefined || c.change === 0 ? 'muted' : c.change > 0 ? 'up' : 'down';
  const title = `${c.rowLabel} × ${c.columnLabel}: ${num(c.last)} → ${num(c.this)}`;
  const detail = c.change === undefined ? `<small class="muted">${num(c.last)}</small>` : c.change === 0 ? '' : `<small class="${dir}">${num(c.last)} · ${signed(c.change)}${c.percent !== undefined && c.percent !== null ? ` · ${pct(c.percent)}` : ''}</small>`;
  return `<td class="${cls}" title="${esc(title)}">${num(c.this)}${detail}</td>`;
}

function tableHtml(t: TableDiff, lang: Lang, swings: Set<CellDiff>): string {
  const head = `<h3 id="${esc(t.table)}">${esc(t.name[lang])}</h3>`;
  if (t.presence !== 'both') return `${head}<p class="muted">${esc(w(lang, 'tableOnly', { side: w(lang, t.presence) }))}</p>`;
  const byKey = new Map(t.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  const rows = t.rows.map((r) => {
    const label = `<td class="rl" style="padding-left:${6 + r.depth * 14}px">${esc(r.label)}${r.derived ? ` <span class="muted">${esc(w(lang, 'derived', { side: w(lang, r.derived) }))}</span>` : ''}</td>`;
    return `<tr>${label}${t.columns.map((col) => { const c = byKey.get(`${r.id}\u0000${col.id}`)!; return cellHtml(c, swings.has(c)); }).join('')}</tr>`;
  });
  const cols = t.columns.map((c) => `<th>${esc(t.cells.find((x) => x.column === c.id)?.columnLabel ?? c.label)}</th>`).join('');
  const unmapped = t.unmapped.map((u) => `<li class="muted">${esc(w(lang, u.kind === 'column' ? 'unmappedColumn' : 'unmappedRow', { side: w(lang, u.side), label: u.label }))}</li>`).join('');
  return `${head}<table><thead><tr><th></th>${cols}</tr></thead><tbody>${rows.join('')}</tbody></table>${unmapped ? `<ul>${unmapped}</ul>` : ''}`;
}

export function comparisonHtml(c: Comparison, lang: Lang, opts: { nonce?: string; cspSource?: string } = {}): string {
  const side = (r: Comparison['last'], k: string) => `<tr><th>${esc(w(lang, k))}</th><td>${esc(r.agency ?? w(lang, 'unknown'))}</td><td class="n">${esc(r.year ?? '?')}</td><td>${esc(r.format)}</td><td class="muted">${esc(r.file)}</td></tr>`;
  const parts: string[] = [`<h1>${esc(w(lang, 'title'))}</h1>`, `<table>${side(c.last, 'last')}${side(c.this, 'this')}</table>`];
  for (const n of c.notes) parts.push(`<p class="note">${esc(noteText(lang, n))}</p>`);

  parts.push(`<h2>${esc(w(lang, 'carryover'))}</h2>`);
  if (c.carryover.status === 'unavailable') parts.push(`<p class="muted">${esc(w(lang, 'carryUnavailable'))}</p>`);
  else {
    const rows = c.carryover.columns.map((x) => `<tr><td>${esc(x.column)}</td><td class="n">${num(x.lastNext)}</td><td class="n">${num(x.thisCarried)}</td><td class="${x.ok ? 'ok' : 'bad'}">${x.ok ? '✓' : '≠'}</td></tr>`);
    parts.push(`<table id="carryover"><thead><tr><th></th><th>${esc(w(lang, 'last'))} 结转下年度</th><th>${esc(w(lang, 'this'))} 上年结转</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }

  parts.push(`<h2>${esc(w(lang, 'continuity'))}</h2>`);
  if (c.continuity.status === 'unavailable') parts.push(`<p class="muted">${esc(w(lang, 'contUnavailable'))}</p>`);
  else parts.push(`<ul>${c.continuity.rows.map((r) => `<li class="${r.ok ? '' : 'info'}">${r.ok ? '✓' : '≠'} ${esc(w(lang, 'contRow', { label: r.label, lastValid: num(r.lastValid), issued: num(r.issued), repealed: num(r.repealed), expected: num(r.expected), actual: num(r.actual) }))}</li>`).join('')}</ul>`);

  parts.push(`<h2>${esc(w(lang, 'sections'))}</h2>`);
  parts.push(c.sections.length === 0 ? `<p class="muted">${esc(w(lang, 'sectionsSame'))}</p>` : `<ul>${c.sections.map((s) => `<li>${esc(w(lang, s.side === 'last' ? 'onlyLast' : 'onlyThis', { title: s.title }))}</li>`).join('')}</ul>`);

  parts.push(`<h2>${esc(w(lang, 'swings', { min: c.swingThreshold.minChange, pct: c.swingThreshold.ratio * 100 }))}</h2>`);
  parts.push(c.swings.length === 0 ? `<p class="muted">${esc(w(lang, 'none'))}</p>` : `<ul id="swings">${c.swings.map((s) => `<li class="warn">${esc(`${s.rowLabel} × ${s.columnLabel}: ${num(s.last)} → ${num(s.this)} (${signed(s.change)}${s.percent !== undefined ? `, ${pct(s.percent)}` : ''})`)}</li>`).join('')}</ul>`);

  parts.push(`<h2>${esc(w(lang, 'changes'))} — ${esc(w(lang, 'changed', { n: c.changed }))}</h2>`);
  const swings = new Set(c.swings);
  for (const t of c.tables) parts.push(tableHtml(t, lang, swings));
  return page({ title: `${w(lang, 'title')} — ${c.this.agency ?? ''} ${c.last.year ?? '?'}/${c.this.year ?? '?'}`, lang, css: CSS, body: parts.join('\n'), nonce: opts.nonce, cspSource: opts.cspSource });
}
