// Runs inside the table-preview webview: draws each model the extension posts (no reload of the
// page, so no flicker and the scroll position stays), and sends clicks back as "reveal" requests.
import type { TablesModel } from '../../../server/src/features/tables';
import { tablesHtml, type Lang } from './render';

interface VsCodeApi { postMessage(m: unknown): void; setState(s: unknown): void; getState(): unknown }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('tables')!;
const title = document.getElementById('doc-title')!;
const meta = document.getElementById('doc-meta')!;

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { type: string; model?: TablesModel; lang?: Lang; file?: string };
  if (m.type !== 'update' || !m.model) return;
  const t0 = performance.now();
  root.innerHTML = tablesHtml(m.model, m.lang ?? 'zh');
  title.textContent = m.model.title || m.file || '';
  meta.textContent = `${m.model.format}${m.model.year ? ` · ${m.model.year}` : ''} · v${m.model.version}`;
  document.body.dataset.version = String(m.model.version);
  vscode.postMessage({ type: 'rendered', uri: m.model.uri, version: m.model.version, ms: performance.now() - t0 });
});

root.addEventListener('click', (e: MouseEvent) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-line]');
  if (!el) return;
  vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line), character: Number(el.dataset.char) });
});

// Hover: the messages of the findings on a cell, drawn in the page (a native title tooltip is slow
// to appear and looks foreign in the editor).
const tip = document.createElement('div');
tip.id = 'tip';
document.body.appendChild(tip);
root.addEventListener('mouseover', (e: MouseEvent) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-tip]');
  if (!el) { tip.style.display = 'none'; return; }
  tip.textContent = el.dataset.tip ?? '';
  tip.style.display = 'block';
  const r = el.getBoundingClientRect();
  const below = r.bottom + 4 + tip.offsetHeight < window.innerHeight;
  tip.style.top = `${below ? r.bottom + 4 : Math.max(0, r.top - tip.offsetHeight - 4)}px`;
  tip.style.left = `${Math.max(0, Math.min(r.left, window.innerWidth - tip.offsetWidth - 4))}px`;
});
root.addEventListener('mouseleave', () => { tip.style.display = 'none'; });

vscode.postMessage({ type: 'ready' });
