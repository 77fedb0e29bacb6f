// Language features through the real VS Code API: code actions, fix-all on save, hover, completion,
// document symbols, snippets, settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  LANGUAGE_ID, activeExtension, closeAll, copyFile, dump, findLine, hoverText, openReport, readText,
  ruleOf, setConfig, settledDiagnostics, waitFor, waitForDiagnostics, writeFile,
} from '../helpers';

const XINJIANG = 'xinjiang-health-2023-cell-per-line.txt';
const SECTION_5_LINE = 592; // 0-based: line 593 `五、存在的问题及改进情况`
const STANDARD_SECTION_5 = '五、存在的主要问题及改进情况';

/** 0-based line of the 总计 column of the (七)总计 row in the one-cell-per-line sample. */
function grandTotalLine(text: string): number {
  const lines = text.split(/\r?\n/);
  const row = findLine(text, /^\(七\)总计$/);
  let found = 0;
  for (let i = row + 1; i < lines.length; i++) {
    if (/^\s*\d+\s*$/.test(lines[i]) && ++found === 7) return i;
  }
  throw new Error('no 总计 cell after (七)总计');
}

function near(d: vscode.Diagnostic, rule: string, line: number): boolean {
  return ruleOf(d) === rule && Math.abs(d.range.start.line - line) <= 2;
}

