// The language server: LSP wiring only. Everything it answers comes from server/src/features/*,
// which read one cached Analysis per document version (one parse per version, shared by
// diagnostics, hover, code actions, symbols, folding, inlay hints and the status request).
// Transport: --stdio or --node-ipc (chosen by vscode-languageserver from argv).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeConfigurationNotification, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocuments,
  TextDocumentSyncKind, createConnection, type CancellationToken, type ClientCapabilities, type DidChangeConfigurationParams,
  type InitializeResult, type TextDocumentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mergeConfigs, parseConfigText, validateConfig, type GovreportConfig } from './config';
import { ConfigFiles, describeNotice } from './io/configFile';
import { DEFAULT_REPORT_LIMIT, readRegularFile } from './io/regularFile';
import { configDiagnostics } from './features/configDiagnostics';
import { format, langFromLocale, type Lang } from './i18n';
import { formatSpec } from './spec';
import { decodeReport } from './io/decode';
import { extractForEditor, EXTRACTED_SCHEME } from './io/extract-request';
import { analyze, type Analysis } from './features/analysis';
import { counts, diagnostics, ruleDocsBase } from './features/diagnostics';
import { FIX_ALL_KIND, codeActions, fixAllEdit, resolveFixKind, wrapper, type KindData } from './features/codeActions';
import { hover } from './features/hover';
import { completion } from './features/completion';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { inlayHints } from './features/inlayHints';
import { looksLikeReport } from './features/detect';
import { tablesModel } from './features/tables';
import { WorkspaceReports, addCarryover, carryHover } from './features/lastYear';
import { compareWithLastYear, diskText, workspaceFigures } from './features/views';
import { FrameFilter } from './protocol/frames';

/**
 * Push diagnostics wait after the last keystroke for a few times what the document's last check
 * cost, between 5 and 150 ms: a typical report (~1 ms) is answered within a keystroke, while a huge
 * one is not re-checked on every key. Pull answers at once.
 */
const DEBOUNCE_MIN_MS = 5;
const DEBOUNCE_MAX_MS = 150;
const lastCost = new Map<string, number>();
const debounceFor = (uri: string) => Math.min(DEBOUNCE_MAX_MS, Math.max(DEBOUNCE_MIN_MS, 4 * (lastCost.get(uri) ?? DEBOUNCE_MAX_MS)));

const M = {
  ruleThrew: { zh: '规则 {rule} 运行出错（其他规则照常检查）：{error}', en: 'Rule {rule} failed (the other rules still ran): {error}' },
  badConfig: { zh: '配置文件 {file} 有问题：{problem}', en: 'Problem in {file}: {problem}' },
  badSettings: { zh: 'govreport 设置有问题：{problem}', en: 'govreport settings: {problem}' },
  started: { zh: 'govreport 语言服务器已启动（{mode}诊断）', en: 'govreport language server started ({mode} diagnostics)' },
  pull: { zh: '拉取式', en: 'pull' },
  push: { zh: '推送式', en: 'push' },
  cancelled: { zh: '请求已取消', en: 'Request cancelled' },
  badOpen: { zh: 'textDocument/didOpen 的 text 不是字符串（{uri}）：按空文档打开', en: 'textDocument/didOpen with a non-string text ({uri}): opened as an empty document' },
  checkFailed: { zh: '检查 {uri} 时出错（服务器继续运行）：{error}', en: 'Checking {uri} failed (the server goes on): {error}' },
};
let lang: Lang = 'zh';
const say = (key: keyof typeof M, params: Record<string, string | number> = {}) => format(M[key][lang], params);

// Over stdio, frames pass a filter first: a bad header is logged and skipped instead of wedging the reader.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(new FrameFilter((m) => connection.console.warn(m))), process.stdout)
  : createConnection(ProposedFeatures.all);
