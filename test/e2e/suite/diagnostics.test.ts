// Each sample report's diagnostics in a real VS Code match samples/EXPECTED.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COPIES, EXPECTED, Item } from '../expected';
import {
  activeExtension, closeAll, dump, fileUri, findLine, openReport, readText, ruleOf, settledDiagnostics, waitForDiagnostics,
} from '../helpers';

const NEAR = 2;

function lineOf(item: Item, text: string): number | undefined {
  if (item.line !== undefined) return item.line - 1;
  if (item.find !== undefined) return findLine(text, item.find);
  return undefined;
}

/** A must-flag item may be reported within ±2 lines (EXPECTED.md); a must-not item is its own line. */
function matches(d: vscode.Diagnostic, item: Item, line: number | undefined, near = NEAR): boolean {
  const rule = ruleOf(d);
  return rule !== undefined && item.rules.includes(rule) && (line === undefined || Math.abs(d.range.start.line - line) <= near);
}

function describeItem(item: Item, line: number | undefined, near = NEAR): string {
  return `${item.rules.join(' or ')}${line === undefined ? '' : ` at line ${line + 1}${near ? `±${near}` : ''}`} (${item.why})`;
}

async function checkSample(name: string, sample: string): Promise<void> {
  const exp = EXPECTED[sample];
  const text = await readText(name);
  const uri = fileUri(name);
  // Language detection has its own tests (activation.test.ts); here only the findings count.
  await openReport(name, null);
  const flags = exp.mustFlag.map((item) => ({ item, line: lineOf(item, text) }));
  // Every must-flag item present (polled until they all arrived), then the set is let to settle before
  // absences are asserted.
  await waitForDiagnostics(uri, (ds) => flags.every(({ item, line }) => ds.some((d) => matches(d, item, line))),
    `every must-flag item: ${flags.map(({ item, line }) => describeItem(item, line)).join('; ')}`);
  const ds = await settledDiagnostics(uri, { minCount: flags.length });
  for (const { item, line } of flags) {
    const hit = ds.filter((d) => matches(d, item, line));
    assert.ok(hit.length, `${name}: missing ${describeItem(item, line)}\n${dump(ds)}`);
    if (item.severities) {
      assert.ok(hit.some((d) => item.severities!.includes(d.severity)),
        `${name}: ${describeItem(item, line)} should have severity ${item.severities.map((s) => vscode.DiagnosticSeverity[s]).join('/')}\n${dump(hit)}`);
    }
  }
  for (const item of exp.mustNot) {
    const line = lineOf(item, text);
    const bad = ds.filter((d) => matches(d, item, line, 0));
    assert.deepEqual(bad.map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`), [], `${name}: must not flag ${describeItem(item, line, 0)}\n${dump(bad)}`);
  }
  if (exp.noErrorsOrWarnings) {
    const bad = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(bad.map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`), [], `${name}: the clean control report must have no error or warning\n${dump(bad)}`);
  }
  // Every diagnostic links to its rule's documentation page.
  for (const d of ds) {
    const code = d.code;
    assert.ok(code && typeof code === 'object', `${name}: diagnostic without a { value, target } code: ${dump([d])}`);
    assert.match(code.target.toString(), new RegExp(`docs/rules/${code.value}\\.md$`), `${name}: code.target of ${code.value}`);
  }
}

describe('diagnostics of the sample reports (EXPECTED.md)', function () {
  this.timeout(60000);
  before(async () => { await activeExtension(); });
  after(closeAll);

  for (const sample of Object.keys(EXPECTED)) {
    it(`${sample}`, async () => { await checkSample(sample, sample); });
  }
  for (const [copy, sample] of Object.entries(COPIES)) {
    it(`${copy} (a copy of ${sample})`, async () => { await checkSample(copy, sample); });
  }
});
