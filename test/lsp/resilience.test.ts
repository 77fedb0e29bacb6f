// Server resilience over the real protocol: the bundled server (dist/server.js --stdio) as a child
// process, driven with vscode-languageserver-protocol. Out-of-range edits, hundreds of didChange in
// a burst, requests for documents that are not open, cancellation, malformed and unknown messages,
// and the client going away (stdin closed, client process dead, exit without shutdown). A rule that
// throws cannot be injected into the bundle, so that part runs in-process against checkReport.
// Self-contained on purpose (no shared helper): these tests abuse the protocol in ways a normal
// client helper should refuse to.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest, CompletionRequest, DocumentDiagnosticRequest, DocumentSymbolRequest, ExitNotification, FoldingRangeRequest,
  HoverRequest, InitializeRequest, InitializedNotification, InlayHintRequest, PublishDiagnosticsNotification, ShutdownRequest,
  type Diagnostic, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, checkText } from '../../server/src/check';
import { allRules } from '../../server/src/rules';
import { defineRule } from '../../server/src/rules/rule';
import { parseReport } from '../../server/src/parse/parse';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const FIX = join(ROOT, 'test', 'fixtures');
const KUNMING = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const REQUEST_CANCELLED = -32800;
const SERVER_CANCELLED = -32802;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Server {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  readonly dir = mkdtempSync(join(tmpdir(), 'govreport-resilience-'));
  private waiters: (() => void)[] = [];

  private constructor(readonly proc: ChildProcess, readonly conn: MessageConnection) {
    this.exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  static async start(opts: { pull?: boolean; processId?: number | null } = {}): Promise<Server> {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`node esbuild.mjs\` first (npm test does)`);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const s = new Server(proc, conn);
    proc.stderr!.on('data', (b: Buffer) => s.stderr.push(b.toString()));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => { s.published.push(p); s.wake(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { s.logs.push(p.message); });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    conn.onError(() => undefined);
    conn.onClose(() => s.wake());
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: opts.processId === undefined ? process.pid : opts.processId,
      rootUri: null,
      workspaceFolders: null,
      locale: 'zh-cn',
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          diagnostic: opts.pull ? { dynamicRegistration: false } : undefined,
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        workspace: { workspaceEdit: { documentChanges: true } },
      },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return s;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  async until<T>(cond: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = cond();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  uri(name: string): string {
    return pathToFileURL(join(this.dir, name)).href;
  }

  alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** A request on an open document still gets an answer: the server is alive and not wedged. */
  async assertResponsive(uri: string): Promise<void> {
    assert.ok(this.alive(), `the server exited: ${this.stderr.join('').slice(-2000)}`);
    const symbols = await withTimeout(this.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 10_000, 'documentSymbol');
    assert.ok(Array.isArray(symbols), 'documentSymbol answers');
  }

  async stop(): Promise<void> {
    if (this.alive()) {
      try {
        await withTimeout(this.conn.sendRequest(ShutdownRequest.type), 5_000, 'shutdown');
        await this.conn.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(t);
    }
    this.conn.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

/** Settles a request: its result, or the ResponseError it failed with (anything else is rethrown). */
async function settle<T>(p: Promise<T>, what: string, ms = 10_000): Promise<{ ok: true; value: T } | { ok: false; error: ResponseError<unknown> }> {
  try {
    return { ok: true, value: await withTimeout(p, ms, what) };
  } catch (e) {
    if (e instanceof ResponseError) return { ok: false, error: e };
    throw e;
  }
}

function assertInside(doc: TextDocument, ds: Diagnostic[]): void {
  const lines = doc.getText().split(/\r\n|\r|\n/);
  for (const d of ds) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length,
        `${String(d.code)} ${JSON.stringify(d.range)} lies outside the document (${lines.length} lines)`);
    }
  }
}

describe('lsp: resilience', function () {
  this.timeout(60_000);
  this.slow(10_000);

  it('out-of-range, reversed and negative edit positions are clamped; diagnostics stay inside the document', async () => {
    for (const pull of [false, true]) {
      const s = await Server.start({ pull });
      try {
        const uri = s.uri('report.txt');
        let doc = TextDocument.create(uri, 'govreport', 1, KUNMING);
        await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
        const big = 2 ** 31 - 1;
        const hostile: TextDocumentContentChangeEvent[][] = [
          [{ range: { start: { line: 10_000, character: 5 }, end: { line: 10_000, character: 9 } }, text: '\n附件：多出来的一行' }],
          [{ range: { start: { line: 2, character: 99_999 }, end: { line: 2, character: 99_999 } }, text: '（行尾追加）' }],
          [{ range: { start: { line: 6, character: 0 }, end: { line: 4, character: 3 } }, text: '' }], // start after end
          [{ range: { start: { line: big, character: big }, end: { line: big, character: big } }, text: 'X' }],
          [{ range: { start: { line: -1, character: -5 }, end: { line: 0, character: -1 } }, text: '' }],
          [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '\ud83d' }], // half a surrogate pair
          [{ text: `${KUNMING}\r\n\r` }], // full replacement, odd line endings
          [{ range: { start: { line: 40, character: 2 }, end: { line: 30, character: 100 } }, text: '|' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\u202e' }],
        ];
        for (const changes of hostile) {
          doc = TextDocument.update(doc, changes, doc.version + 1);
          await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
        }
        let ds: Diagnostic[];
        if (pull) {
          const r = await s.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
          assert.equal(r.kind, 'full');
          ds = (r as { items: Diagnostic[] }).items;
        } else {
          ds = (await s.until(() => s.published.find((p) => p.uri === uri && p.version === doc.version), `diagnostics for v${doc.version}`)).diagnostics;
        }
        assertInside(doc, ds);
        // The server clamped exactly as an editor does: its diagnostics are those of our copy of the text.
        const key = (code: unknown, r: { start: { line: number; character: number }; end: { line: number; character: number } }, m: unknown) =>
          `${String(code)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${typeof m === 'string' ? m : (m as { value: string }).value}`;
        const local = checkText(doc.getText(), { uri }).findings.map((f) => key(f.rule, f.range, f.message)).sort();
        assert.deepEqual(ds.map((d) => key(d.code, d.range, d.message)).sort(), local);
        const status = await s.conn.sendRequest('govreport/status', { uri }) as { total: number } | null;
        assert.ok(status && status.total === ds.length, `status ${JSON.stringify(status)} vs ${ds.length} diagnostics`);
        await s.assertResponsive(uri);
      } finally {
        await s.stop();
      }
    }
  });

  it('a burst of 500 didChange notifications publishes only the last version (push)', async () => {
    const s = await Server.start();
    try {
      const uri = s.uri('burst.txt');
      let doc = TextDocument.create(uri, 'govreport', 1, KUNMING);
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
      await s.until(() => s.published.find((p) => p.uri === uri && p.version === 1), 'the first publish');
      const line = doc.getText().split('\n').findIndex((l) => l.startsWith('(七)总计'));
      assert.ok(line > 0);
      const before = s.published.length;
      const sends: Promise<void>[] = [];
      for (let i = 0; i < 500; i++) {
        // Alternate incremental edits of the grand total with whole-document replacements.
        const value = String(1000 + i);
        const text = doc.getText().split('\n');
        const m = /(\d+)(?=\D*$)/.exec(text[line])!; // the last number: 总计
        const changes: TextDocumentContentChangeEvent[] = i % 7 === 6
          ? [{ text: [...text.slice(0, line), text[line].slice(0, m.index) + value + text[line].slice(m.index + m[1].length), ...text.slice(line + 1)].join('\n') }]
          : [{ range: { start: { line, character: m.index }, end: { line, character: m.index + m[1].length } }, text: value }];
        doc = TextDocument.update(doc, changes, doc.version + 1);
        sends.push(s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes }));
      }
      await Promise.all(sends);
      const last = doc.version;
      assert.equal(last, 501);
      const final = await s.until(() => s.published.find((p) => p.uri === uri && p.version === last), `the publish for v${last}`);
      await sleep(500); // longer than the debounce: anything stale would have arrived by now
      const during = s.published.slice(before).filter((p) => p.uri === uri);
      if (process.env.GOVREPORT_DEBUG) console.log(`burst publishes: ${during.map((p) => p.version).join(',')}`);
      assert.ok(during.length <= 3, `${during.length} publishes for one burst: ${during.map((p) => p.version).join(',')}`);
      assert.equal(during[during.length - 1].version, last, 'the last publish is for the last version');
      const afterFinal = during.slice(during.indexOf(final) + 1);
      assert.deepEqual(afterFinal.map((p) => p.version), [], 'nothing stale after the final version');
      assert.ok(final.diagnostics.some((d) => d.message.toString().includes('1499')), `diagnostics quote the last value 1499:\n${final.diagnostics.map((d) => d.message).join('\n')}`);
      assertInside(doc, final.diagnostics);
    } finally {
      await s.stop();
    }
  });

  it('pulls interleaved with a burst answer for the version they were sent after, never an older one (pull)', async () => {
    const s = await Server.start({ pull: true });
    try {
      const uri = s.uri('burst.txt');
      let doc = TextDocument.create(uri, 'govreport', 1, KUNMING);
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
      const pulls: { sentAfter: number; p: ReturnType<typeof settle> }[] = [];
      for (let i = 0; i < 300; i++) {
        const changes = [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: i % 2 ? '。' : '申' }];
        doc = TextDocument.update(doc, changes, doc.version + 1);
        void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
        if (i % 50 === 0) pulls.push({ sentAfter: doc.version, p: settle(s.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'pull') });
      }
      for (const { sentAfter, p } of pulls) {
        const r = await p;
        if (!r.ok) { assert.equal(r.error.code, SERVER_CANCELLED, r.error.message); continue; }
        const v = Number(String((r.value as { resultId?: string }).resultId).split(':')[0]);
        assert.ok(v >= sentAfter, `a pull sent after v${sentAfter} answered for v${v}`);
      }
      const final = await s.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as { kind: string; resultId: string; items: Diagnostic[] };
      assert.equal(final.kind, 'full');
      assert.equal(Number(final.resultId.split(':')[0]), doc.version);
      assertInside(doc, final.items);
    } finally {
      await s.stop();
    }
  });

  it('requests for documents that are not (or no longer) open answer empty, and the server goes on', async () => {
    for (const pull of [false, true]) {
      const s = await Server.start({ pull });
      try {
        const open = s.uri('open.txt');
        const closed = s.uri('closed.txt');
        const never = s.uri('never.txt');
        await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: open, languageId: 'govreport', version: 1, text: KUNMING } });
        await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: closed, languageId: 'govreport', version: 1, text: KUNMING } });
        await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
        // Notifications about documents that are not open must be ignored, not crash the server.
        await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: never, version: 7 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
        await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: never } });
        await s.conn.sendNotification('textDocument/didSave', { textDocument: { uri: never } });
        const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
        for (const uri of [closed, never, 'untitled:Untitled-1', 'not a uri at all']) {
          const textDocument = { uri };
          const answers = await Promise.all([
            settle(s.conn.sendRequest(HoverRequest.type, { textDocument, position: { line: 0, character: 0 } }), 'hover'),
            settle(s.conn.sendRequest(CompletionRequest.type, { textDocument, position: { line: 0, character: 0 } }), 'completion'),
            settle(s.conn.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), 'codeAction'),
            settle(s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'documentSymbol'),
            settle(s.conn.sendRequest(FoldingRangeRequest.type, { textDocument }), 'foldingRange'),
            settle(s.conn.sendRequest(InlayHintRequest.type, { textDocument, range }), 'inlayHint'),
            settle(s.conn.sendRequest('govreport/status', { uri }), 'govreport/status'),
            settle(s.conn.sendRequest('govreport/fixAll', { uri }), 'govreport/fixAll'),
            ...(pull ? [settle(s.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument }), 'diagnostic')] : []),
          ]);
          for (const a of answers) {
            // An empty answer, or a well-formed error — never a hang, never a crash.
            if (a.ok) {
              const v = a.value as unknown;
              const empty = v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && 'items' in v && (v as { items: unknown[] }).items.length === 0);
              assert.ok(empty, `${uri}: expected an empty answer, got ${JSON.stringify(v).slice(0, 200)}`);
            } else assert.ok(typeof a.error.code === 'number');
          }
        }
        await s.assertResponsive(open);
      } finally {
        await s.stop();
      }
    }
  });

  it('$/cancelRequest: cancelled requests settle (result or RequestCancelled) and the server goes on', async () => {
    const s = await Server.start();
    try {
      // A large document, so that the analysis is still running when the cancellation arrives.
      const uri = s.uri('large.txt');
      const text = `${KUNMING}\n${KUNMING.split('\n').slice(3, 60).join('\n').repeat(80)}`;
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
      const results = [];
      for (let i = 0; i < 40; i++) {
        const cts = new CancellationTokenSource();
        const kind = i % 4;
        const p = kind === 0 ? s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, cts.token)
          : kind === 1 ? s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 40, character: 3 } }, cts.token)
            : kind === 2 ? s.conn.sendRequest('govreport/status', { uri }, cts.token)
              : s.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }, cts.token);
        cts.cancel();
        results.push(settle(p, `cancelled request ${i}`));
      }
      const settled = await Promise.all(results);
      for (const r of settled) if (!r.ok) assert.equal(r.error.code, REQUEST_CANCELLED, r.error.message);
      assert.ok(settled.some((r) => !r.ok), 'at least one request was actually cancelled');

      // A long workspace check, cancelled after it started, stops early.
      const uris: string[] = [];
      for (let i = 0; i < 200; i++) {
        const f = join(s.dir, `r${i}.txt`);
        writeFileSync(f, KUNMING);
        uris.push(pathToFileURL(f).href);
      }
      const cts = new CancellationTokenSource();
      const p = settle(s.conn.sendRequest('govreport/checkFiles', { uris }, cts.token), 'checkFiles', 20_000);
      setTimeout(() => cts.cancel(), 30);
      const r = await p;
      if (r.ok) assert.ok((r.value as unknown[]).length < uris.length, 'a cancelled checkFiles stops before the end');
      else assert.equal(r.error.code, REQUEST_CANCELLED);
      await s.assertResponsive(uri);
    } finally {
      await s.stop();
    }
  });

  it('unknown methods, malformed parameters and garbage frames do not bring the server down', async () => {
    const s = await Server.start();
    try {
      const uri = s.uri('ok.txt');
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
      const unknown = await settle(s.conn.sendRequest('govreport/noSuchThing', {}), 'unknown method');
      assert.ok(!unknown.ok && unknown.error.code === -32601, 'MethodNotFound');
      await s.conn.sendNotification('$/noSuchNotification', { x: 1 });
      for (const params of [{}, { textDocument: {} }, { textDocument: { uri } }, { textDocument: { uri }, position: { line: 'a', character: null } }, null]) {
        const r = await settle(s.conn.sendRequest(HoverRequest.type.method, params), `hover ${JSON.stringify(params)}`);
        if (r.ok) assert.ok(r.value === null || typeof r.value === 'object');
      }
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: null });
      await s.conn.sendNotification('textDocument/didOpen', {});
      // A syntactically broken JSON body with a correct header, written straight to the pipe.
      const body = Buffer.from('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{', 'utf8');
      s.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
      await sleep(200);
      await s.assertResponsive(uri);
    } finally {
      await s.stop();
    }
  });

  it('a didOpen whose text or version is not a string/number opens an empty document; the server stays up (push)', async () => {
    const s = await Server.start();
    try {
      const uri = s.uri('ok.txt');
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
      await s.assertResponsive(uri);
      for (const [name, text, version] of [['num.txt', 12, 1], ['obj.txt', { a: 1 }, 'x'], ['arr.txt', ['一、总体情况'], null]] as const) {
        const bad = s.uri(name);
        await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'govreport', version, text } });
        await s.until(() => s.published.find((p) => p.uri === bad), `diagnostics for ${name}`);
      }
      await s.assertResponsive(uri);
      assert.match(s.logs.join('\n'), /didOpen/);
    } finally {
      await s.stop();
    }
  });

  describe('a bad frame header: the server answers again from the next valid header', () => {
    const bad: [string, string][] = [
      ['a non-numeric length', 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
      ['a negative length', 'Content-Length: -5\r\n\r\n{}'],
      ['a huge length (memory stays bounded: the body is not awaited)', 'Content-Length: 99999999999999\r\n\r\n{"jsonrpc":"2.0"'],
      ['a header line without a colon', 'Content-Type application/json\r\nContent-Length: 2\r\n\r\n{}'],
      ['no Content-Length at all', 'X-Anything: 1\r\n\r\n'],
    ];
    for (const [name, frame] of bad) {
      it(name, async () => {
        const s = await Server.start();
        try {
          const uri = s.uri('ok.txt');
          await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
          await s.assertResponsive(uri);
          s.proc.stdin!.write(Buffer.from(frame, 'latin1'));
          await sleep(100);
          await s.assertResponsive(uri);
          // And again, the bad frame split across writes in the middle of its header.
          s.proc.stdin!.write(Buffer.from(frame.slice(0, 9), 'latin1'));
          await sleep(20);
          s.proc.stdin!.write(Buffer.from(frame.slice(9), 'latin1'));
          await s.assertResponsive(uri);
          assert.match(s.stderr.join('') + s.logs.join(''), /skipped a bad LSP frame/);
        } finally {
          await s.stop();
        }
      });
    }
  });

  it('a hostile document does not wedge the server: other documents are still answered promptly', async () => {
    const s = await Server.start();
    try {
      const ok = s.uri('ok.txt');
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: ok, languageId: 'govreport', version: 1, text: KUNMING } });
      await s.assertResponsive(ok);
      // The worst cases of the regular expressions found by hostile.test.ts, a few KB each: a claim
      // with a long digit run before 件, a Markdown rule line padded with spaces, a padded annex line.
      const lines = KUNMING.split('\n');
      const at = lines.findIndex((l) => l.startsWith('(二)依申请公开')) + 1;
      const hostile = [...lines.slice(0, at), `全年共收到政府信息公开申请${'1'.repeat(3000)}x件。`, ...lines.slice(at), `|---${' '.repeat(20_000)}x`, `附件${' '.repeat(20_000)}x`].join('\n');
      const bad = s.uri('hostile.txt');
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'govreport', version: 1, text: hostile } });
      await sleep(50); // the first check of a new document starts at once
      // A hang guard, not a speed figure: a blocked server never answers.
      await withTimeout(s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: ok } }), 15_000, 'documentSymbol on another document while the hostile one is checked');
      await s.until(() => s.published.find((p) => p.uri === bad), 'diagnostics for the hostile document', 5_000);
    } finally {
      if (s.alive()) s.proc.kill('SIGKILL');
      await s.stop();
    }
  });

  describe('the client going away', () => {
    it('stdin closed: the server exits within a few seconds', async () => {
      const s = await Server.start();
      s.proc.stdin!.end();
      // withTimeout is the hang guard: the server exits rather than living on.
      await withTimeout(s.exited, 15_000, 'exit after stdin closed').catch((err) => { s.proc.kill('SIGKILL'); throw err; });
      await s.stop();
    });

    it('the client process dies (processId watch): the server exits within a few seconds', async () => {
      const client = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: 'ignore' });
      const s = await Server.start({ processId: client.pid });
      try {
        await sleep(100);
        assert.ok(s.alive());
        client.kill('SIGKILL');
        await withTimeout(s.exited, 15_000, 'exit after the client process died');
      } finally {
        client.kill('SIGKILL');
        if (s.alive()) s.proc.kill('SIGKILL');
        await s.stop();
      }
    });

    it('exit without shutdown exits with 1; shutdown then exit with 0', async () => {
      const a = await Server.start();
      await a.conn.sendNotification(ExitNotification.type);
      assert.equal((await withTimeout(a.exited, 5_000, 'exit')).code, 1);
      await a.stop();
      const b = await Server.start();
      await b.conn.sendRequest(ShutdownRequest.type);
      await b.conn.sendNotification(ExitNotification.type);
      assert.equal((await withTimeout(b.exited, 5_000, 'exit')).code, 0);
      await b.stop();
    });

    it('requests after shutdown are refused, not served or crashed on', async () => {
      const s = await Server.start();
      try {
        const uri = s.uri('x.txt');
        await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: KUNMING } });
        await s.conn.sendRequest(ShutdownRequest.type);
        const r = await settle(s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'request after shutdown');
        assert.ok(!r.ok || r.value === null || Array.isArray(r.value));
        assert.ok(s.alive(), 'still waiting for exit');
      } finally {
        await s.conn.sendNotification(ExitNotification.type).catch(() => undefined);
        assert.equal((await withTimeout(s.exited, 5_000, 'exit after shutdown')).code, 0);
        await s.stop();
      }
    });
  });
});