// vscode-languageserver redirects console output away from stdout only when it opens stdio itself.
if (stdio) for (const k of ['log', 'info', 'warn', 'error'] as const) console[k] = (...a: unknown[]) => connection.console[k](a.map(String).join(' '));
// A client may send any JSON: a didOpen whose text is not a string would reach the parser as a
// number or object and throw in every later request, so it opens as an empty document instead.
const documents = new TextDocuments<TextDocument>({
  create(uri, languageId, version, content) {
    if (typeof content !== 'string') connection.console.warn(say('badOpen', { uri: String(uri) }));
    return TextDocument.create(String(uri), String(languageId), Number.isInteger(version) ? version : 0, typeof content === 'string' ? content : '');
  },
  update: TextDocument.update,
});

interface Caps { configuration: boolean; pull: boolean; documentChanges: boolean; diagnosticRefresh: boolean; inlayRefresh: boolean; dynamicConfig: boolean; resolveEdit?: boolean }
let caps: Caps = { configuration: false, pull: false, documentChanges: false, diagnosticRefresh: false, inlayRefresh: false, dynamicConfig: false };
let docsBase = ruleDocsBase();

function capabilities(c: ClientCapabilities): Caps {
  return {
    configuration: !!c.workspace?.configuration,
    pull: !!c.textDocument?.diagnostic,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    inlayRefresh: !!c.workspace?.inlayHint?.refreshSupport,
    dynamicConfig: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    resolveEdit: !!c.textDocument?.codeAction?.dataSupport && !!c.textDocument.codeAction.resolveSupport?.properties.includes('edit'),
  };
}

/** Last year's reports among the workspace's files, for carryover-mismatch in the editor. */
let workspaceRoots: string[] = [];
const workspaceReports = new WorkspaceReports(() => workspaceRoots);

connection.onInitialize((params): InitializeResult => {
  caps = capabilities(params.capabilities);
  workspaceRoots = (params.workspaceFolders ?? []).flatMap((f) => { try { return [fileURLToPath(f.uri)]; } catch { return []; } });
  const opts = (params.initializationOptions ?? {}) as { extensionRoot?: string; locale?: string };
  lang = langFromLocale(opts.locale ?? params.locale);
  // Config discovery does not climb above the folders the user opened.
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configFiles.setRoots(roots.flatMap((u) => { try { return u.startsWith('file:') ? [fileURLToPath(u)] : []; } catch { return []; } }));
  docsBase = ruleDocsBase(opts.extensionRoot);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: caps.resolveEdit },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['第', '（', '('], resolveProvider: false },
      documentSymbolProvider: { label: 'govreport' },
      foldingRangeProvider: true,
      inlayHintProvider: { resolveProvider: false },
      diagnosticProvider: caps.pull ? { identifier: 'govreport', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    },
    serverInfo: { name: 'govreport', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (caps.dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
  connection.console.info(say('started', { mode: say(caps.pull ? 'pull' : 'push') }));
});

// ---------------------------------------------------------------------------------------------
// Configuration: .govreportrc.json (nearest upward from the file) then editor settings, as the CLI.

/** Bumped whenever settings or a .govreportrc.json change: every cached analysis is then stale. */
let generation = 0;
/** Settings pushed by didChangeConfiguration, for clients without workspace/configuration. */
let pushedSettings: unknown;
const settingsCache = new Map<string, Promise<GovreportConfig>>();
const reportedProblems = new Set<string>();

function reportProblem(text: string): void {
  if (reportedProblems.has(text)) return;
  reportedProblems.add(text);
  connection.console.warn(text);
}

/** A broken .govreportrc.json shows its problems on the file itself (Problems panel, squiggles), not only in the log. */
const configFilesWithProblems = new Set<string>();
function publishConfigProblems(file: string, problems: ReturnType<typeof parseConfigText>['problems']): void {
  const uri = pathToFileURL(file).href;
  if (problems.length === 0 && !configFilesWithProblems.has(uri)) return;
  if (problems.length) configFilesWithProblems.add(uri);
  else configFilesWithProblems.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: configDiagnostics(problems, lang) });
}

/** .govreportrc.json files: the CLI's discovery, cached per folder and per file stamp (a 37 MB config is read once, not per keystroke). */
const configFiles = new ConfigFiles({
  onNotice: (n) => reportProblem(say('badConfig', { file: n.file, problem: describeNotice(n, lang) })),
  onRead: (file, problems) => publishConfigProblems(file, problems),
});

