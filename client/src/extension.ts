// The VS Code side: starts the language server (dist/server.js over IPC), switches plain-text and
// Markdown documents that look like annual reports to the govreport language, shows the format and
// problem count in the status bar, and provides the commands. All checking happens in the server.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { WorkspaceEdit as LspWorkspaceEdit, Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { looksLikeReport } from '../../server/src/features/detect';
import { format, langFromLocale, type Lang } from '../../server/src/i18n';
import { SERVER_EXEC_ARGV } from './serverArgs';
import { registerPreview } from './preview/preview';
import { registerViews } from './preview/views';
import { EXTRACTED_SCHEME, ExtractedDocuments } from './extracted';

const LANGUAGE_ID = 'govreport';
const SOURCE = 'govreport';

// The same rule as the server and the CLI: English for an English locale, Chinese otherwise.
const lang: Lang = langFromLocale(vscode.env.language);

const T = {
  format: { zh: '{f}格式', en: '{f} format' },
  legacy: { zh: '旧版提纲', en: 'old outline' },
  tooltip: { zh: 'govreport：{name}，{year}年度；错误 {error}，警告 {warning}，信息 {info}，提示 {hint}。点击查看问题。', en: 'govreport: {name}, year {year}; {error} errors, {warning} warnings, {info} info, {hint} hints. Click to show the problems.' },
  notEditor: { zh: '请先打开一份政府信息公开工作年度报告。', en: 'Open an annual report (govreport document) first.' },
  nothingToFix: { zh: '没有可以自动修复的问题。', en: 'Nothing can be fixed automatically.' },
  fixed: { zh: '已自动修复。', en: 'Fixed.' },
  checking: { zh: '正在检查工作区中的年度报告…', en: 'Checking the annual reports in the workspace…' },
  checked: { zh: '检查了 {n} 份年度报告，发现 {p} 个问题。', en: 'Checked {n} annual reports: {p} problems.' },
  noReports: { zh: '工作区中没有找到年度报告（*.txt、*.md、*.govreport）。', en: 'No annual reports (*.txt, *.md, *.govreport) found in the workspace.' },
  pickFormat: { zh: '检查所依据的格式', en: 'Format to check against' },
  auto: { zh: '自动（按报告年度和表格判断）', en: 'Automatic (from the report year and tables)' },
  f2021: { zh: '2021 年格式（国办公开办函〔2021〕30号），2021 年度及以后', en: '2021 format (国办公开办函〔2021〕30号), reports on 2021 and later' },
  f2019: { zh: '2019 年格式（国办公开办函〔2019〕60号），2019、2020 年度', en: '2019 format (国办公开办函〔2019〕60号), reports on 2019–2020' },
  noSnippet: { zh: '找不到年度报告全文模板（nianbao）。', en: 'The full report skeleton snippet (nianbao) is missing.' },
};
const t = (k: keyof typeof T, p: Record<string, string | number> = {}) => format(T[k][lang], p);

let client: LanguageClient | undefined;

