// One report, every layout: the same tables written as pipes, Markdown, tabs, aligned columns and
// one cell per line must parse to the same rows and values and give the same findings.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8');

type Writer = (cells: string[]) => string[];
const LAYOUTS: Record<string, Writer> = {
  markdown: (c) => [`| ${c.join(' | ')} |`],
  tab: (c) => [c.join('\t')],
  aligned: (c) => [c.map((x, i) => (i === 0 ? x.padEnd(24, ' ') : x.padStart(6, ' '))).join('  ')],
  'cell-per-line': (c) => c.flatMap((x, i) => (i ? ['', x] : [x])),
  'cell-per-line, tab-indented': (c) => c.map((x) => `\t${x}`),
  'full-width digits and punctuation': (c) => [c.map((x) => x.replace(/[0-9()]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))).join(' | ')],
};

function relayout(text: string, w: Writer): string {
  return text.split('\n').flatMap((line) => {
    if (!line.includes('|')) return [line];
    const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
    return w(cells);
  }).join('\n');
}

function shape(text: string) {
  const { report, findings } = checkText(text);
  return {
    tables: report.tables.map((t) => `${t.id}: ${t.rows.map((r) => `${r.id}=${r.values.map((v) => v.value).join(',')}`).join(' ')}`),
    findings: findings.map((f) => f.rule).sort(),
  };
}

describe('layouts', () => {
  const base = shape(KUNMING);
  it('the pipe original parses every table', () => {
    assert.deepEqual(base.tables.map((t) => t.split(':')[0]), ['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4']);
  });
  for (const [name, w] of Object.entries(LAYOUTS)) {
    it(`${name}: same rows, values and findings`, () => {
      const got = shape(relayout(KUNMING, w));
      assert.deepEqual(got.tables, base.tables);
      const extra = name.startsWith('full-width') ? ['number-invalid'] : [];
      assert.deepEqual(got.findings.filter((r) => !extra.includes(r)), base.findings);
    });
  }
  it('a broken total is found in every layout', () => {
    const broken = KUNMING.replace('(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 8 |');
    for (const [name, w] of Object.entries(LAYOUTS)) {
      const f = checkText(relayout(broken, w)).findings.filter((x) => x.rule === 'total-mismatch');
      assert.equal(f.length, 1, name);
      assert.equal(f[0].fixes[0].edits[0].newText, '6', name);
    }
  });
});

describe('markdown documents', () => {
  it('reads # headings, **bold** headings and a # title', () => {
    const md = KUNMING.split('\n').map((l, i) => {
      if (i === 0) return `# ${l}`;
      if (i === 1) return '';
      if (/^[一二三四五六]、/.test(l) && !l.includes('|')) return i % 2 ? `## ${l}` : `**${l}**`;
      if (l.includes('|')) return `| ${l.split('|').map((c) => c.trim()).filter(Boolean).join(' | ')} |`;
      return l;
    }).join('\n');
    const { report, findings } = checkText(md);
    assert.equal(report.title?.agency, '昆明市西山区卫生健康局');
    assert.deepEqual(report.sections.map((s) => s.std), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message), []);
    const renamed = checkText(md.replace('## 五、存在的主要问题及改进情况', '## 五、存在问题及改进情况').replace('**五、存在的主要问题及改进情况**', '**五、存在问题及改进情况**'));
    const f = renamed.findings.find((x) => x.rule === 'section-title')!;
    assert.equal(f.fixes[0].edits[0].newText, '存在的主要问题及改进情况');
    assert.ok(renamed.report.lines[f.range.start.line].slice(f.range.start.character, f.range.end.character) === '存在问题及改进情况');
  });
});

describe('tables without captions', () => {
  it('finds a 第二十条 block whose caption line is missing by its row labels', () => {
    const text = KUNMING.replace('第二十条第(五)项 | |||\n', '');
    const { report, findings } = checkText(text);
    assert.ok(report.tables.some((t) => t.id === 't2.5' && t.rows.some((r) => r.id === 'licensing' && r.values[0].value === 1321)));
    assert.deepEqual(findings.filter((f) => f.rule === 'table-missing'), []);
  });
});
