// The overview as a self-contained HTML page: findings by rule and applications by outcome per
// report as ECharts charts (the library inlined from the npm package, nothing fetched), and a table
// sortable by any column.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../i18n';
import type { ReportFigures } from './figures';
import { OUTCOMES } from './figures';
import { SUMMARY_COLUMNS, heading } from './columns';
import { esc, page } from './page';

const T = {
  title: { zh: '年度报告概览', en: 'Overview of annual reports' },
  reports: { zh: '共 {n} 份报告', en: '{n} reports' },
  byRule: { zh: '各规则发现的问题数', en: 'Findings by rule' },
  byOutcome: { zh: '各报告的申请办理结果', en: 'Applications by outcome, per report' },
  sortHint: { zh: '点击表头排序', en: 'Click a heading to sort' },
};

const CSS = `
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{flex:1 1 480px;min-height:320px;border:1px solid var(--border)}
#reports th{cursor:pointer;user-select:none;white-space:nowrap}#reports th[aria-sort=ascending]::after{content:" ▲"}#reports th[aria-sort=descending]::after{content:" ▼"}
#reports td{white-space:nowrap}
`;

/** ECharts' minified build: next to the bundled CLI/server in dist/, else from node_modules. */
export function echartsSource(): string {
  const beside = path.join(__dirname, 'echarts.min.js');
  // A computed name: the bundler must not try to inline the 1 MB library into the CLI.
  const lib = ['echarts', 'dist', 'echarts.min.js'].join('/');
  const file = fs.existsSync(beside) ? beside : require.resolve(lib);
  return fs.readFileSync(file, 'utf8');
}

// Runs in the page: charts from the embedded data, and click-to-sort on the table.
const PAGE_SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('govreport-data').textContent);
var css=getComputedStyle(document.body);var fg=css.color;
function chart(id,opt){var el=document.getElementById(id);if(!el||!window.echarts)return;var c=echarts.init(el,null,{renderer:'svg'});opt.textStyle={color:fg};opt.animation=false;c.setOption(opt);window.addEventListener('resize',function(){c.resize();});}
var rules=Object.keys(data.byRule).sort(function(a,b){return data.byRule[b]-data.byRule[a];});
chart('chart-rules',{grid:{left:150,right:20,top:10,bottom:30},tooltip:{},xAxis:{type:'value',axisLabel:{color:fg}},yAxis:{type:'category',inverse:true,data:rules,axisLabel:{color:fg}},series:[{type:'bar',data:rules.map(function(r){return data.byRule[r];})}]});
chart('chart-outcomes',{grid:{left:50,right:20,top:50,bottom:110},tooltip:{trigger:'axis'},legend:{top:0,textStyle:{color:fg}},xAxis:{type:'category',data:data.names,axisLabel:{rotate:30,color:fg}},yAxis:{type:'value',axisLabel:{color:fg}},
series:data.outcomes.map(function(o){return{name:o.name,type:'bar',stack:'all',data:o.values};})});
var table=document.getElementById('reports');var ths=table.tHead.rows[0].cells;
Array.prototype.forEach.call(ths,function(th,i){th.addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending';Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');
var num=th.dataset.numeric==='1';var rows=Array.prototype.slice.call(table.tBodies[0].rows);
rows.sort(function(a,b){var x=a.cells[i].dataset.v,y=b.cells[i].dataset.v;if(x===y)return 0;if(x==='')return 1;if(y==='')return -1;
var r=num?Number(x)-Number(y):x.localeCompare(y,'zh');return asc?r:-r;});rows.forEach(function(r){table.tBodies[0].appendChild(r);});});});
})();
`;

export function summaryHtml(figures: ReportFigures[], lang: Lang, opts: { nonce?: string; cspSource?: string; echartsUri?: string } = {}): string {
  const byRule: Record<string, number> = {};
  for (const f of figures) for (const [r, n] of Object.entries(f.byRule)) byRule[r] = (byRule[r] ?? 0) + n;
  const outcomeName = (key: string) => { const c = SUMMARY_COLUMNS.find((x) => x.key === key)!; return heading(c, lang); };
  const data = {
    byRule,
    names: figures.map((f) => `${f.agency ?? path.basename(f.file)} ${f.year ?? ''}`.trim()),
    outcomes: OUTCOMES.map(([, key]) => ({ name: outcomeName(key), values: figures.map((f) => f.outcomes[key]) })),
  };
  const head = SUMMARY_COLUMNS.map((c) => `<th data-numeric="${c.numeric ? 1 : 0}">${esc(heading(c, lang))}</th>`).join('');
  const rows = figures.map((f) => `<tr>${SUMMARY_COLUMNS.map((c) => { const v = c.get(f); return `<td${c.numeric ? ' class="n"' : ''} data-v="${esc(v ?? '')}">${esc(v ?? '—')}</td>`; }).join('')}</tr>`).join('\n');
  const body = `<h1>${esc(T.title[lang])}</h1><p class="muted">${esc(T.reports[lang].replace('{n}', String(figures.length)))}</p>
<div class="charts"><section><h2>${esc(T.byRule[lang])}</h2><div id="chart-rules" class="chart" style="width:520px;height:${Math.max(200, 26 * Object.keys(byRule).length + 40)}px"></div></section>
<section><h2>${esc(T.byOutcome[lang])}</h2><div id="chart-outcomes" class="chart" style="width:${Math.max(520, 40 * figures.length + 120)}px;height:400px"></div></section></div>
<h2>${esc(T.sortHint[lang])}</h2>
<table id="reports"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
<script type="application/json" id="govreport-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
  // In a webview the library is a local file (opts.echartsUri); in a saved page it is inlined.
  const files = opts.echartsUri ? [opts.echartsUri] : [];
  const scripts = opts.echartsUri ? [PAGE_SCRIPT] : [echartsSource(), PAGE_SCRIPT];
  return page({ title: T.title[lang], lang, css: CSS, body, scriptFiles: files, scripts, nonce: opts.nonce, cspSource: opts.cspSource });
}
