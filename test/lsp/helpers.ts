// A minimal LSP client for the protocol tests: starts the real bundled server (`node dist/server.js
// --stdio`) as a child process and talks JSON-RPC over its stdio. Documents are kept as
// vscode-languageserver-textdocument TextDocuments so that edits the server offers can be applied
// exactly as an editor would, then sent back as incremental didChange notifications.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest, CompletionRequest, DocumentDiagnosticRequest, DocumentSymbolRequest, ExitNotification, HoverRequest,
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest,
  type ClientCapabilities, type CodeAction, type Command, type CompletionItem, type CompletionList, type Diagnostic,
  type DocumentSymbol, type Hover, type InitializeResult, type Position, type PublishDiagnosticsParams, type Range,
  type SymbolInformation, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SAMPLES = {
  xinxiang: 'xinxiang-health-2020-pipe.txt',
  xinjiang: 'xinjiang-health-2023-cell-per-line.txt',
  yuyao: 'yuyao-health-2020-indented.txt',
  kunming: 'kunming-xishan-health-2022-pipe.txt',
  lushan: 'lushan-health-2021-tab.txt',
} as const;

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** 0-based index of the first line containing `needle`. */
export function lineOf(text: string, needle: string | RegExp): number {
  const i = text.split(/\r?\n/).findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
  assert.ok(i >= 0, `no line matching ${needle}`);
  return i;
}

export function ruleOf(d: Diagnostic): string {
  return String(d.code);
}

export function dump(ds: Diagnostic[]): string {
  return ds.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} sev${d.severity} ${ruleOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/** A diagnostic of `rule` starting within ±2 lines of 1-based `line`. */
export function near(ds: Diagnostic[], rule: string, line1: number): Diagnostic | undefined {
  return ds.find((d) => ruleOf(d) === rule && Math.abs(d.range.start.line + 1 - line1) <= 2);
}

export interface StartOptions {
  /** Advertise textDocument/diagnostic (pull) support; otherwise the server pushes. */
  pull?: boolean;
  locale?: string;
  /** What workspace/configuration answers for section "govreport"; undefined → the client has no such capability. */
  settings?: () => unknown;
  /** Node flags for the server process (the VS Code client's are in client/src/serverArgs.ts). */
  execArgv?: readonly string[];
  /** Advertise codeAction/resolve for the edit (as VS Code does): "fix all of this kind" then comes without its edit. */
  codeActionResolve?: boolean;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly docs = new Map<string, TextDocument>();
  private waiters: (() => void)[] = [];
  private exited: Promise<number | null>;
  private tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lsp-'));
  init!: InitializeResult;

  private constructor(readonly proc: ChildProcess, readonly conn: MessageConnection, readonly options: StartOptions) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run \`node esbuild.mjs\` first (npm test does)`);
    const proc = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, options);
    proc.stderr!.on('data', (b: Buffer) => client.logs.push(b.toString()));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => { client.published.push(p); client.wake(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { client.logs.push(p.message); });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings?.() ?? null));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.listen();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: !!options.settings, workspaceEdit: { documentChanges: true }, didChangeConfiguration: {} },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, ...(options.codeActionResolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}) },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    };
    client.init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities, locale: options.locale ?? 'zh-cn', workspaceFolders: null,
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Resolves when `cond()` holds, re-checked after every published diagnostics notification. */
  async until<T>(cond: () => T | undefined | false, what: () => string, timeoutMs = 30000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = cond();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what()}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** A file: URI in a private temp directory (so no stray .govreportrc.json applies). */
  uri(name: string, dir = this.tmp): string {
    return pathToFileURL(path.join(dir, name)).href;
  }

  get tmpDir(): string {
    return this.tmp;
  }

  async open(uri: string, text: string, languageId = 'govreport'): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  async openFixture(name: string, as = name): Promise<TextDocument> {
    return this.open(this.uri(as), fixture(name));
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    assert.ok(d, `document ${uri} is not open`);
    return d;
  }

  /** Sends the edits as one incremental didChange (last edit first, so ranges stay valid in order). */
  async change(uri: string, edits: TextEdit[]): Promise<TextDocument> {
    const doc = this.doc(uri);
    const expected = TextDocument.applyEdits(doc, edits);
    const changes = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
      .map((e) => ({ range: e.range, text: e.newText }));
    const next = TextDocument.update(doc, changes, doc.version + 1);
    assert.equal(next.getText(), expected, 'incremental changes reproduce applyEdits');
    this.docs.set(uri, next);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Applies a WorkspaceEdit for one open document (versioned documentChanges or plain changes). */
  async applyEdit(edit: WorkspaceEdit): Promise<TextDocument> {
    if (edit.documentChanges) {
      let last: TextDocument | undefined;
      for (const dc of edit.documentChanges) {
        assert.ok('textDocument' in dc, 'only text document edits are expected');
        const doc = this.doc(dc.textDocument.uri);
        assert.equal(dc.textDocument.version, doc.version, 'the edit targets the current version');
        last = await this.change(doc.uri, dc.edits as TextEdit[]);
      }
      assert.ok(last, 'the edit changes something');
      return last;
    }
    const entries = Object.entries(edit.changes ?? {});
    assert.equal(entries.length, 1, 'one document changed');
    return this.change(entries[0][0], entries[0][1]);
  }

  /**
   * Diagnostics for the document's current version: pulled (textDocument/diagnostic) when the client
   * advertised pull, else the push for exactly this version, awaited.
   */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.doc(uri).version;
    if (this.options.pull) {
      const r = await this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(r.kind, 'full');
      return (r as { items: Diagnostic[] }).items;
    }
    const p = await this.until(() => [...this.published].reverse().find((x) => x.uri === uri && x.version === version),
      () => `diagnostics for ${path.basename(uri)} v${version}; published: ${this.published.filter((x) => x.uri === uri).map((x) => x.version).join(',')}`);
    return p.diagnostics;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[] | null> {
    return this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(r) ? r : (r as CompletionList | null)?.items ?? [];
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    const r = await this.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return (r ?? []) as (DocumentSymbol | SymbolInformation)[] as DocumentSymbol[];
  }

  /** shutdown + exit; resolves with the exit code of the server process. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode === null) {
      try {
        await this.conn.sendRequest(ShutdownRequest.type);
        await this.conn.sendNotification(ExitNotification.type);
      } catch { /* the process may already be gone */ }
    }
    const timer = setTimeout(() => this.proc.kill(), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
    fs.rmSync(this.tmp, { recursive: true, force: true });
    return code;
  }
}

export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

export function isAction(a: CodeAction | Command): a is CodeAction {
  return !('command' in a && typeof a.command === 'string');
}

/** LSP 3.18 allows Markdown diagnostic messages; the server sends plain strings. */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
