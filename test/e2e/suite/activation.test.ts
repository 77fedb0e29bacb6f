// Activation and language detection: by extension, by file name, by content (govreport.autoDetect).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, LANGUAGE_ID, activeExtension, closeAll, copyFile, fileUri, govreportDiagnostics, liveDocument, openReport,
  setConfig, settledDiagnostics, waitFor,
} from '../helpers';

describe('activation and language detection', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('the extension is installed and activates', async () => {
    const ext = await activeExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.ok(ext.isActive);
  });

  it('a report with a neutral .txt name (report-a.txt) is detected by content', async () => {
    const editor = await openReport('report-a.txt');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
  });

  it('*.govreport.txt gets the govreport language by extension', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('xinjiang-health-2023.govreport.txt'));
    assert.equal(doc.languageId, LANGUAGE_ID, 'language from the file extension, before any auto-detection');
  });

  it('a file name containing 年度报告 gets the govreport language', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('2021年政府信息公开工作年度报告.txt'));
    assert.equal(doc.languageId, LANGUAGE_ID);
  });

  it('an ordinary text file stays plaintext and gets no govreport diagnostics', async () => {
    const uri = fileUri('notes.txt');
    await openReport(uri, 'plaintext');
    await settledDiagnostics(uri);
    assert.equal(liveDocument(uri)?.languageId, 'plaintext');
    assert.deepEqual(govreportDiagnostics(uri), []);
  });

  it('with govreport.autoDetect false a neutral report stays plaintext', async () => {
    await setConfig('govreport.autoDetect', false);
    try {
      await waitFor(() => vscode.workspace.getConfiguration('govreport').get('autoDetect') === false, 'the setting to apply');
      const uri = await copyFile('kunming-xishan-health-2022-pipe.txt', 'autodetect-off.txt');
      await openReport(uri, 'plaintext');
      await settledDiagnostics(uri);
      assert.equal(liveDocument(uri)?.languageId, 'plaintext', 'auto-detection must be off');
      assert.deepEqual(govreportDiagnostics(uri), []);
    } finally {
      await setConfig('govreport.autoDetect', undefined);
    }
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['govreport.checkWorkspace', 'govreport.fixAll', 'govreport.insertSkeleton', 'govreport.switchFormat']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });
});