/** The .govreportrc.json that applies to a file: URI (see io/configFile.ts for where the search stops). */
function rcConfig(uri: string): GovreportConfig | undefined {
  // The extracted text of a Word/web/PDF report follows the configuration beside the original file.
  if (uri.startsWith(`${EXTRACTED_SCHEME}:/`)) uri = `file://${uri.slice(EXTRACTED_SCHEME.length + 1).replace(/\.txt$/, '')}`;
  if (!uri.startsWith('file:')) return undefined;
  let dir: string;
  try { dir = path.dirname(fileURLToPath(uri)); } catch { return undefined; }
  return configFiles.find(dir).config;
}

/** Editor settings → config. "auto" is the default and must not override a format set in .govreportrc.json. */
function settingsConfig(raw: unknown): GovreportConfig {
  const v = (raw ?? {}) as { format?: unknown; rules?: unknown; fix?: { numbers?: unknown } };
  // Like "auto", the default false of govreport.fix.numbers must not override a .govreportrc.json that allows numeric fixes.
  const fix = v.fix?.numbers === false ? undefined : v.fix ?? undefined;
  const { config, problems } = validateConfig({ format: v.format === 'auto' ? undefined : v.format, rules: v.rules ?? undefined, fix }, lang);
  for (const p of problems) reportProblem(say('badSettings', { problem: p }));
  return config;
}

function configFor(uri: string): Promise<GovreportConfig> {
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = caps.configuration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'govreport' }).then(settingsConfig, () => ({}))
      : Promise.resolve(settingsConfig((pushedSettings as { govreport?: unknown } | undefined)?.govreport));
    settingsCache.set(uri, settings);
  }
  return settings.then((s) => mergeConfigs(rcConfig(uri), s));
}

function configChanged(): void {
  generation++;
  settingsCache.clear();
  configFiles.forget();
  reportedProblems.clear();
  if (caps.pull) {
    if (caps.diagnosticRefresh) void connection.languages.diagnostics.refresh();
  } else {
    for (const d of documents.all()) schedule(d, 0);
  }
  if (caps.inlayRefresh) void connection.languages.inlayHint.refresh();
}

connection.onDidChangeConfiguration((p: DidChangeConfigurationParams) => { pushedSettings = p.settings; configChanged(); });
connection.onDidChangeWatchedFiles(() => configChanged());

// ---------------------------------------------------------------------------------------------
// Analysis cache: one per document version and configuration generation.

/**
 * Analyses of the few most recently used documents: the one being edited and those beside it. Any
 * other open document is re-checked on demand (a typical report takes about a millisecond), so
 * memory stays flat however many reports are open, and a pull for an unchanged document is answered
 * without re-checking it (see resultId below).
 */
interface Entry { version: number; generation: number; analysis: Promise<Analysis> }
const cache = new Map<string, Entry>();
const MAX_CACHED = 4;
const checkedOnce = new Set<string>();
const loggedRuleErrors = new Set<string>();

function entryFor(doc: TextDocument): Entry {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.generation === generation) {
    cache.delete(doc.uri);
    cache.set(doc.uri, hit);
    return hit;
  }
  // Read the text now: by the time the configuration arrives the document may have moved on.
  const text = doc.getText();
  const { version, uri } = doc;
  const analysis = configFor(uri).catch(() => ({})).then((config) => {
    const a = analyze(text, { uri, version, lang, config });
    try { addCarryover(a, workspaceReports); } catch (e) { a.ruleErrors.push({ rule: 'carryover-mismatch', error: e instanceof Error ? e.message : String(e) }); }
    for (const e of a.ruleErrors) {
      if (loggedRuleErrors.has(e.rule)) continue;
      loggedRuleErrors.add(e.rule);
      connection.console.error(say('ruleThrew', e));
    }
    return a;
  });
  const entry = { version, generation, analysis };
  cache.delete(uri);
  cache.set(uri, entry);
  checkedOnce.add(uri);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return entry;
}