describe('a rule that throws (in-process)', () => {
  it('is reported once in ruleErrors; every other rule still produces its findings', () => {
    const throwing = defineRule({
      id: 'test-throws',
      defaultSeverity: 'error',
      fixable: 'no',
      description: { zh: '测试用', en: 'test only' },
      tags: [],
      messages: {},
      check() { throw new Error('boom'); },
    });
    const text = readFileSync(join(FIX, 'lushan-health-2021-tab.txt'), 'utf8');
    const expected = checkText(text).findings.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`);
    assert.ok(expected.length > 0);
    const report = parseReport(text, 'file:///lushan.txt');
    // Both positions: first (nothing ran yet) and in the middle of the list.
    for (const at of [0, Math.floor(allRules.length / 2)]) {
      allRules.splice(at, 0, throwing);
      try {
        const r = checkReport(report);
        assert.deepEqual(r.ruleErrors, [{ rule: 'test-throws', error: 'boom' }]);
        assert.deepEqual(r.findings.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`), expected);
      } finally {
        allRules.splice(allRules.indexOf(throwing), 1);
      }
    }
    assert.ok(!allRules.includes(throwing), 'restored');
    // A rule that throws a non-Error value is reported too.
    const weird = { ...throwing, id: 'test-throws-string', check: () => { throw 'plain string'; } };
    allRules.push(weird);
    try {
      assert.deepEqual(checkReport(report).ruleErrors, [{ rule: 'test-throws-string', error: 'plain string' }]);
    } finally {
      allRules.splice(allRules.indexOf(weird), 1);
    }
  });
});
