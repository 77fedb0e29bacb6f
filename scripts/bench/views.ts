// Rows of `npm run bench` for the views of issue 15: the table preview's update on a typical report
// (server side: analyse the edited version + build the tables model; page side: draw it as HTML, the
// same function the webview runs) and `govreport summary` over the 1,000-report corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { tablesModel } from '../../server/src/features/tables';
import { tablesHtml } from '../../client/src/preview/render';
import { median, quantile, SAMPLES } from './util';

type Verdict = 'PASS' | 'MISS' | 'info' | 'n/a';
export interface ViewsContext {
  add: (metric: string, target: string, measured: string, notes: string, v: Verdict) => void;
  log: (s: string) => void;
  ms: (x: number) => string;
  reportsDir: string;
  n: number;
  cliJs: string;
  node: string;
  throughput: (name: string, cmd: string, args: string[], opts: { maxRuns: number; budgetMs: number; timeoutMs: number; okCodes: number[] }) => Promise<{ best?: number; runs: { ms: number }[]; error?: string }>;
  pinned: (cmd: string, args: string[]) => [string, string[]];
}

/** One keystroke's worth of preview work per edit: a digit typed into a table cell, then the update. */
function previewUpdates(text: string, edits: number): { total: number[]; server: number[]; page: number[] } {
  const lines = text.split('\n');
  const cellLines = lines.map((l, i) => (/\d/.test(l) ? i : -1)).filter((i) => i >= 0);
  const total: number[] = [];
  const server: number[] = [];
  const page: number[] = [];
  for (let k = 0; k < edits; k++) {
    const line = cellLines[k % cellLines.length];
    const copy = lines.slice();
    copy[line] = copy[line].replace(/\d/, String(k % 10));
    const edited = copy.join('\n');
    const t0 = performance.now();
    const model = tablesModel(analyze(edited, { uri: 'bench', version: k }));
    const t1 = performance.now();
    const html = tablesHtml(model, 'zh');
    const t2 = performance.now();
    if (html.length === 0) throw new Error('empty preview');
    server.push(t1 - t0);
    page.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { total, server, page };
}

export async function benchViews(c: ViewsContext): Promise<void> {
  c.log('views: table-preview update');
  const samples = ['xinjiang-health-2023-cell-per-line.txt', 'kunming-xishan-health-2022-pipe.txt'];
  for (const s of samples) {
    const text = fs.readFileSync(path.join(SAMPLES, s), 'utf8');
    previewUpdates(text, 200); // warm-up: the editor's server is a long-running process
    const r = previewUpdates(text, 500);
    const sorted = r.total.slice().sort((a, b) => a - b);
    c.add(`Table preview update, ${s} (${(text.length / 1024).toFixed(1)} K chars)`, '< 50 ms', `median ${c.ms(median(r.total))} / p95 ${c.ms(quantile(sorted, 0.95))}`,
      `500 edits after 200 warm-up; server (check + tables model) median ${c.ms(median(r.server))}, page HTML median ${c.ms(median(r.page))}; the webview's DOM update is measured in the real editor (e2e log "preview: edit → drawn")`,
      quantile(sorted, 0.95) < 50 ? 'PASS' : 'MISS');
  }

  c.log('views: summary of the corpus');
  for (const format of ['csv', 'html']) {
    const r = await c.throughput(`summary-${format}`, ...c.pinned(c.node, [c.cliJs, 'summary', '--format', format, c.reportsDir]), { maxRuns: 3, budgetMs: 20_000, timeoutMs: 120_000, okCodes: [0] });
    if (r.best === undefined) { c.add(`govreport summary --format ${format}, ${c.n} reports`, '(info)', 'failed', r.error ?? '', 'MISS'); continue; }
    c.add(`govreport summary --format ${format}, ${c.n} reports, one process, one core`, '(info)', c.ms(r.best),
      `${Math.round(c.n / (r.best / 1000))} reports/s incl. start-up, best of ${r.runs.length}${format === 'html' ? '; the page inlines ECharts (≈1.1 MB)' : ''}`, 'info');
  }
}
