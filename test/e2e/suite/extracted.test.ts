// Word and PDF reports in a real VS Code: 检查此文件 opens the extracted report (a virtual document) with the
// server's diagnostics on it, 转换为可编辑的文本报告 writes a .txt beside the original, which is
// checked like any report; the original file is never changed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, dump, fileUri, ruleOf, waitForDiagnostics } from '../helpers';

describe('Word and PDF reports', () => {
  afterEach(closeAll);

  for (const name of ['鲁山年报.pdf', '鲁山年报.docx']) {
    it(`${name}: 检查此文件 shows the extracted report with its diagnostics`, async () => {
      const before = await vscode.workspace.fs.readFile(fileUri(name));
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.openExtracted', fileUri(name));
      assert.ok(editor, 'an editor was opened');
      const doc = editor.document;
      assert.equal(doc.uri.scheme, 'govreport-extracted');
      assert.equal(doc.languageId, 'govreport');
      assert.match(doc.getText(), /一、总体情况/);
      const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => ruleOf(d) === 'table-unbalanced'), 'table-unbalanced on the extracted view', 20000);
      assert.ok(ds.some((d) => /“(?:\(七\) ?|（七）)总计”行有 8 个数值|[Rr]ow “(?:\(七\) ?|（七）)总计” has 8 values/.test(d.message)), dump(ds));
      // The original file is never written.
      assert.deepEqual(await vscode.workspace.fs.readFile(fileUri(name)), before);
    });
  }

  it('转换为可编辑的文本报告 writes 鲁山年报.txt beside the PDF, checked like any report', async () => {
    const target = await vscode.commands.executeCommand<vscode.Uri>('govreport.convertToText', fileUri('鲁山年报.pdf'));
    assert.ok(target);
    assert.ok(target.path.endsWith('/鲁山年报.txt'), target.path);
    const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(text, /一、总体情况/);
    await waitForDiagnostics(target, (x) => x.some((d) => ruleOf(d) === 'table-unbalanced'), 'table-unbalanced on the converted text', 20000);
    // A second conversion never overwrites the first.
    const again = await vscode.commands.executeCommand<vscode.Uri>('govreport.convertToText', fileUri('鲁山年报.pdf'));
    assert.ok(again?.path.endsWith('/鲁山年报 (2).txt'), again?.path);
  });
});
