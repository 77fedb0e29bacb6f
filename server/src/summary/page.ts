// The shell of every HTML page govreport writes (comparison, overview) and shows in VS Code webviews:
// self-contained (inline CSS, inline scripts with a nonce, no remote resource), themed by the editor's
// CSS variables inside VS Code and by the system's light/dark preference elsewhere.
import { randomBytes } from 'node:crypto';

import { esc } from './escape';

export { esc };

/** Colours and spacing shared by every page; VS Code's variables win inside a webview. */
export const BASE_CSS = `
:root{color-scheme:light dark;--fg:var(--vscode-editor-foreground,CanvasText);--bg:var(--vscode-editor-background,Canvas);
--muted:var(--vscode-descriptionForeground,#888);--border:var(--vscode-panel-border,#8886);--head:var(--vscode-editorWidget-background,#8881);
--up:var(--vscode-charts-green,#2b8a3e);--down:var(--vscode-charts-red,#c92a2a);--warn:var(--vscode-editorWarning-foreground,#c77c02);
--err:var(--vscode-editorError-foreground,#d32f2f);--info:var(--vscode-editorInfo-foreground,#1971c2);--link:var(--vscode-textLink-foreground,#1971c2);
--font:var(--vscode-font-family,system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif)}
body{margin:0;padding:12px 20px;background:var(--bg);color:var(--fg);font:13px/1.5 var(--font)}
h1{font-size:18px;margin:4px 0 8px}h2{font-size:15px;margin:18px 0 6px}h3{font-size:13px;margin:14px 0 4px}
table{border-collapse:collapse;margin:4px 0 10px}th,td{border:1px solid var(--border);padding:2px 6px;vertical-align:middle}
th{background:var(--head);font-weight:600;text-align:center}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:var(--muted)}.up{color:var(--up)}.down{color:var(--down)}.warn{color:var(--warn)}.err{color:var(--err)}.info{color:var(--info)}
.note{border-left:3px solid var(--warn);padding:2px 8px;margin:4px 0}
a{color:var(--link)}
`;

export function nonce(): string {
  return randomBytes(16).toString('hex');
}

export interface PageOptions {
  title: string;
  lang: 'zh' | 'en';
  css?: string;
  body: string;
  /** Scripts loaded from local files (webview URIs), then inline scripts; each gets the page's nonce. */
  scriptFiles?: string[];
  scripts?: string[];
  /** Extra CSP sources (a VS Code webview adds its cspSource for local resources). */
  cspSource?: string;
  nonce?: string;
}

export function page(o: PageOptions): string {
  const n = o.nonce ?? nonce();
  const src = o.cspSource ? ` ${o.cspSource}` : '';
  const csp = `default-src 'none'; img-src data:${src}; style-src 'unsafe-inline'${src}; script-src 'nonce-${n}'${src}`;
  return `<!DOCTYPE html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<style>${BASE_CSS}${o.css ?? ''}</style>
</head>
<body>
${o.body}
${(o.scriptFiles ?? []).map((src) => `<script nonce="${n}" src="${esc(src)}"></script>`).join('\n')}
${(o.scripts ?? []).map((s) => `<script nonce="${n}">${s.replace(/<\/script/gi, '<\\/script')}</script>`).join('\n')}
</body>
</html>
`;
}