/** The quick fix (kind quickfix, with an edit, resolved if the server resolves lazily) that names `diagnostic`. */
async function quickFixFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 20);
  const isFix = (a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind);
  // Prefer an action that names the diagnostic (CodeAction.diagnostics); the protocol makes that field
  // optional, so an action naming no diagnostic, requested for exactly this range, also counts.
  const names = (a: vscode.CodeAction) => (a.diagnostics ?? []).some((d) => ruleOf(d) === ruleOf(diagnostic) && d.range.start.line === diagnostic.range.start.line);
  const candidates = (actions ?? []).filter(isFix).filter((a) => !!a.edit);
  const fixes = candidates.some(names) ? candidates.filter(names) : candidates.filter((a) => !a.diagnostics?.length);
  const seen = (actions ?? []).map((a) => (isFix(a) || 'kind' in a
    ? { title: a.title, kind: (a as vscode.CodeAction).kind?.value, edit: !!(a as vscode.CodeAction).edit, diagnostics: ((a as vscode.CodeAction).diagnostics ?? []).map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`) }
    : { title: a.title, command: (a as vscode.Command).command }));
  assert.ok(fixes.length, `a quick fix for ${ruleOf(diagnostic)} at line ${diagnostic.range.start.line + 1}; got ${JSON.stringify(seen)}`);
  return fixes[0];
}

describe('language features', function () {
  this.timeout(60000);
  before(async () => { await activeExtension(); });
  afterEach(closeAll);

  it('a quick fix replaces the non-standard section title and its diagnostic goes away', async () => {
    const uri = await copyFile(XINJIANG, 'quickfix-section-title.txt');
    const editor = await openReport(uri);
    const [diag] = (await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'section-title', SECTION_5_LINE)), 'section-title at line 593'))
      .filter((d) => near(d, 'section-title', SECTION_5_LINE));
    const fix = await quickFixFor(uri, diag);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'workspace.applyEdit succeeds');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => near(d, 'section-title', SECTION_5_LINE)), 'the section-title diagnostic to disappear');
    assert.equal(editor.document.lineAt(SECTION_5_LINE).text.trim(), STANDARD_SECTION_5);
  });

  it('a wrong total is flagged (total-mismatch), its hover shows the computed sum, and its quick fix sets it', async () => {
    const text = await readText(XINJIANG);
    const line = grandTotalLine(text);
    const uri = await copyFile(XINJIANG, 'total-mismatch.txt', (t) => {
      const lines = t.split('\n');
      lines[line] = lines[line].replace('22', '23');
      return lines.join('\n');
    });
    const editor = await openReport(uri);
    const [diag] = (await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'total-mismatch', line)), `total-mismatch at line ${line + 1}`))
      .filter((d) => near(d, 'total-mismatch', line));
    const col = editor.document.lineAt(line).text.indexOf('23');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col)));
    assert.match(hover, /22/, `the hover on the total (23) shows the computed sum 22:\n${hover}`);
    const fix = await quickFixFor(uri, diag);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'total-mismatch'), 'total-mismatch to disappear');
    assert.equal(editor.document.lineAt(line).text.trim(), '22');
  });

  it('hover on a correct total shows its sum; hover on a heading cites 第五十条', async () => {
    const text = await readText(XINJIANG);
    const uri = (await openReport(XINJIANG)).document.uri;
    const line = grandTotalLine(text);
    const col = text.split('\n')[line].indexOf('22');
    const total = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col)));
    assert.match(total, /22/, `hover on the (七)总计 total:\n${total}`);
    const heading = findLine(text, '一、总体情况');
    const hcol = text.split('\n')[heading].indexOf('一');
    const h = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(heading, hcol + 2)));
    assert.match(h, /政府信息公开条例/, `hover on 一、总体情况 cites the regulation:\n${h}`);
    assert.match(h, /第五十条/, `hover on 一、总体情况 cites 第五十条:\n${h}`);
  });

  it('completion offers the standard section title', async () => {
    const uri = (await openReport(XINJIANG)).document.uri;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(SECTION_5_LINE, 0));
    const labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.includes('存在的主要问题及改进情况')), `completion at line 593 offers 存在的主要问题及改进情况; got ${JSON.stringify(labels.slice(0, 40))}`);
  });

  it('document symbols: the six sections 一…六, tables as children', async () => {
    const uri = (await openReport(XINJIANG)).document.uri;
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s?.length ? s : undefined;
    }, 'document symbols');
    const names = symbols.map((s) => s.name);
    assert.equal(symbols.length, 6, `six top-level sections; got ${JSON.stringify(names)}`);
    assert.deepEqual(names.map((n) => n.trim().charAt(0)), ['一', '二', '三', '四', '五', '六'], JSON.stringify(names));
    for (const i of [1, 2, 3]) {
      assert.ok((symbols[i].children ?? []).length > 0, `section ${names[i]} has its table(s) as children`);
    }
  });

  it('the full 2021 skeleton snippet (nianbao) yields no error diagnostics', async () => {
    const ext = await activeExtension();
    const contributed: { language?: string; path: string }[] = (ext.packageJSON as { contributes?: { snippets?: { language?: string; path: string }[] } }).contributes?.snippets ?? [];
    assert.ok(contributed.length, 'the extension contributes snippets');
    const snippets: Record<string, { prefix: string | string[]; body: string | string[] }> = {};
    for (const c of contributed) {
      const raw = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, c.path))).toString('utf8');
      Object.assign(snippets, JSON.parse(raw.replace(/^\s*\/\/.*$/gm, '')));
    }
    const byPrefix = (p: string) => Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes(p));
    const full = byPrefix('nianbao');
    assert.ok(full, 'a snippet with prefix nianbao');
    assert.ok(byPrefix('年报'), 'a snippet with prefix 年报');
    const table3 = byPrefix('shenqing');
    assert.ok(table3 && ([] as string[]).concat(table3.body).join('\n').includes('总计'), 'the shenqing snippet is table 三');
    const uri = await writeFile('snippet-skeleton.govreport.txt', '');
    const editor = await openReport(uri);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(([] as string[]).concat(full.body).join('\n'))), 'insertSnippet');
    // The server has parsed the new text once its symbols show the six sections.
    await waitFor(async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri))?.length === 6,
      'six sections in the inserted skeleton');
    const ds = await settledDiagnostics(uri);
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`), [], `the skeleton has no errors:\n${dump(errors)}\n--- text ---\n${editor.document.getText()}`);
  });

  it('govreport.rules turns a rule off and overrides a severity', async () => {
    const uri = (await openReport(XINJIANG)).document.uri;
    await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'section-title', SECTION_5_LINE)), 'section-title at line 593');
    try {
      await setConfig('govreport.rules', { 'section-title': 'off', 'table-label': 'error' });
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'section-title')
        && ds.some((d) => ruleOf(d) === 'table-label') && ds.filter((d) => ruleOf(d) === 'table-label').every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'no section-title, table-label as errors');
    } finally {
      await setConfig('govreport.rules', undefined);
    }
    await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'section-title', SECTION_5_LINE)), 'section-title back after the reset');
  });

  it('fix-all on save (editor.codeActionsOnSave source.fixAll.govreport)', async () => {
    const uri = await copyFile(XINJIANG, 'fixall-on-save.txt');
    const editor = await openReport(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'section-title', SECTION_5_LINE)), 'section-title at line 593');
    await setConfig('editor.codeActionsOnSave', { 'source.fixAll.govreport': 'explicit' }, true);
    try {
      await waitFor(() => {
        const v = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID }).get<Record<string, string>>('codeActionsOnSave');
        return v?.['source.fixAll.govreport'] === 'explicit';
      }, 'editor.codeActionsOnSave to apply');
      // Make the document dirty, then save: the save participant runs the fix-all code action.
      await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n'));
      assert.ok(await editor.document.save(), 'save');
      // Other fixes (rows, labels) may add lines, so the title is looked up, not read at line 593.
      const onDisk = (await readText('fixall-on-save.txt')).split(/\r?\n/).map((l) => l.trim());
      assert.ok(onDisk.includes(STANDARD_SECTION_5), 'the saved file carries the fixed section title');
      assert.ok(!onDisk.includes('五、存在的问题及改进情况'), 'the non-standard title is gone from the saved file');
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'section-title'), 'section-title to disappear after fix-all on save');
    } finally {
      await setConfig('editor.codeActionsOnSave', undefined, true);
    }
  });

  it('the status bar (govreport.status) shows the format and the problem count', async function () {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('govreport.status')) {
      // TODO(e2e): without a `govreport.status` command the status-bar text is only asserted by the UI
      // test in scripts/e2e/run.mjs (it reads the real status bar). Reported as pending here.
      this.skip();
    }
    const uri = (await openReport(XINJIANG)).document.uri;
    // The count a user can compare with: the Problems panel lists errors, warnings and infos, never hints.
    const shown = (await settledDiagnostics(uri, { minCount: 1 })).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
    const status = String(await vscode.commands.executeCommand('govreport.status'));
    assert.match(status, /2021/, `status shows the format: ${status}`);
    assert.match(status.replace(/2021/g, ''), new RegExp(`(^|\\D)${shown.length}(\\D|$)`),
      `status shows the ${shown.length} problems the Problems panel lists (hints excluded): ${status}\n${dump(shown)}`);
  });

  it('govreport.fixAll fixes the active report', async () => {
    const uri = await copyFile(XINJIANG, 'fixall-command.txt');
    const editor = await openReport(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'section-title', SECTION_5_LINE)), 'section-title at line 593');
    await vscode.commands.executeCommand('govreport.fixAll');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'section-title'), 'section-title to disappear after govreport.fixAll');
    const lines = editor.document.getText().split(/\r?\n/).map((l) => l.trim());
    assert.ok(lines.includes(STANDARD_SECTION_5), 'the standard section title is in the document');
  });

  it('govreport.insertSkeleton inserts the 2021 skeleton: six sections, no errors', async () => {
    const uri = await writeFile('insert-skeleton.govreport.txt', '');
    await openReport(uri);
    await vscode.commands.executeCommand('govreport.insertSkeleton');
    await waitFor(async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri))?.length === 6,
      'six sections after govreport.insertSkeleton');
    const errors = (await settledDiagnostics(uri)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`), [], dump(errors));
  });

  it('govreport.checkWorkspace reports on files that are not open', async () => {
    const uri = await copyFile('yuyao-health-2020-indented.txt', 'never-opened-yuyao.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the copy is not open');
    await vscode.commands.executeCommand('govreport.checkWorkspace');
    await waitForDiagnostics(uri, (ds) => ds.some((d) => near(d, 'publish-date', 409)) && ds.some((d) => near(d, 'table-label', 121)),
      'publish-date at line 410 and table-label at line 122 of the unopened copy');
  });
});
