// Shared helpers of the real-editor suite (runs inside the VS Code extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'govreport.govreport';
export const LANGUAGE_ID = 'govreport';
export const SOURCE = 'govreport';

export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e runner opens a workspace folder with copies of the sample reports');
  return folder.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), name);
}

export async function readText(name: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(fileUri(name))).toString('utf8');
}

/** Writes a scratch file into the workspace (the runner's workspace is a throwaway copy). */
export async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export async function copyFile(from: string, to: string, edit?: (text: string) => string): Promise<vscode.Uri> {
  const text = await readText(from);
  return writeFile(to, edit ? edit(text) : text);
}

/** Polls `cond` every 50 ms until it returns a truthy value; on timeout fails with `describe()`. */
export async function waitFor<T>(cond: () => T | undefined | false | Promise<T | undefined | false>, what: string | (() => string), timeoutMs = 10000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The document currently open for `uri` (a language change replaces the TextDocument object). */
export function liveDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a workspace file in an editor and waits until its language is `languageId` (auto-detection
 *  may switch a plaintext document a moment after it opens); `null`: whatever language it gets. */
export async function openReport(name: string | vscode.Uri, languageId: string | null = LANGUAGE_ID): Promise<vscode.TextEditor> {
  const uri = typeof name === 'string' ? fileUri(name) : name;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (languageId !== null) {
    await waitFor(() => liveDocument(uri)?.languageId === languageId,
      () => `${uri.path} to get language "${languageId}" (it is "${liveDocument(uri)?.languageId}")`);
  }
  const live = liveDocument(uri)!;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === live) ?? await vscode.window.showTextDocument(live, { preview: false });
  return editor;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function govreportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Diagnostics of `uri` once `ready(diagnostics)` holds (polled; no fixed sleeps). */
export async function waitForDiagnostics(uri: vscode.Uri, ready: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10000): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  return waitFor(() => {
    last = govreportDiagnostics(uri);
    return ready(last) && last;
  }, () => `${what} on ${uri.path}; current diagnostics:\n${dump(last)}`, timeoutMs);
}

/** Waits until the server has published for `uri` and the set has been unchanged for `quietMs`.
 *  Only for assertions of absence (a "must not flag" or "no errors"), where no diagnostic can be awaited. */
export async function settledDiagnostics(uri: vscode.Uri, { minCount = 0, quietMs = 1000, timeoutMs = 10000 } = {}): Promise<vscode.Diagnostic[]> {
  let key = '';
  let since = Date.now();
  const start = Date.now();
  return waitFor(() => {
    const ds = govreportDiagnostics(uri);
    const k = dump(ds);
    if (k !== key) { key = k; since = Date.now(); }
    return ds.length >= minCount && Date.now() - since >= quietMs && Date.now() - start >= quietMs && ds;
  }, () => `diagnostics of ${uri.path} to settle:\n${key}`, timeoutMs);
}

export function dump(ds: readonly vscode.Diagnostic[]): string {
  return ds.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/** 0-based index of the first line whose trimmed text satisfies `match` (fails when there is none). */
export function findLine(text: string, match: string | RegExp, from = 0): number {
  const lines = text.split(/\r?\n/);
  for (let i = from; i < lines.length; i++) {
    const l = lines[i].trim();
    if (typeof match === 'string' ? l.includes(match) : match.test(l)) return i;
  }
  throw new Error(`no line matching ${match} in the sample`);
}

export async function setConfig(section: string, value: unknown, languageSpecific = false): Promise<void> {
  const [head, ...rest] = section.split('.');
  await vscode.workspace.getConfiguration(head, languageSpecific ? { languageId: LANGUAGE_ID } : undefined)
    .update(rest.join('.'), value, vscode.ConfigurationTarget.Workspace, languageSpecific || undefined);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
