// placeholder-text: what govreport itself inserts for the author to fill in (the section-missing fix,
// the snippets) is flagged until replaced, so a report with placeholders never checks clean; real
// reports and filled-in text are not flagged.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import { fixAll } from '../../server/src/fix';
import { LINE_PLACEHOLDERS, SECTION_PLACEHOLDER } from '../../server/src/spec/placeholders';
import { buildSnippets } from '../../scripts/gen-snippets';

const FIX = join(__dirname, '..', 'fixtures');
const KUNMING = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');
const flagged = (text: string) => checkText(text).findings.filter((f) => f.rule === 'placeholder-text');

/** A snippet body with every tab stop at its default (mirrors take the first default). */
function expand(body: string[]): string {
  const defaults = new Map<string, string>();
  const text = body.join('\n');
  for (const m of text.matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return text.replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, '$2').replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '').replace(/\\([\\$}])/g, '$1');
}

describe('placeholder-text', () => {
  it('does not flag the five real reports', () => {
    for (const f of readdirSync(FIX).filter((x) => x.endsWith('.txt'))) assert.deepEqual(flagged(readFileSync(join(FIX, f), 'utf8')).map((x) => x.message), [], f);
  });

  it('flags the sentence the section-missing fix inserts: the fixed report does not check clean', () => {
    // 五 deleted: the fix inserts the heading and the placeholder sentence.
    const lines = KUNMING.split('\n');
    const without = [...lines.slice(0, 63), ...lines.slice(68)].join('\n');
    assert.deepEqual(flagged(without), []);
    const fixed = fixAll(without).text;
    assert.ok(fixed.includes(SECTION_PLACEHOLDER), 'the fix inserted the placeholder');
    const f = flagged(fixed);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(fixed.split('\n')[f[0].range.start.line].slice(f[0].range.start.character, f[0].range.end.character), SECTION_PLACEHOLDER);
    assert.match(f[0].message, /占位文字“（请填写本部分内容；/);
    // Written over: clean again.
    assert.deepEqual(flagged(fixed.replace(SECTION_PLACEHOLDER, '本年度未发现需要报告的问题。')), []);
  });

  it('flags every placeholder of the full report skeleton snippet (机关名称, the sub-topic sentences, the requirement texts)', () => {
    const snippets = buildSnippets();
    const skeleton = Object.entries(snippets).find(([name]) => name.startsWith('年度报告全文') && name.includes('2021'))![1];
    const text = expand(skeleton.body);
    const f = flagged(text);
    const texts = new Set(f.map((x) => /“(.+)”/.exec(x.message)![1]));
    assert.ok(texts.has('机关名称'), [...texts].join(' / '));
    assert.ok(texts.has('在此填写主动公开方面的工作情况。'));
    assert.ok(texts.has('在此填写监督保障方面的工作情况。'));
    assert.ok([...texts].some((t) => t.startsWith('说明存在的主要问题')), 'the requirement text left in 五');
    // Every placeholder the skeleton leaves in is one the rule knows (one list for both).
    for (const line of text.split('\n')) if (/填写/.test(line)) assert.ok(LINE_PLACEHOLDERS.some((p) => line.includes(p)), line);
    // Filled in: none left.
    const filled = text.replace(/^机关名称/m, '某市卫生健康委员会').replace(/^机关名称$/m, '某市卫生健康委员会').split('\n')
      .map((l) => (LINE_PLACEHOLDERS.some((p) => l.includes(p)) ? '本年度依法做好相关工作。' : l)).join('\n');
    assert.deepEqual(flagged(filled).map((x) => x.message), []);
  });

  it('flags the overview sub-topic snippet sentence typed into a real report', () => {
    const lines = KUNMING.split('\n');
    lines.splice(6, 0, '在此填写政府信息管理方面的工作情况。');
    const f = flagged(lines.join('\n'));
    assert.equal(f.length, 1);
    assert.equal(f[0].range.start.line, 6);
  });
});