function analysisFor(doc: TextDocument): Promise<Analysis> {
  return entryFor(doc).analysis;
}

/** The analysis of the document's current version, or undefined when the document is not open. */
async function current(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const a = await analysisFor(doc);
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, say('cancelled'));
  return a;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: pull when the client supports it, otherwise debounced push.

const timers = new Map<string, NodeJS.Timeout>();

function schedule(doc: TextDocument, delay: number): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => {
    timers.delete(doc.uri);
    // A push has nobody to answer: an exception here would be an unhandled rejection ending the server.
    publish(doc.uri).catch((e: unknown) => connection.console.error(say('checkFailed', { uri: doc.uri, error: String((e as Error)?.stack ?? e) })));
  }, delay));
}

async function publish(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const started = performance.now();
  const a = await analysisFor(doc);
  lastCost.set(uri, performance.now() - started);
  // A newer version arrived (or the document closed) while analysing: its own timer publishes it.
  const now = documents.get(uri);
  const cached = cache.get(uri);
  if (!now || now.version !== a.version || (cached && cached.generation !== generation)) return;
  void connection.sendDiagnostics({ uri, version: a.version, diagnostics: diagnostics(a, docsBase) });
}

// Fires on open and on every change. A freshly opened document (nothing cached yet) is checked at
// once; edits are debounced so that a burst of keystrokes yields one publish, for the last version.
documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
  if (!caps.pull) schedule(e.document, checkedOnce.has(e.document.uri) ? debounceFor(e.document.uri) : 0);
});
documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  checkedOnce.delete(e.document.uri);
  lastCost.delete(e.document.uri);
  if (!caps.pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: 'full', items: [] };
  // Diagnostics depend only on the text version and the configuration generation: a client that
  // already holds them for both is answered without a check (its analysis may have been evicted).
  const latest = `${doc.version}:${generation}`;
  if (params.previousResultId === latest) return { kind: 'unchanged', resultId: latest };
  const entry = entryFor(doc);
  const a = await entry.analysis;
  // Ask the client to pull again rather than answer for a version it has already replaced.
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, say('cancelled'), { retriggerRequest: true });
  const resultId = `${entry.version}:${entry.generation}`;
  if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: diagnostics(a, docsBase) };
});

// ---------------------------------------------------------------------------------------------
// Language features.

connection.onCodeAction(async (params, token) => {
  const a = await current(params.textDocument.uri, token);
  if (!a) return null;
  return codeActions(a, params.range, params.context, wrapper(a.uri, a.version, caps.documentChanges), docsBase, caps.resolveEdit);
});
connection.onCodeActionResolve(async (action, token) => {
  const uri = (action.data as KindData | undefined)?.uri;
  const a = uri ? await current(uri, token) : undefined;
  return (a && resolveFixKind(a, action, wrapper(a.uri, a.version, caps.documentChanges), docsBase)) ?? action;
});
connection.onHover(async (params, token) => {
  const a = await current(params.textDocument.uri, token);
  if (!a) return null;
  const h = hover(a, params.position, docsBase);
  const carry = carryHover(a, params.position);
  if (!carry) return h;
  const value = h && typeof h.contents === 'object' && 'value' in h.contents ? `${carry}\n\n---\n\n${h.contents.value}` : carry;
  return { contents: { kind: 'markdown' as const, value } };
});
connection.onCompletion(async (params, token) => {
  const a = await current(params.textDocument.uri, token);
  return a ? { isIncomplete: false, items: completion(a, params.position) } : null;
});
connection.onDocumentSymbol(async (params, token) => {
  const a = await current(params.textDocument.uri, token);
  return a ? documentSymbols(a) : null;
});
connection.onFoldingRanges(async (params, token) => {
  const a = await current(params.textDocument.uri, token);
  return a ? foldingRanges(a) : null;
});
connection.languages.inlayHint.on(async (params, token) => {
  const a = await current(params.textDocument.uri, token);
  return a ? inlayHints(a, params.range) : null;
});

