// `govreport export`: CSV that Excel/WPS open right (BOM, Chinese or English headers, the format’s own
// titles and labels, no formula injection) and an xlsx laid out like the published tables, read back with exceljs.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { main } from '../../server/src/cli';
import { runCli } from './runCli';
import { neutralise, toCsv } from '../../server/src/cli/exportData';

const FIX = join(__dirname, '..', 'fixtures');
const KUNMING = join(FIX, 'kunming-xishan-health-2022-pipe.txt');
const LUSHAN = join(FIX, 'lushan-health-2021-tab.txt');

async function run(args: string[]) {
  const r = await runCli(args);
  return { ...r, out: r.bytes };
}

/** Minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}

describe('export', () => {
  it('CSV: UTF-8 BOM, Chinese headers, table titles and labels as the format writes them, not internal ids', async () => {
    const r = await run(['export', KUNMING]);
    assert.equal(r.code, 0);
    assert.deepEqual([...r.out.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
    const rows = parseCsv(r.out.toString('utf8').slice(1));
    assert.deepEqual(rows[0], ['文件', '报告年度', '格式', '表格', '行', '列', '数值', '行号']);
    const text = r.out.toString('utf8');
    assert.doesNotMatch(text, /,t3,|,r3_2,|,natural,/);
    const find = (table: string, row: string, col: string) => rows.find((x) => x[3] === table && x[4] === row && x[5] === col);
    assert.deepEqual(find('收到和处理政府信息公开申请情况', '（七）总计', '申请人情况 / 总计')?.slice(6), ['6', '57']);
    assert.ok(find('收到和处理政府信息公开申请情况', '2.其他法律行政法规禁止公开', '申请人情况 / 法人或其他组织 / 商业企业'));
    assert.ok(find('政府信息公开行政复议、行政诉讼情况', '', '行政诉讼 / 未经复议直接起诉 / 结果纠正'));
    assert.ok(find('第二十条第（一）项 规章和规范性文件', '行政规范性文件', '现行有效件数'));
  });

  it('CSV: English headers with --lang en; labels stay as the format writes them', async () => {
    const r = await run(['export', '--lang', 'en', KUNMING]);
    const rows = parseCsv(r.out.toString('utf8').slice(1));
    assert.deepEqual(rows[0], ['file', 'year', 'format', 'table', 'row', 'column', 'value', 'line']);
    assert.ok(rows.some((x) => x[4] === '（一）予以公开'));
  });

  it('CSV: cells that a spreadsheet would run as a formula are neutralised; numbers stay numbers', () => {
    assert.equal(neutralise('=HYPERLINK("http://x","y")'), '\'=HYPERLINK("http://x","y")');
    for (const s of ['+1+2', '-1+cmd', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(neutralise(s)[0], '\'', JSON.stringify(s));
    for (const s of ['-3', '12', '0.5', '予以公开']) assert.equal(neutralise(s), s);
    const csv = toCsv([{ file: 'a.txt', year: 2021, format: '2021', table: 'T', row: '=1+1', column: '@x', value: -3, line: 1 }], 'zh');
    assert.match(csv, /\r\na\.txt,2021,2021,T,'=1\+1,'@x,-3,1\r\n$/);
  });

  it('CSV through the CLI: a row label starting with “=” in a report is written neutralised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-export-'));
    // An extra row the template does not know keeps its label as written.
    const text = readFileSync(KUNMING, 'utf8').replace('3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n', '$&=HYPERLINK(1) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n');
    assert.notEqual(text, readFileSync(KUNMING, 'utf8'));
    writeFileSync(join(dir, 'r.txt'), text);
    const rows = parseCsv((await run(['export', join(dir, 'r.txt')])).out.toString('utf8').slice(1));
    assert.ok(rows.some((r) => r[4] === "'=HYPERLINK(1)"), 'the label is exported, neutralised');
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+@]/, cell);
  });

  it('JSON: the same records, plus the internal ids for programs', async () => {
    const recs = JSON.parse((await run(['export', '--format', 'json', KUNMING])).out.toString('utf8'));
    const total = recs.find((r: { row: string; column: string }) => r.row === '（七）总计' && r.column === '申请人情况 / 总计');
    assert.deepEqual(total, { file: KUNMING, year: 2022, format: '2021', table: '收到和处理政府信息公开申请情况', row: '（七）总计', column: '申请人情况 / 总计', value: 6, line: 57, ids: { table: 't3', row: 'r7', column: 'total' } });
  });

  it('exits 0 when the export is written, whatever the findings; 2 when a file cannot be read', async () => {
    const check = await run(['check', LUSHAN]);
    assert.equal(check.code, 1, 'lushan has error findings');
    assert.equal((await run(['export', LUSHAN])).code, 0);
    assert.equal((await run(['export', '--format', 'json', LUSHAN])).code, 0);
    assert.equal((await run(['export', LUSHAN, join(FIX, 'missing.txt')])).code, 2);
  });

  it('xlsx: one sheet per table laid out like the published table, plus the long data sheet', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'govreport-xlsx-'));
    const file = join(dir, 'out.xlsx');
    const r = await run(['export', '--format', 'xlsx', '--output', file, KUNMING, LUSHAN]);
    assert.equal(r.code, 0, r.err);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    assert.ok(names.includes('1-表三') && names.includes('2-表四') && names.includes('1-表二（一）'), names.join(' '));
    assert.equal(names[names.length - 1], '全部数据');

    const t3 = wb.getWorksheet('1-表三')!;
    assert.equal(t3.getCell('A2').value, '收到和处理政府信息公开申请情况');
    // Merged headers: 申请人情况 over all seven columns, 法人或其他组织 over five, 自然人 and 总计 down two rows.
    assert.equal(t3.getCell('B3').value, '申请人情况');
    assert.equal(t3.getCell('H3').master.address, 'B3');
    assert.equal(t3.getCell('C4').value, '法人或其他组织');
    assert.equal(t3.getCell('G4').master.address, 'C4');
    assert.equal(t3.getCell('B5').master.address, 'B4');
    assert.equal(t3.getCell('B4').value, '自然人');
    assert.deepEqual([3, 4, 5, 6, 7].map((c) => t3.getCell(5, c).value), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const rowOf = (ws: ExcelJS.Worksheet, label: string) => { let found: ExcelJS.Row | undefined; ws.eachRow((row) => { if (row.getCell(1).value === label) found = row; }); return found; };
    const total = rowOf(t3, '（七）总计')!;
    assert.equal(total.getCell(8).value, 6);
    assert.equal(typeof total.getCell(8).value, 'number', 'numbers as numbers');
    assert.ok(rowOf(t3, '三、本年度办理结果'), 'group rows are there, as in the format');
    assert.ok(rowOf(t3, '（三）不予公开'));

    const t4 = wb.getWorksheet('2-表四')!;
    assert.equal(t4.getCell('B3').value, '行政复议');
    assert.equal(t4.getCell('F3').master.address, 'B3');
    assert.equal(t4.getCell('G3').value, '行政诉讼');
    assert.equal(t4.getCell('P3').master.address, 'G3');
    assert.equal(t4.getCell('G4').value, '未经复议直接起诉');
    assert.equal(t4.getCell('L4').value, '复议后起诉');

    const data = wb.getWorksheet('全部数据')!;
    assert.deepEqual((data.getRow(1).values as unknown[]).slice(1), ['文件', '报告年度', '格式', '表格', '行', '列', '数值', '行号']);
    const csvRows = parseCsv((await run(['export', KUNMING, LUSHAN])).out.toString('utf8').slice(1)).length - 1;
    assert.equal(data.rowCount - 1, csvRows, 'the long sheet has every value the CSV has');
    const v = data.getRow(2).getCell(7).value;
    assert.equal(typeof v, 'number');
  });

  it('xlsx to a terminal is a usage error', async () => {
    const out = Object.assign(new Writable({ write(_c, _e, cb) { cb(); } }), { isTTY: true });
    const err = new Writable({ write(_c, _e, cb) { cb(); } });
    assert.equal(await main(['export', '--format', 'xlsx', KUNMING], out, err), 2);
  });
});