interface Status { format: string; formatName: string; year: number | null; counts: Record<string, number>; total: number; notAReport: boolean }

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('govreport', { log: true });
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // Flags that keep the server's memory low (see serverArgs.ts); the benchmark uses the same list.
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      configurationSection: 'govreport',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.govreportrc.json'),
    },
    // The server links diagnostics to docs/rules/<id>.md inside the installed extension and
    // answers in VS Code's display language.
    initializationOptions: { extensionRoot: context.extensionPath, locale: vscode.env.language },
    outputChannel: output,
  };
  client = new LanguageClient('govreport', 'govreport', serverOptions, clientOptions);
  await client.start();
  const lc = client;

  // Results of govreport.checkWorkspace for files that are not open; an open file gets the
  // server's live diagnostics instead, so its entry here is dropped to avoid duplicates.
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('govreport-workspace');
  context.subscriptions.push(workspaceDiagnostics);

  // --- Language auto-detection -------------------------------------------------------------
  // Documents we switched: if one reopens as plain text, the user switched it back on purpose.
  const switched = new Set<string>();
  const detect = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) { workspaceDiagnostics.delete(doc.uri); return; }
    if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown') return;
    if (!vscode.workspace.getConfiguration('govreport', doc).get<boolean>('autoDetect', true)) return;
    const key = doc.uri.toString();
    if (switched.has(key) || !looksLikeReport(doc.getText())) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, (e) => output.appendLine(String(e)));
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  vscode.workspace.textDocuments.forEach(detect);

  // --- Status bar ------------------------------------------------------------------------------
  const item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'govreport';
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);
  let statusText = '';
  let timer: NodeJS.Timeout | undefined;
  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) { item.hide(); statusText = ''; return; }
    const uri = editor.document.uri;
    let s: Status | null = null;
    try {
      s = await lc.sendRequest<Status | null>('govreport/status', { uri: uri.toString() });
    } catch { /* server restarting: keep the old text */ }
    // The Problems panel never lists hints: count what the user can see there, so the two numbers agree.
    const problems = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint).length;
    const fmt = !s ? '' : s.format === 'legacy' ? t('legacy') : t('format', { f: s.format });
    statusText = `$(checklist) ${fmt ? `${fmt} · ` : ''}${problems}`;
    item.text = statusText;
    item.tooltip = s ? t('tooltip', { name: s.formatName, year: s.year ?? '?', error: s.counts.error, warning: s.counts.warning, info: s.counts.info, hint: s.counts.hint }) : undefined;
    item.show();
  };
  const scheduleStatus = () => { clearTimeout(timer); timer = setTimeout(() => void updateStatus(), 100); };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(scheduleStatus),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) scheduleStatus();
    }),
    { dispose: () => clearTimeout(timer) },
  );
  scheduleStatus();

  // --- Commands --------------------------------------------------------------------------------
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  // Status-bar text as a command, so tests and other extensions can read it.
  register('govreport.status', async () => { await updateStatus(); return statusText; });

  register('govreport.showOutput', () => output.show(true));

  registerPreview(context, lc, lang, () => void vscode.window.showInformationMessage(t('notEditor')));
  registerViews(context, lc, lang, () => void vscode.window.showInformationMessage(t('notEditor')));
  // Word, web and PDF reports: a read-only extracted view with diagnostics, and conversion to text.
  const extracted = new ExtractedDocuments(lc, lang);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, extracted));
  register('govreport.openExtracted', (uri?: unknown) => extracted.open(uri));
  register('govreport.convertToText', (uri?: unknown) => extracted.convert(uri));

  register('govreport.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return void vscode.window.showInformationMessage(t('notEditor'));
    const edit = await lc.sendRequest<LspWorkspaceEdit | null>('govreport/fixAll', { uri: editor.document.uri.toString() });
    if (!edit) return void vscode.window.showInformationMessage(t('nothingToFix'));
    const ok = await vscode.workspace.applyEdit(await lc.protocol2CodeConverter.asWorkspaceEdit(edit));
    if (ok) vscode.window.setStatusBarMessage(t('fixed'), 3000);
  });

  register('govreport.insertSkeleton', async () => {
    const body = skeletonSnippet(context.asAbsolutePath('snippets/govreport.code-snippets'));
    if (!body) return void vscode.window.showErrorMessage(t('noSnippet'));
    let editor = vscode.window.activeTextEditor;
    if (!editor) {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
      editor = await vscode.window.showTextDocument(doc);
    }
    await editor.insertSnippet(new vscode.SnippetString(body));
    if (editor.document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
  });

  register('govreport.switchFormat', async () => {
    const current = vscode.workspace.getConfiguration('govreport').get<string>('format', 'auto');
    const items = [
      { label: 'auto', description: t('auto') },
      { label: '2021', description: t('f2021') },
      { label: '2019', description: t('f2019') },
    ].map((i) => ({ ...i, picked: i.label === current }));
    const pick = await vscode.window.showQuickPick(items, { placeHolder: t('pickFormat') });
    if (!pick) return;
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('govreport').update('format', pick.label, target);
  });

  register('govreport.checkWorkspace', async () => {
    const files = await vscode.workspace.findFiles('**/*.{txt,md,govreport}', '{**/node_modules/**,**/.git/**}', 10000);
    let reports = 0;
    let problems = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('checking'), cancellable: true }, async (progress, token) => {
      workspaceDiagnostics.clear();
      const batch = 25;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += batch) {
        const uris = files.slice(i, i + batch);
        const results = await lc.sendRequest<{ uri: string; diagnostics: LspDiagnostic[]; skipped?: string }[]>(
          'govreport/checkFiles', { uris: uris.map((u) => u.toString()), onlyReports: true }, token);
        for (const r of results) {
          if (r.skipped) continue;
          reports++;
          problems += r.diagnostics.length;
          const uri = vscode.Uri.parse(r.uri);
          // Open govreport documents already show the server's live diagnostics.
          if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === r.uri && d.languageId === LANGUAGE_ID)) continue;
          workspaceDiagnostics.set(uri, await lc.protocol2CodeConverter.asDiagnostics(r.diagnostics));
        }
        progress.report({ increment: (uris.length / files.length) * 100, message: `${Math.min(i + batch, files.length)}/${files.length}` });
      }
    });
    if (reports === 0) return void vscode.window.showInformationMessage(t('noReports'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(t('checked', { n: reports, p: problems }));
  });
}

/** Body of the full-report snippet (prefix nianbao) from the contributed snippets file. */
function skeletonSnippet(file: string): string | undefined {
  try {
    // Snippet files are JSON with comments; drop whole-line // comments before parsing.
    const json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    const s = Object.values(json).find((x) => ([] as string[]).concat(x.prefix).includes('nianbao'));
    return s ? ([] as string[]).concat(s.body).join('\n') : undefined;
  } catch {
    return undefined;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