// Custom requests used by the VS Code client (status bar, fix-all command, workspace check).

connection.onRequest('govreport/status', async (params: { uri: string }, token: CancellationToken) => {
  const a = await current(params.uri, token);
  if (!a) return null;
  const c = counts(a);
  return {
    format: a.report.format,
    formatName: formatSpec(a.report.format).name[lang],
    year: a.report.year?.value ?? null,
    counts: c,
    total: c.error + c.warning + c.info + c.hint,
    notAReport: a.report.notAReport,
  };
});

/** The parsed tables for the table preview (client/src/preview): the client never parses. */
connection.onRequest('govreport/tables', async (params: { uri: string }, token: CancellationToken) => {
  const a = await current(params.uri, token);
  return a ? tablesModel(a) : null;
});

/** "与上年报告比较" and the workspace overview (client/src/preview/views.ts). */
const openOrDisk = (uri: string) => documents.get(uri)?.getText() ?? diskText(uri);
connection.onRequest('govreport/compare', async (params: { uri: string; lastUri?: string }, token: CancellationToken) => {
  const a = await current(params.uri, token);
  return a ? compareWithLastYear(a, workspaceReports, openOrDisk, params.lastUri) : null;
});
connection.onRequest('govreport/summary', async () => {
  const configs = new Map<string, GovreportConfig>();
  for (const f of workspaceReports.files()) { const u = pathToFileURL(f).toString(); configs.set(u, await configFor(u)); }
  return workspaceFigures(workspaceReports, openOrDisk, lang, (u) => configs.get(u) ?? {});
});

connection.onRequest('govreport/fixAll', async (params: { uri: string }, token: CancellationToken) => {
  const a = await current(params.uri, token);
  if (!a) return null;
  const edit = fixAllEdit(a);
  return edit ? wrapper(a.uri, a.version, caps.documentChanges)([edit]) : null;
});

/** Checks files from disk (the workspace command): open documents use their editor text. */
connection.onRequest('govreport/checkFiles', async (params: { uris: string[]; onlyReports?: boolean }, token: CancellationToken) => {
  const out: { uri: string; format?: string; year?: number | null; diagnostics: ReturnType<typeof diagnostics>; skipped?: string }[] = [];
  for (const uri of params.uris) {
    if (token.isCancellationRequested) break;
    const open = documents.get(uri);
    let text: string | undefined = open?.getText();
    if (text === undefined) {
      try {
        const config = await configFor(uri);
        const read = readRegularFile(fileURLToPath(uri), config.maxFileSize ?? DEFAULT_REPORT_LIMIT);
        if (!read.ok) { out.push({ uri, diagnostics: [], skipped: read.error[lang] }); continue; }
        const decoded = decodeReport(read.bytes);
        if (!decoded.ok) { out.push({ uri, diagnostics: [], skipped: decoded.message[lang] }); continue; }
        text = decoded.text;
      } catch (e) {
        out.push({ uri, diagnostics: [], skipped: e instanceof Error ? e.message : String(e) });
        continue;
      }
    }
    if (params.onlyReports && !open && !looksLikeReport(text)) { out.push({ uri, diagnostics: [], skipped: 'not a report' }); continue; }
    const a = analyze(text, { uri, lang, config: await configFor(uri) });
    out.push({ uri, format: a.report.format, year: a.report.year?.value ?? null, diagnostics: diagnostics(a, docsBase) });
    // Yield between files so cancellation and other requests get a turn.
    await new Promise((r) => setImmediate(r));
  }
  return out;
});

/** The text of a .docx/.html/.pdf report on disk, for the client's read-only view of it (the reader loads on first use). */
connection.onRequest('govreport/extract', (params: { uri: string; layout?: string }) => extractForEditor(params.uri, params.layout));

connection.onShutdown(() => {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
});

// Over IPC the parent's disappearance shows up as a disconnect; stdio end and the client's process
// id are watched by vscode-languageserver itself.
process.on('disconnect', () => process.exit(0));

documents.listen(connection);
connection.listen();
