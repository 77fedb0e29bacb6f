// SARIF output validated against the official SARIF 2.1.0 JSON schema (test/schemas/, from the OASIS
// SARIF TC) with ajv and its formats (uri, uri-reference): every sample, and a run with an unreadable file.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { runCli } from './runCli';
import { artifactLocation } from '../../server/src/cli/sarif';
import { ruleIds } from '../../server/src/rules/catalog';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');

async function sarif(args: string[]) {
  const r = await runCli(['check', '--format', 'sarif', ...args]);
  return { code: r.code, log: JSON.parse(r.out) };
}

describe('SARIF 2.1.0', () => {
  // unicodeRegExp false: the schema's language pattern ("…[a-zA-Z]{2}]?$") is valid only without the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));
  const valid = (log: unknown) => assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));

  it('the schema rejects what the old output had: a relative helpUri', () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', helpUri: 'docs/rules/a.md' }] } } }] };
    assert.equal(validate(bad), false, 'a test that cannot fail is no test');
  });

  for (const f of readdirSync(SAMPLES).filter((x) => x.endsWith('.txt'))) {
    it(`${f}: valid, every finding a result with a relative URI under %SRCROOT%`, async () => {
      const file = relative(process.cwd(), join(SAMPLES, f));
      const { log } = await sarif([file]);
      valid(log);
      const run = log.runs[0];
      assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ruleIds());
      for (const r of run.tool.driver.rules) if (r.helpUri) assert.match(r.helpUri, /^https?:\/\//, 'helpUri is absolute or absent');
      assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
      for (const res of run.results) {
        const loc = res.locations[0].physicalLocation.artifactLocation;
        assert.deepEqual(loc, { uri: `samples/${f}`, uriBaseId: '%SRCROOT%' });
        assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      }
      assert.equal(run.invocations[0].executionSuccessful, true);
    });
  }

  it('an unreadable file: executionSuccessful false and a toolExecutionNotification naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-sarif-'));
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0, 0]));
    const { code, log } = await sarif([join(SAMPLES, 'lushan-health-2021-tab.txt'), join(dir, 'b.txt'), join(dir, 'missing.txt')]);
    assert.equal(code, 2);
    valid(log);
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications.length, 2);
    assert.equal(inv.toolExecutionNotifications[0].level, 'error');
    assert.match(inv.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*\/b\.txt$/);
    assert.ok(log.runs[0].results.length > 0, 'the readable file is still reported');
  });

  it('a fix refused on a read-only file: the same notice as JSON’s writeNotice, as a toolExecutionNotification with its code', async function () {
    if (process.platform === 'win32') this.skip(); // no POSIX mode bits
    const dir = mkdtempSync(join(tmpdir(), 'govreport-sarif-'));
    const file = join(dir, 'r.txt');
    // A sample with a fixable heading (the template's wording), made read-only.
    writeFileSync(file, readFileSync(join(SAMPLES, 'lushan-health-2021-tab.txt'), 'utf8').replace('二、主动公开政府信息情况', '二、主动公开政府信息情况 '));
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const json = JSON.parse((await runCli(['check', '--fix', '--format', 'json', file])).out)[0];
    assert.equal(json.writeNotice?.code, 'READ_ONLY', 'the JSON output refuses the write');
    const { code, log } = await sarif(['--fix', file]);
    assert.equal(code, 2);
    valid(log);
    assert.ok(readFileSync(file).equals(before), 'read-only means read-only');
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    const refusal = notes.filter((n: { descriptor?: { id: string } }) => n.descriptor?.id === 'READ_ONLY');
    assert.equal(refusal.length, 1, JSON.stringify(notes));
    assert.equal(refusal[0].level, 'error');
    assert.deepEqual(refusal[0].properties.writeNotice, json.writeNotice);
    assert.equal(refusal[0].message.text, `${file}: ${json.writeNotice.zh}`);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(notes.filter((n: { message: { text: string } }) => n.message.text.includes(json.writeNotice.zh)).length, 1, 'said once');
  });

  it('file names: percent-encoded relative URIs inside the working folder, file: URIs outside', () => {
    assert.deepEqual(artifactLocation('报告 2021.txt', '/work/x'), { uri: '%E6%8A%A5%E5%91%8A%202021.txt', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('a/b#1.txt', '/work/x'), { uri: 'a/b%231.txt', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/elsewhere/r.txt', '/work/x'), { uri: 'file:///elsewhere/r.txt' });
  });
});
