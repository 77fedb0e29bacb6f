// The views' server side over the protocol: govreport/tables for the table preview, and
// carryover-mismatch against last year's report found among the workspace's files, with its hover.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, SAMPLES, fixture, hoverText, ruleOf } from './helpers';
import { withCells } from '../unit/compare/edit';

describe('lsp: views (tables request, last year in the workspace)', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ws-'));
  const last = fixture(SAMPLES.kunming);
  // This year's report of the same agency: 上年结转 says 3 for 自然人 where last year carried 0 forward.
  const next = withCells(last, [{ table: 't3', row: 'carried', column: 'natural', value: 3 }]).split('2022年政府信息公开').join('2023年政府信息公开');
  fs.writeFileSync(path.join(dir, '昆明市西山区卫生健康局2022年报.txt'), last);
  fs.writeFileSync(path.join(dir, 'notes.md'), '# notes\nnothing here\n');
  fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(3 * 1024 * 1024));
  let client: LspClient;
  before(async () => { client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] }); });
  after(async () => { await client.stop(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('flags this year’s 上年结转 against last year’s 结转下年度 in the workspace, in the one column that differs', async () => {
    const uri = pathToFileURL(path.join(dir, '昆明市西山区卫生健康局2023年报.txt')).toString();
    await client.open(uri, next);
    const ds = await client.diagnostics(uri);
    const carry = ds.filter((d) => ruleOf(d) === 'carryover-mismatch');
    assert.equal(carry.length, 1, JSON.stringify(carry));
    assert.match(String(carry[0].message), /“自然人”列：本年（昆明市西山区卫生健康局，2023 年度）上年结转 3 件，但上一年度报告（昆明市西山区卫生健康局，2022 年度，昆明市西山区卫生健康局2022年报\.txt）结转下年度 0 件/);
    const line = next.split('\n').findIndex((l) => l.startsWith('二、上年结转'));
    assert.equal(carry[0].range.start.line, line);
    const h = hoverText(await client.hover(uri, carry[0].range.start));
    assert.match(h, /上年报告.*2022 年度.*昆明市西山区卫生健康局2022年报\.txt/);
    assert.match(h, /结转下年度继续办理：自然人 0，商业企业 0/);
    assert.match(h, /有 1 列不一致/);
  });

  it('no finding when the figures agree, and none for a report without last year’s', async () => {
    const same = pathToFileURL(path.join(dir, 'same-2023.txt')).toString();
    await client.open(same, last.split('2022年政府信息公开').join('2023年政府信息公开'));
    assert.equal((await client.diagnostics(same)).filter((d) => ruleOf(d) === 'carryover-mismatch').length, 0);
    const other = pathToFileURL(path.join(dir, 'xinjiang.txt')).toString();
    await client.open(other, fixture(SAMPLES.xinjiang));
    assert.equal((await client.diagnostics(other)).filter((d) => ruleOf(d) === 'carryover-mismatch').length, 0);
  });

  it('govreport/tables: every table with its official header, cells, recomputed totals and findings', async () => {
    const uri = pathToFileURL(path.join(dir, 'lushan.txt')).toString();
    await client.open(uri, fixture(SAMPLES.lushan));
    const m = await client.conn.sendRequest('govreport/tables', { uri }) as import('../../server/src/features/tables').TablesModel;
    assert.deepEqual(m.tables.map((t) => t.id), ['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4']);
    const t3 = m.tables.find((t) => t.id === 't3')!;
    assert.deepEqual(t3.header.map((r) => r.map((h) => `${h.text}:${h.colspan}x${h.rowspan}`)), [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）:1x3', '申请人情况:7x1'],
      ['自然人:1x2', '法人或其他组织:5x1', '总计:1x2'],
      ['商业企业:1x1', '科研机构:1x1', '社会公益组织:1x1', '法律服务机构:1x1', '其他:1x1'],
    ]);
    // Lushan's (七)总计 row carries 8 numbers in a 7-column table: the eighth is an extra cell, flagged.
    const r7 = t3.rows.find((r) => r.id === 'r7')!;
    assert.equal(r7.cells.length, 8);
    assert.equal(r7.cells[7].kind, 'extra');
    assert.ok(r7.labelFindings.some((f) => f.rule === 'table-unbalanced') || r7.cells.some((c) => c.findings.some((f) => f.rule === 'table-unbalanced')));
    // The 社会组织 header typo is a table-level finding of table 三 (its header is drawn from the format).
    assert.ok(t3.findings.some((f) => f.rule === 'table-label'), JSON.stringify(t3.findings));
    const kunming = pathToFileURL(path.join(dir, '昆明市西山区卫生健康局2022年报.txt')).toString();
    await client.open(kunming, last);
    const k = await client.conn.sendRequest('govreport/tables', { uri: kunming }) as import('../../server/src/features/tables').TablesModel;
    const totals = k.tables.find((t) => t.id === 't3')!.rows.find((r) => r.id === 'new')!.cells.filter((c) => c.total);
    assert.deepEqual(totals.map((c) => [c.text, c.expected]), [['6', 6]]);
  });
});
