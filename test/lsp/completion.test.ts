// Completion over the protocol: standard headings at the start of a line, the table-三 labels
// (with ordinals) inside table 三, the columns and rows of a table-二 block, 第二十条 captions.
import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { LspClient, SAMPLES, fixture, lineOf } from './helpers';

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('lsp: completion', function () {
  this.timeout(60000);
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  it('at the start of a line in table 三: the standard labels with ordinals, in order', async () => {
    for (const name of [SAMPLES.kunming, SAMPLES.xinjiang]) {
      const text = fixture(name);
      const uri = (await client.openFixture(name, `t3-${name}`)).uri;
      const items = await client.completion(uri, { line: lineOf(text, /保护第三方合法权益/), character: 0 });
      const l = labels(items);
      for (const want of ['（一）予以公开', '4.保护第三方合法权益', '（七）总计', '四、结转下年度继续办理', '3.危及“三安全一稳定”']) {
        assert.ok(l.includes(want), `${name}: ${want} in ${JSON.stringify(l.slice(0, 40))}`);
      }
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.equal(sorted[0].label, '一、本年新收政府信息公开申请数量', 'table order first');
      // The item replaces what was typed on the line, so filtering works without word boundaries.
      assert.ok(items.every((i) => i.textEdit && 'range' in i.textEdit));
    }
  });

  it('replaces the partial label typed so far', async () => {
    const uri = (await client.open(client.uri('partial.txt'), `${fixture(SAMPLES.kunming)}\n`)).uri;
    const line = lineOf(fixture(SAMPLES.kunming), /保护第三方合法权益/);
    const items = await client.completion(uri, { line, character: 2 }); // after "4."
    const it = items.find((i) => i.label === '4.保护第三方合法权益');
    assert.ok(it?.textEdit && 'range' in it.textEdit);
    assert.deepEqual(it.textEdit.range, { start: { line, character: 0 }, end: { line, character: 2 } });
  });

  it('standard section headings at the start of a heading line', async () => {
    const text = fixture(SAMPLES.xinjiang);
    const uri = (await client.openFixture(SAMPLES.xinjiang, 'headings.txt')).uri;
    const l = labels(await client.completion(uri, { line: 592, character: 0 }));
    assert.ok(l.includes('五、存在的主要问题及改进情况'), JSON.stringify(l));
    assert.equal(l.filter((x) => /^[一二三四五六]、/.test(x) && !/本年|上年|结转/.test(x)).length, 6);
    assert.ok(text.split('\n')[592].trim().startsWith('五、'), 'line 593 is the section-五 heading');
  });

  it('in a table-二 block: its rows and columns, and the 第二十条 captions', async () => {
    const text = fixture(SAMPLES.kunming);
    const uri = (await client.openFixture(SAMPLES.kunming, 't2.txt')).uri;
    const l = labels(await client.completion(uri, { line: lineOf(text, /^行政规范性文件/), character: 0 }));
    for (const want of ['规章', '行政规范性文件', '本年制发件数', '现行有效件数', '第二十条第（一）项', '第二十条第（八）项']) {
      assert.ok(l.includes(want), `${want} in ${JSON.stringify(l)}`);
    }
  });

  it('nothing in the middle of prose', async () => {
    const text = fixture(SAMPLES.kunming);
    const uri = (await client.openFixture(SAMPLES.kunming, 'prose.txt')).uri;
    const line = lineOf(text, '在主动公开方面');
    assert.deepEqual(await client.completion(uri, { line, character: 60 }), []);
  });
});
