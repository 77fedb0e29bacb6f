// A missing row of an HTML table in converter Markdown gets the same insert-row fix as the other layouts, written
// as a `<tr>` in the table's own style (parse/md-html-insert.ts): offered with its figures (zeros, or what the
// totals imply), never applied unseen. Built from a sample report's table 三 written the way converters write it
// (one line, group cells with rowspan, labels of the outer rows with colspan), then a row taken out.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { applyFixList, fixAll } from '../../server/src/fix';
import type { Finding } from '../../server/src/model';

const PIPE = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
const ROWS = PIPE.slice(33, 58).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
const GROUP = /^(三、|\([三四五六]\))/;
const SUB = /^\d\./;

/** Table 三 as one HTML line; `skip` leaves out the row whose label starts so (the group cells' rowspans count without it). */
function t3Html(skip?: string): string {
  const rows = ROWS.filter((r) => !skip || !r.some((c) => c.startsWith(skip)));
  const head = '<tr><td colspan="3" rowspan="3">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td><td colspan="7">申请人情况</td></tr>'
    + '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
    + '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';
  const body = rows.map((r, k) => {
    const tds: string[] = [];
    for (const c of r) {
      if (GROUP.test(c)) {
        // 三、 spans (一)…(七)总计; (三)… span their numbered rows.
        let n = 1;
        while (k + n < rows.length && (c.startsWith('三、') ? !rows[k + n][0].startsWith('四、') : SUB.test(rows[k + n][0]))) n++;
        tds.push(`<td rowspan="${n}">${c}</td>`);
      } else if (/^\d+$/.test(c)) tds.push(`<td>${c}</td>`);
      else {
        const span = SUB.test(c) ? 1 : /^\(/.test(c) ? 2 : 3;
        tds.push(span > 1 ? `<td colspan="${span}">${c}</td>` : `<td>${c}</td>`);
      }
    }
    return `<tr>${tds.join('')}</tr>`;
  }).join('');
  const table = `<table border="1" cellspacing="0"><tbody>${head}${body}</tbody></table>`;
  return [...PIPE.slice(0, 30), '三、收到和处理政府信息公开申请情况', '', table, '', ...PIPE.slice(58)].join('\n');
}

const missing = (text: string): Finding[] => checkText(text).findings.filter((f) => f.rule === 'table-row-missing');
const rules = (text: string) => checkText(text).findings.map((f) => `${f.rule} ${f.message}`).sort();

describe('converter Markdown: a missing row of an HTML table gets its insert-row fix as a <tr>', () => {
  it('the whole table reads every row, nothing missing', () => {
    assert.deepEqual(missing(t3Html()), []);
  });

  for (const [label, name] of [['3.危及', 'a numbered row inside its group'], ['8.属于行政查询事项', 'the last numbered row of a group (the group cell grows)'], ['(二)部分公开', 'a row of 三、 between (一) and (三)'], ['二、上年结转', 'an outer row']] as const) {
    it(`${name}: the fix writes the author's table back exactly, and is offered, not applied unseen`, () => {
      const text = t3Html(label);
      const found = missing(text);
      assert.equal(found.length, 1, label);
      const [fix] = found[0].fixes;
      assert.ok(fix, 'a fix is offered');
      assert.deepEqual([fix.safe, fix.numbers], [false, true]);
      // Every row of the sample is 0 apart from 一/(一)/(四)1./(七): zeros (or the values the totals imply) restore it.
      // (The label is written in the standard wording, full-width as the spec has it.)
      assert.equal(applyFixList(text, [fix]).text.normalize('NFKC'), t3Html().normalize('NFKC'));
      // Never applied by fix-all, even with numeric fixes allowed: it rewrites HTML structure.
      assert.equal(missing(fixAll(text).text).length, 1);
      assert.equal(missing(fixAll(text, {}, 10, undefined, { numbers: true }).text).length, 1);
      assert.deepEqual(rules(applyFixList(text, [fix]).text), rules(t3Html()));
    });
  }

  it('a first numbered row (its group cell stands in the next row) is not offered: the row would stand outside its group', () => {
    const text = t3Html('1.属于国家秘密');
    const found = missing(text);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });
});
