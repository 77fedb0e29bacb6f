// Word, web and PDF reports in the editor. VS Code does not open them as text, so a command asks
// the language server to extract the report (`govreport/extract`) and shows the text in a
// read-only document of its own scheme, in the govreport language: the server checks it like any
// report and the diagnostics appear on it. A second command writes the text beside the original
// as an editable .txt report. Nothing is ever written into the .docx/.html/.pdf file itself.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { format, type Lang } from '../../server/src/i18n';

export const EXTRACTED_SCHEME = 'govreport-extracted';
const SOURCE = /\.(docx|pdf|html?|xhtml)$/i;

type Reply = { ok: true; text: string; kind: string; places: string[] } | { ok: false; message: { zh: string; en: string } };

const T = {
  pick: { zh: '请在资源管理器中选择一个 Word（.docx）、网页（.html）或 PDF 报告。', en: 'Select a Word (.docx), web page (.html) or PDF report in the Explorer.' },
  failed: { zh: '无法读取 {file}：{why}', en: 'Cannot read {file}: {why}' },
  written: { zh: '已写入可编辑的文本报告 {file}', en: 'Wrote the editable text report {file}' },
  readOnly: { zh: '这是从 {file} 提取的只读文本；修改请使用“转换为可编辑的文本报告”。', en: 'Read-only text extracted from {file}; use "Convert to an editable text report" to edit it.' },
};

/** Extracted texts by virtual URI; the provider serves them to the editor. */
export class ExtractedDocuments implements vscode.TextDocumentContentProvider {
  private texts = new Map<string, string>();
  private changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private lc: LanguageClient, private lang: Lang) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  private t(k: keyof typeof T, p: Record<string, string> = {}): string {
    return format(T[k][this.lang], p);
  }

  /** The original file a command is about: the Explorer selection, the active tab, or the file behind an extracted view. */
  sourceOf(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg.scheme === EXTRACTED_SCHEME ? originalOf(arg) : arg;
    const editor = vscode.window.activeTextEditor?.document.uri;
    if (editor?.scheme === EXTRACTED_SCHEME) return originalOf(editor);
    // A binary file is shown in a custom or binary editor, not a text editor: look at the tab.
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
    return input?.uri && SOURCE.test(input.uri.path) ? input.uri : undefined;
  }

  private async extract(uri: vscode.Uri, layout = 'tab'): Promise<Extract<Reply, { ok: true }> | undefined> {
    const reply = await this.lc.sendRequest<Reply>('govreport/extract', { uri: uri.toString(), layout });
    if (reply.ok) return reply;
    void vscode.window.showErrorMessage(this.t('failed', { file: vscode.workspace.asRelativePath(uri), why: reply.message[this.lang] }));
    return undefined;
  }

  /** 检查此文件: opens the extracted report read-only; the server publishes its diagnostics. */
  async open(arg: unknown): Promise<vscode.TextEditor | undefined> {
    const uri = this.sourceOf(arg);
    if (!uri) return void vscode.window.showInformationMessage(this.t('pick'));
    const reply = await this.extract(uri);
    if (!reply) return undefined;
    const view = vscode.Uri.from({ scheme: EXTRACTED_SCHEME, path: `${uri.path}.txt` });
    this.texts.set(view.toString(), reply.text);
    this.changed.fire(view);
    let doc = await vscode.workspace.openTextDocument(view);
    if (doc.languageId !== 'govreport') doc = await vscode.languages.setTextDocumentLanguage(doc, 'govreport');
    vscode.window.setStatusBarMessage(this.t('readOnly', { file: vscode.workspace.asRelativePath(uri) }), 8000);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  /** 转换为可编辑的文本报告: writes <name>.txt beside the original (never over an existing file) and opens it. */
  async convert(arg: unknown): Promise<vscode.Uri | undefined> {
    const uri = this.sourceOf(arg);
    if (!uri) return void vscode.window.showInformationMessage(this.t('pick'));
    const reply = await this.extract(uri);
    if (!reply) return undefined;
    const base = uri.path.replace(/\.[^./]+$/, '');
    let target = uri.with({ path: `${base}.txt` });
    for (let n = 2; await exists(target); n++) target = uri.with({ path: `${base} (${n}).txt` });
    await vscode.workspace.fs.writeFile(target, Buffer.from(reply.text, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.languages.setTextDocumentLanguage(doc, 'govreport');
    await vscode.window.showTextDocument(doc, { preview: false });
    void vscode.window.showInformationMessage(this.t('written', { file: vscode.workspace.asRelativePath(target) }));
    return target;
  }
}

function originalOf(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(view.path.replace(/\.txt$/, ''));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
