// Language-server latency and memory over the real protocol: spawns `node dist/server.js --stdio`,
// talks JSON-RPC with vscode-languageserver-protocol, and times didChange → matching diagnostics.
// Bundled by run.ts into .bench/build/lsp.js. Prints one JSON object on stdout.
//
//   lsp <push|pull> <server.js> <corpusDir> <edits> <openDocs> [--pin] [--node-arg=FLAG]…
//
// push: the client does not announce pull diagnostics; latency ends at the publishDiagnostics
//       notification carrying the edited version.
// pull: the client announces textDocument.diagnostic and sends textDocument/diagnostic right after
//       each didChange (what VS Code does); latency ends at the response.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, DocumentDiagnosticRequest, ShutdownRequest, ExitNotification,
  type ClientCapabilities, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

interface Manifest { reports: { file: string; fault?: string }[] }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function status(pid: number): { rssMiB: number; hwmMiB: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([p, sleep(ms).then(() => 'timeout' as const)]);
}

/** A 1-character position to retype: the first value of table 三's 本年新收 row (a live total). */
function editTarget(text: string): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('本年新收') && !lines[i].includes('本年度新收')) continue;
    for (let j = i; j < Math.min(lines.length, i + 6); j++) {
      const from = j === i ? lines[j].search(/[|\t]/) : 0;
      if (from < 0) continue;
      const m = /\d/.exec(lines[j].slice(from));
      if (m) return { line: j, character: from + m.index };
    }
  }
  throw new Error('no edit target (本年新收 row) found');
}

async function main(): Promise<void> {
  const [mode, serverJs, corpus, editsArg, openArg] = process.argv.slice(2);
  const pin = process.argv.includes('--pin');
  const pull = mode === 'pull';
  const edits = Number(editsArg);
  const openDocs = Number(openArg);
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Manifest;
  const files = manifest.reports.filter((r) => !r.fault).map((r) => path.join(corpus, r.file));

  const nodeArgs = process.argv.filter((a) => a.startsWith('--node-arg=')).map((a) => a.slice('--node-arg='.length));
  const cmd = pin ? 'taskset' : process.execPath;
  const args = pin ? ['-c', '0', process.execPath, ...nodeArgs, serverJs, '--stdio'] : [...nodeArgs, serverJs, '--stdio'];
  const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  // Requests the server might send (we announce none of the capabilities that trigger them).
  for (const m of ['workspace/configuration', 'client/registerCapability', 'workspace/diagnostic/refresh', 'workspace/inlayHint/refresh']) conn.onRequest(m, () => null);
  const waiters = new Map<string, { version: number; resolve: (t: number) => void }>();
  let publishes = 0;
  const published = new Set<string>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
    const t = now();
    publishes++;
    published.add(p.uri);
    const w = waiters.get(p.uri);
    if (w && (p.version === undefined || p.version === w.version)) { waiters.delete(p.uri); w.resolve(t); }
  });
  conn.listen();

  const caps: ClientCapabilities = {
    textDocument: {
      synchronization: { didSave: false },
      publishDiagnostics: { versionSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: {},
  };
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(corpus).href, capabilities: caps,
    initializationOptions: { locale: 'zh' }, workspaceFolders: null,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  await sleep(200);
  const idle = status(proc.pid!);

  /** didChange (or didOpen) then the matching diagnostics; resolves to the latency in ms. */
  const diagnose = async (uri: string, version: number, send: () => Promise<void>): Promise<number | 'timeout'> => {
    const t0 = now();
    if (pull) {
      const req = send().then(() => conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })).then(() => now() - t0);
      return withTimeout(req, 5000);
    }
    const got = new Promise<number>((resolve) => waiters.set(uri, { version, resolve: (t) => resolve(t - t0) }));
    await send();
    const r = await withTimeout(got, 5000);
    if (r === 'timeout') waiters.delete(uri);
    return r;
  };
  const open = (file: string) => {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    return { uri, text, p: diagnose(uri, 1, () => conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'govreport', version: 1, text } })) };
  };

  // One typical report, edited 20 times for warm-up and then `edits` times, one edit at a time.
  const doc = open(files[0]);
  const first = await doc.p;
  const afterFirstOpen = status(proc.pid!);
  const target = editTarget(doc.text);
  let version = 1;
  const lat: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < 20 + edits; i++) {
    version++;
    const digit = String((i % 9) + 1);
    const r = await diagnose(doc.uri, version, () => conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: doc.uri, version },
      contentChanges: [{ range: { start: target, end: { line: target.line, character: target.character + 1 } }, text: digit }],
    }));
    if (i < 20) continue;
    if (r === 'timeout') timeouts++;
    else lat.push(r);
  }

  // Memory: 100 open reports (the edited one plus 99 more), each analysed (diagnostics received).
  // The curve starts with the edited report after its edits (not right after it was opened).
  const more: ReturnType<typeof open>[] = [];
  const curve: { docs: number; rssMiB: number }[] = [{ docs: 1, rssMiB: status(proc.pid!).rssMiB }];
  const opened: (number | 'timeout')[] = [];
  for (let k = 1; k < openDocs; k += 25) {
    const batch = files.slice(k, Math.min(openDocs, k + 25)).map((f) => open(f));
    more.push(...batch);
    opened.push(...(await Promise.all(batch.map((d) => d.p))));
    curve.push({ docs: 1 + more.length, rssMiB: status(proc.pid!).rssMiB });
  }
  await sleep(500);
  const mem = status(proc.pid!);

  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  const code = await withTimeout(exited, 2000);
  if (code === 'timeout') proc.kill();
  conn.dispose();

  const sorted = [...lat].sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({
    mode, edits: lat.length, timeouts, firstOpenMs: first,
    p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1], mean: lat.reduce((a, b) => a + b, 0) / (lat.length || 1),
    openDocs: 1 + more.length, openTimeouts: opened.filter((x) => x === 'timeout').length,
    idleRssMiB: idle.rssMiB, firstOpenRssMiB: afterFirstOpen.rssMiB, rssMiB: mem.rssMiB, hwmMiB: mem.hwmMiB, publishes, curve, nodeArgs,
    stderr: stderr.slice(0, 2000),
  }) + '\n');
}

main().catch((e) => { process.stderr.write(`lsp bench: ${e?.stack ?? e}\n`); process.exit(1); });
