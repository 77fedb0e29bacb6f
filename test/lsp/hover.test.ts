// Hover over the protocol: totals show their sum and whether it matches, section headings cite
// the article of the Regulations, row labels show the standard wording and its basis, and a
// diagnostic's range explains the rule with a link to its page.
import * as assert from 'node:assert/strict';
import { LspClient, SAMPLES, fixture, hoverText, lineOf } from './helpers';

describe('lsp: hover', function () {
  this.timeout(60000);
  let client: LspClient;
  let uri: string;
  const text = fixture(SAMPLES.kunming);
  before(async () => {
    client = await LspClient.start();
    uri = (await client.openFixture(SAMPLES.kunming)).uri;
  });
  after(async () => { await client.stop(); });

  it('on the 总计 cell of the (七)总计 row: the computed sums and a match', async () => {
    const line = lineOf(text, /^\(七\)总计/); // line 57 in the editor
    assert.equal(line + 1, 57);
    const cells = [...text.split('\n')[line].matchAll(/\d+/g)];
    const total = cells[cells.length - 1]; // "(七)总计 | 6 | 0 | … | 6 |": the last number is the 总计 column
    const h = hoverText(await client.hover(uri, { line, character: total.index! }));
    assert.match(h, /= 6 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = \*\*6\*\*/, h);
    assert.match(h, /= 4 \+ 0 .*\+ 2 .*= \*\*6\*\*/, 'the column sum of all outcomes as well');
    assert.match(h, /一致/, 'says that it matches');
  });

  it('document text in the Markdown is escaped: a row label with HTML, emphasis and a link is shown as written', async () => {
    const lines = text.split('\n');
    const at = lineOf(text, /^8\.属于行政查询事项/) + 1;
    const row = '<img src=x onerror=alert(1)>*星*`code`_u_~#&amp; | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||';
    const doc = await client.open(client.uri('html-label.txt'), [...lines.slice(0, at), row, ...lines.slice(at)].join('\n'));
    await client.diagnostics(doc.uri);
    const h = hoverText(await client.hover(doc.uri, { line: at, character: row.indexOf('| 1') + 2 }));
    assert.match(h, /×/, `a row × column hover: ${h}`);
    assert.doesNotMatch(h, /(^|[^\\])[<>*`_|~#&]/, `every markup character is escaped: ${h}`);
    assert.match(h, /\\<img/);
  });

  it('on a wrong total: the expected value and the mismatch, plus the rule', async () => {
    const other = await LspClient.start({ locale: 'en' });
    try {
      const wrong = text.replace(/^(\(七\)总计 \| 6 \| 0 \| 0 \| 0 \| 0 \| 0 \| )6/m, '$17');
      assert.notEqual(wrong, text);
      const doc = await other.open(other.uri('wrong.txt'), wrong);
      await other.diagnostics(doc.uri);
      const line = lineOf(wrong, /^\(七\)总计/);
      const h = hoverText(await other.hover(doc.uri, { line, character: wrong.split('\n')[line].lastIndexOf('7') }));
      assert.match(h, /the table says 7, the parts sum to 6/, h);
      assert.match(h, /total-mismatch\.md/, 'links the rule page');
    } finally {
      await other.stop();
    }
  });

  it('on a table-四 total', async () => {
    const line = lineOf(text, /^0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 2/);
    const h = hoverText(await client.hover(uri, { line, character: 16 })); // 5th cell: 行政复议 总计
    assert.match(h, /行政复议总计/, h);
    assert.match(h, /= 0 \+ 0 \+ 0 \+ 0 = \*\*0\*\*/, h);
  });

  it('on a section heading: standard title, requirement and 第五十条 of the Regulations', async () => {
    for (const heading of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况']) {
      const h = hoverText(await client.hover(uri, { line: lineOf(text, heading), character: 2 }));
      assert.match(h, /政府信息公开条例/, h);
      assert.match(h, /第五十条/, h);
      assert.ok(h.includes(heading), `shows the standard heading ${heading}`);
    }
  });

  it('on a row label: the standard label, its basis and note', async () => {
    const h = hoverText(await client.hover(uri, { line: lineOf(text, '4.保护第三方合法权益'), character: 3 }));
    assert.match(h, /4\.保护第三方合法权益/);
    assert.match(h, /第十五条/, h);
    const partial = hoverText(await client.hover(uri, { line: lineOf(text, '(二)部分公开'), character: 4 }));
    assert.match(partial, /只计这一情形/, partial);
  });

  it('on a diagnostic: the rule explanation and a link to its page', async () => {
    const h = hoverText(await client.hover(uri, { line: 1, character: 3 })); // repeated title line (report-title hint)
    assert.match(h, /report-title/, h);
    assert.match(h, /docs\/rules\/report-title\.md/, h);
  });

  it('nothing on plain prose', async () => {
    const h = await client.hover(uri, { line: lineOf(text, '在主动公开方面'), character: 5 });
    assert.equal(h, null);
  });
});
