// The table preview in the real editor: opens beside each sample with the tables the server parsed,
// follows edits (a new model posted, drawn without reloading the page) and the active editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, copyFile, openReport } from '../helpers';

interface Preview {
  lastModel?: { version: number; tables: { id: string; rows: { id?: string; cells: { text: string; total?: boolean; expected?: number; findings: unknown[] }[] }[] }[] };
  lastRenderMs?: number;
  visibleDocument?: vscode.TextDocument;
  whenRendered(doc: vscode.TextDocument): Promise<void>;
}

const SAMPLES: [string, string[]][] = [
  ['kunming-xishan-health-2022-pipe.txt', ['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4']],
  ['lushan-health-2021-tab.txt', ['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4']],
  ['xinjiang-health-2023-cell-per-line.txt', ['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4']],
  ['xinxiang-health-2020-pipe.txt', ['t2.1', 't2.5', 't2.6', 't2.8', 't2.9', 't3', 't4']],
  ['yuyao-health-2020-indented.txt', ['t2.1', 't2.5', 't2.6', 't2.8', 't2.9', 't3', 't4']],
];

async function openPreview(doc: vscode.TextDocument): Promise<Preview> {
  const p = await vscode.commands.executeCommand<Preview>('govreport.openPreview');
  assert.ok(p, 'govreport.openPreview returns the preview');
  await withTimeout(p.whenRendered(doc), `the preview draws version ${doc.version} of ${doc.uri.path}`);
  return p;
}

async function withTimeout<T>(p: Promise<T>, what: string, ms = 60000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting until ${what}`)), ms); })]);
  } finally { clearTimeout(timer); }
}

describe('table preview', () => {
  after(closeAll);

  for (const [file, tables] of SAMPLES) {
    it(`shows every statistics table of ${file}`, async () => {
      const editor = await openReport(file);
      const p = await openPreview(editor.document);
      assert.deepEqual(p.lastModel!.tables.map((t) => t.id), tables);
      assert.equal(p.visibleDocument?.uri.toString(), editor.document.uri.toString());
    });
  }

  it('follows an edit: a changed cell and its recomputed total, without reopening', async () => {
    const uri = await copyFile('kunming-xishan-health-2022-pipe.txt', 'preview-edit.txt');
    const editor = await openReport(uri);
    const p = await openPreview(editor.document);
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.includes('(一)予以公开 | 4 |'));
    assert.ok(line > 0, 'the sample has the (一)予以公开 row');
    const cell = doc.lineAt(line).text.indexOf('(一)予以公开 | 4 |') + '(一)予以公开 | '.length;
    const start = Date.now();
    const ok = await editor.edit((e) => e.replace(new vscode.Range(line, cell, line, cell + 1), '9'));
    assert.ok(ok);
    await withTimeout(p.whenRendered(doc), 'the preview draws the edited version');
    const elapsed = Date.now() - start;
    const t3 = p.lastModel!.tables.find((t) => t.id === 't3')!;
    const r1 = t3.rows.find((r) => r.id === 'r1')!;
    const edited = r1.cells.find((c) => c.text === '9');
    assert.ok(edited, 'the edited value is shown');
    // The checker blames the one cell that disagrees with both its row and its column total.
    assert.ok(edited!.findings.some((f) => (f as { rule: string }).rule === 'total-mismatch'), 'with the total-mismatch finding on it');
    const r7 = t3.rows.find((r) => r.id === 'r7')!;
    assert.deepEqual([r7.cells[0].text, r7.cells[0].expected], ['6', 11], 'the (七)总计 of 自然人 shows its recomputed sum');
    console.log(`preview: edit → drawn in ${elapsed} ms (page render ${p.lastRenderMs?.toFixed(1)} ms)`);
  });

  it('follows the active editor', async () => {
    const a = await openReport('kunming-xishan-health-2022-pipe.txt');
    const p = await openPreview(a.document);
    const b = await openReport('xinjiang-health-2023-cell-per-line.txt');
    await withTimeout(p.whenRendered(b.document), 'the preview switches to the active report');
    assert.equal(p.visibleDocument?.uri.toString(), b.document.uri.toString());
  });
});
