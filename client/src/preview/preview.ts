// "打开表格预览": a webview beside the report, like Markdown's preview, showing every statistics
// table as the official grid. The model comes from the language server (govreport/tables), so the
// client never parses; edits and editor switches post a new model to the page (no reload, no flicker).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TablesModel } from '../../../server/src/features/tables';
import { page } from '../../../server/src/summary/page';
import { PREVIEW_CSS, type Lang } from './render';

const LANGUAGE_ID = 'govreport';
const T = {
  title: { zh: '表格预览：{name}', en: 'Tables: {name}' },
  loading: { zh: '正在读取表格…', en: 'Reading the tables…' },
};

export class TablePreview {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private ready = false;
  private pending = false;
  private timer: NodeJS.Timeout | undefined;
  /** The last model posted and how long the page took to draw it (read by tests and the status). */
  lastModel: TablesModel | undefined;
  lastRenderMs: number | undefined;
  private rendered = { uri: '', version: -1 };
  private renderedWaiters: { uri: string; version: number; resolve: () => void }[] = [];

  constructor(private context: vscode.ExtensionContext, private client: LanguageClient, private lang: Lang) {
    context.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === this.doc) this.schedule(); }),
      vscode.window.onDidChangeActiveTextEditor((ed) => this.follow(ed?.document)),
      // Auto-detection switches a plain-text report to govreport after its editor became active:
      // the switch reopens the document, and the preview follows the reopened one.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.follow(d);
      }),
      { dispose: () => { clearTimeout(this.timer); this.panel?.dispose(); } },
    );
  }

  open(doc: vscode.TextDocument, column = vscode.ViewColumn.Beside): void {
    if (!this.panel) {
      const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
      this.panel = vscode.window.createWebviewPanel('govreport.tablePreview', '', { viewColumn: column, preserveFocus: true }, {
        enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [dist],
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
      this.panel.onDidDispose(() => { this.panel = undefined; this.doc = undefined; this.ready = false; });
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
      this.ready = false;
      this.panel.webview.html = this.html(this.panel.webview);
    } else {
      this.panel.reveal(column, true);
    }
    this.show(doc, true);
  }

  private follow(doc: vscode.TextDocument | undefined): void {
    if (this.panel && doc && doc.languageId === LANGUAGE_ID && doc !== this.doc) this.show(doc, false);
  }

  /** Resolves once the page has drawn this version of the document (tests and the benchmark). */
  whenRendered(doc: vscode.TextDocument): Promise<void> {
    const uri = doc.uri.toString();
    const version = doc.version;
    if (this.rendered.uri === uri && this.rendered.version >= version) return Promise.resolve();
    return new Promise((resolve) => this.renderedWaiters.push({ uri, version, resolve }));
  }

  get visibleDocument(): vscode.TextDocument | undefined {
    return this.panel ? this.doc : undefined;
  }

  private show(doc: vscode.TextDocument, now: boolean): void {
    this.doc = doc;
    if (this.panel) this.panel.title = T.title[this.lang].replace('{name}', doc.uri.path.split('/').pop() ?? '');
    if (now) void this.update(); else this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    // Short: the server answers a typical report in about a millisecond; this only merges a burst of keys.
    this.timer = setTimeout(() => void this.update(), 30);
  }

  private async update(): Promise<void> {
    const doc = this.doc;
    if (!doc || !this.panel) return;
    if (!this.ready) { this.pending = true; return; }
    let model: TablesModel | null = null;
    try {
      model = await this.client.sendRequest<TablesModel | null>('govreport/tables', { uri: doc.uri.toString() });
    } catch { return; }
    if (!model || doc !== this.doc || !this.panel) return;
    // The server may still hold an older version while the change notification is on its way.
    if (model.version !== doc.version) { this.schedule(); return; }
    this.lastModel = model;
    void this.panel.webview.postMessage({ type: 'update', model, lang: this.lang, file: doc.uri.path.split('/').pop() });
  }

  private onMessage(m: { type: string; line?: number; character?: number; uri?: string; version?: number; ms?: number }): void {
    if (m.type === 'ready') {
      this.ready = true;
      if (this.pending || this.doc) { this.pending = false; void this.update(); }
    } else if (m.type === 'rendered' && typeof m.version === 'number' && typeof m.uri === 'string') {
      this.rendered = { uri: m.uri, version: m.version };
      this.lastRenderMs = m.ms;
      this.renderedWaiters = this.renderedWaiters.filter((w) => (w.uri === m.uri && w.version <= m.version! ? (w.resolve(), false) : true));
    } else if (m.type === 'reveal' && this.doc && typeof m.line === 'number') {
      const pos = new vscode.Position(m.line, m.character ?? 0);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
      void vscode.window.showTextDocument(this.doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(pos, pos), preserveFocus: false })
        .then((ed) => ed.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport));
    }
  }

  private html(webview: vscode.Webview): string {
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'preview.js')).toString();
    const body = `<header class="doc"><h1 id="doc-title"></h1><span id="doc-meta" class="muted"></span></header><main id="tables"><p class="muted">${T.loading[this.lang]}</p></main>`;
    return page({ title: 'govreport', lang: this.lang, css: PREVIEW_CSS, body, scriptFiles: [script], cspSource: webview.cspSource });
  }
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient, lang: Lang, notEditor: () => void): TablePreview {
  const preview = new TablePreview(context, client, lang);
  context.subscriptions.push(vscode.commands.registerCommand('govreport.openPreview', (uri?: vscode.Uri) => {
    const editor = vscode.window.activeTextEditor;
    const doc = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : editor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) return void notEditor();
    preview.open(doc);
    return preview;
  }));
  return preview;
}
