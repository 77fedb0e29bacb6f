// govreport/extract over the real protocol: the server reads a Word/web/PDF report from disk (its
// reader bundle loaded on first use), and the extracted text opened under the client's read-only
// scheme gets the same diagnostics as the sample's text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT, SAMPLES, fixture, messageOf } from './helpers';

const RENDERED = path.join(ROOT, 'test', 'fixtures-readers');
type Reply = { ok: true; text: string; kind: string; places: string[] } | { ok: false; message: { zh: string; en: string } };

describe('lsp: govreport/extract', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start({ pull: true }); });
  after(async () => { await c.stop(); });

  it('extracts a PDF report; its read-only view gets the text report\'s diagnostics', async () => {
    const textDiags = await c.diagnostics((await c.openFixture(SAMPLES.lushan)).uri);
    const pdf = path.join(RENDERED, 'lushan-health-2021-tab.pdf');
    const reply = await c.conn.sendRequest<Reply>('govreport/extract', { uri: pathToFileURL(pdf).href });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.equal(reply.kind, 'pdf');
    assert.match(reply.places[reply.text.split('\n').findIndex((l) => l.startsWith('一、总体情况'))], /^第1页第\d+行$/);
    const view = `govreport-extracted:${pathToFileURL(pdf).pathname}.txt`;
    await c.open(view, reply.text);
    const viewDiags = await c.diagnostics(view);
    const key = (d: Parameters<typeof messageOf>[0]) => `${String(d.code)}: ${messageOf(d)}`;
    assert.deepEqual(viewDiags.map(key).sort(), textDiags.map(key).sort());
    assert.ok(fixture(SAMPLES.lushan).length > 0);
  });

  it('answers with a message for a damaged file, a text file and a directory', async () => {
    const bad = path.join(c.tmpDir, 'broken.docx');
    fs.writeFileSync(bad, 'PK\x03\x04 no zip');
    for (const p of [bad, path.join(ROOT, 'test', 'fixtures', SAMPLES.lushan), path.join(c.tmpDir, 'dir.pdf')]) {
      if (p.endsWith('dir.pdf')) fs.mkdirSync(p, { recursive: true });
      const r = await c.conn.sendRequest<Reply>('govreport/extract', { uri: pathToFileURL(p).href });
      assert.equal(r.ok, false, p);
      assert.ok(!r.ok && r.message.zh.length > 0);
    }
  });
});
