// The snippets file is generated from the spec (scripts/gen-snippets.ts) and must not drift from it:
// it equals what the generator produces now, every standard table has a snippet, and every expanded
// body carries exactly the spec's labels. The full skeletons must also pass the checker.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { DEFAULT_YEAR, SNIPPETS_FILE, buildSnippets, escapeSnippetText, renderSnippetsFile } from '../../scripts/gen-snippets';
import type { Snippet, SnippetFile } from '../../scripts/gen-snippets';
import { FORMAT_2019, FORMAT_2021 } from '../../server/src/spec';
import type { FormatSpec, TableSpec } from '../../server/src/spec';
import { rowLabel, sectionHeading } from '../../server/src/spec/render';

// ---------------------------------------------------------------------------------------------
// A tiny expander for VS Code snippet syntax: $n, ${n}, ${n:default} (nested), ${n|a,b|},
// $VAR / ${VAR:default}, and the escapes \$ \} \\. Every tab stop takes its default (the first
// default given for its number, as VS Code mirrors it), unless `values` overrides it.

type SnippetNode =
  | { kind: 'text'; text: string }
  | { kind: 'stop'; index: number; children?: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'var'; name: string; children?: SnippetNode[] };

export function parseSnippet(src: string): SnippetNode[] {
  let i = 0;
  const seq = (inPlaceholder: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
        continue;
      }
      if (c === '}' && inPlaceholder) {
        flush();
        return out;
      }
      if (c === '$') {
        const rest = src.slice(i);
        let m: RegExpExecArray | null;
        if ((m = /^\$(\d+)/.exec(rest))) {
          flush();
          out.push({ kind: 'stop', index: Number(m[1]) });
          i += m[0].length;
          continue;
        }
        if ((m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest))) {
          flush();
          out.push({ kind: 'var', name: m[1] });
          i += m[0].length;
          continue;
        }
        if ((m = /^\$\{(\d+)([}:|])/.exec(rest))) {
          flush();
          i += m[0].length;
          const index = Number(m[1]);
          if (m[2] === '}') out.push({ kind: 'stop', index });
          else if (m[2] === ':') {
            const children = seq(true);
            if (src[i] !== '}') throw new Error(`unterminated placeholder \${${index}: in ${src}`);
            i++;
            out.push({ kind: 'stop', index, children });
          } else {
            const end = src.indexOf('|}', i);
            if (end < 0) throw new Error(`unterminated choice in ${src}`);
            out.push({ kind: 'choice', index, options: src.slice(i, end).split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1')) });
            i = end + 2;
          }
          continue;
        }
        if ((m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)([}:])/.exec(rest))) {
          flush();
          i += m[0].length;
          if (m[2] === '}') out.push({ kind: 'var', name: m[1] });
          else {
            const children = seq(true);
            if (src[i] !== '}') throw new Error(`unterminated variable \${${m[1]}: in ${src}`);
            i++;
            out.push({ kind: 'var', name: m[1], children });
          }
          continue;
        }
      }
      text += c;
      i++;
    }
    if (inPlaceholder) throw new Error(`unterminated placeholder in ${src}`);
    flush();
    return out;
  };
  return seq(false);
}

export function expandSnippet(body: string | string[], values: Record<number, string> = {}): { text: string; defaults: Map<number, string[]> } {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defaults = new Map<number, string[]>();
  const collect = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.kind === 'stop' && n.children) {
        collect(n.children); // nested placeholders first: their defaults are part of this default
        defaults.set(n.index, [...(defaults.get(n.index) ?? []), render(n.children)]);
      } else if (n.kind === 'choice') defaults.set(n.index, [...(defaults.get(n.index) ?? []), n.options[0] ?? '']);
      else if (n.kind === 'var' && n.children) collect(n.children);
    }
  };
  const valueOf = (index: number) => values[index] ?? defaults.get(index)?.[0] ?? '';
  function render(ns: SnippetNode[]): string {
    return ns
      .map((n) => {
        if (n.kind === 'text') return n.text;
        if (n.kind === 'var') return n.children ? render(n.children) : '';
        return valueOf(n.index);
      })
      .join('');
  }
  collect(nodes);
  return { text: render(nodes), defaults };
}

// ---------------------------------------------------------------------------------------------

const FORMATS: FormatSpec[] = [FORMAT_2021, FORMAT_2019];
const snippets: SnippetFile = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8'));

/** The prefixes users type, by table id (2019 variants get the suffix 2019). */
const TABLE_PREFIXES: Record<string, [string, string]> = {
  't2.1': ['第一项', 'diyixiang'],
  't2.5': ['第五项', 'diwuxiang'],
  't2.6': ['第六项', 'diliuxiang'],
  't2.8': ['第八项', 'dibaxiang'],
  't2.9': ['第九项', 'dijiuxiang'],
  t3: ['申请情况表', 'shenqing'],
  t4: ['复议诉讼表', 'fuyisusong'],
};
const SECTION_PREFIXES: Record<number, [string, string]> = {
  1: ['总体情况', 'zongti'],
  2: ['主动公开', 'zhudong'],
  3: ['申请情况', 'shenqing-section'],
  4: ['复议诉讼', 'fuyi'],
  5: ['问题改进', 'wenti'],
  6: ['其他事项', 'qita'],
};
const FULL_PREFIXES: Record<string, string[]> = { '2021': ['年报', 'nianbao', 'report'], '2019': ['年报2019', 'nianbao2019'] };

function byPrefix(prefix: string): Snippet | undefined {
  const found = Object.values(snippets).filter((s) => s.prefix.includes(prefix));
  assert.ok(found.length <= 1, `prefix ${prefix} is used by ${found.length} snippets`);
  return found[0];
}

/** The snippet for a format-specific thing: the `…2019` prefix for 2019 when it exists, else the plain one. */
function forFormat(format: FormatSpec, prefix: string): Snippet | undefined {
  return (format.id === '2019' ? byPrefix(prefix + '2019') : undefined) ?? byPrefix(prefix);
}

const expand = (s: Snippet, values: Record<number, string> = {}) => expandSnippet(s.body, values).text;
const isNumber = (cell: string) => /^[+-]?\d+(\.\d+)?$/.test(cell);
const cellsOf = (line: string) => line.split(' | ').map((c) => c.trim());

/** Checks that the expanded lines of a table are exactly the spec table: labels, order, value cells. */
function assertTableLines(lines: string[], table: TableSpec, where: string): void {
  const allowed = new Set<string>([...(table.caption ? [table.caption] : []), ...(table.rowHeader ? [table.rowHeader] : []), ...table.columns.map((c) => c.label), ...(table.headerGroups ?? []), ...table.rows.filter((r) => r.label).map(rowLabel)]);
  const cells = lines.flatMap(cellsOf);
  for (const c of cells) {
    if (isNumber(c)) assert.equal(c, '0', `${where}: value cells default to 0`);
    else assert.ok(allowed.has(c), `${where}: label “${c}” is not a label of table ${table.id}`);
  }
  if (table.caption) assert.equal(lines[0], table.caption, `${where}: caption`);
  for (const label of [...(table.rowHeader ? [table.rowHeader] : []), ...table.columns.map((c) => c.label)]) {
    assert.ok(cells.includes(label), `${where}: header “${label}” missing`);
  }
  // Rows: in spec order, each with one value per column (group rows: none).
  let at = 0;
  let valueRows = 0;
  for (const row of table.rows) {
    if (!row.label) continue;
    const label = rowLabel(row);
    const idx = lines.findIndex((l, i) => i >= at && cellsOf(l)[0] === label);
    assert.ok(idx >= 0, `${where}: row “${label}” missing or out of order`);
    const rowCells = cellsOf(lines[idx]);
    assert.equal(rowCells.length - 1, row.group ? 0 : table.columns.length, `${where}: value cells of row “${label}”`);
    assert.ok(rowCells.slice(1).every(isNumber), `${where}: row “${label}” has non-numeric values`);
    if (!row.group) valueRows++;
    at = idx + 1;
  }
  if (table.unlabeledRow) {
    const dataLines = lines.filter((l) => cellsOf(l).every(isNumber));
    assert.equal(dataLines.length, 1, `${where}: one unlabeled data row`);
    assert.equal(cellsOf(dataLines[0]).length, table.columns.length, `${where}: values of the data row`);
    valueRows++;
  }
  assert.equal(cells.filter(isNumber).length, valueRows * table.columns.length, `${where}: number of value cells`);
}

function fullSkeleton(format: FormatSpec): Snippet {
  const s = byPrefix(FULL_PREFIXES[format.id][0]);
  assert.ok(s, `no full skeleton for the ${format.id} format`);
  return s;
}

describe('snippets', () => {
  it('the snippets file is valid JSON and equals what the generator produces now', () => {
    const text = fs.readFileSync(SNIPPETS_FILE, 'utf8');
    assert.doesNotThrow(() => JSON.parse(text));
    assert.deepEqual(JSON.parse(text), buildSnippets(), 'out of date: run npm run snippets');
    assert.equal(text, renderSnippetsFile(), 'out of date: run npm run snippets');
  });

  it('every snippet has the govreport scope, prefixes and a Chinese description', () => {
    const prefixes = new Set<string>();
    for (const [name, s] of Object.entries(snippets)) {
      assert.equal(s.scope, 'govreport', name);
      assert.ok(Array.isArray(s.prefix) && s.prefix.length > 0, `${name}: prefix`);
      for (const p of s.prefix) {
        assert.ok(!prefixes.has(p), `prefix ${p} used twice`);
        prefixes.add(p);
      }
      assert.ok(Array.isArray(s.body) && s.body.length > 0, `${name}: body`);
      assert.match(s.description, /[\u4e00-\u9fff]/, `${name}: description in Chinese`);
    }
    for (const p of [...FULL_PREFIXES['2021'], ...FULL_PREFIXES['2019']]) assert.ok(prefixes.has(p), `prefix ${p}`);
    for (const [zh, py] of Object.values(SECTION_PREFIXES)) assert.ok(prefixes.has(zh) && prefixes.has(py), `prefix ${zh}/${py}`);
  });

  it('escapes $, } and \\ so that text survives expansion', () => {
    for (const s of ['a$1}b', '\\${2:x}', '$$}}\\\\', '《条例》第五十条〔2021〕30号']) assert.equal(expandSnippet(escapeSnippetText(s)).text, s);
    assert.equal(expandSnippet('${1:a${2:b}c} $2 \\$3 ${3|x,y|} $1').text, 'abc b $3 x abc');
  });

  it('every body expands with no leftover snippet syntax and one default per tab stop', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const { text, defaults } = expandSnippet(s.body);
      assert.ok(!/[$\u0000]/.test(text), `${name}: leftover $ or sentinel in the expansion`);
      for (const [index, ds] of defaults) assert.equal(ds.length, 1, `${name}: tab stop ${index} has ${ds.length} defaults`);
      const stops = [...defaults.keys()].sort((a, b) => a - b);
      assert.deepEqual(stops, stops.map((_, i) => i + 1), `${name}: tab stops are numbered 1..n without gaps`);
    }
  });

  for (const format of FORMATS) {
    describe(`${format.id} format`, () => {
      for (const table of format.tables) {
        const [zh, py] = TABLE_PREFIXES[table.id];
        const suffix = format.id === '2019' ? '2019' : '';
        it(`table ${table.caption ?? table.name.zh} has a snippet (${zh + suffix}/${py + suffix}) whose labels equal the spec`, () => {
          const s = byPrefix(zh + suffix);
          assert.ok(s, `no snippet with prefix ${zh + suffix}`);
          assert.ok(s.prefix.includes(py + suffix), `snippet ${zh + suffix} lacks prefix ${py + suffix}`);
          assertTableLines(expand(s).split('\n'), table, `${zh + suffix}`);
        });
      }

      for (const section of format.sections) {
        const [zh] = SECTION_PREFIXES[section.n];
        it(`section ${sectionHeading(section)} has a snippet (${zh}) with the heading and the spec's tables`, () => {
          const s = forFormat(format, zh);
          assert.ok(s, `no snippet for section ${section.n}`);
          const lines = expand(s).split('\n');
          assert.equal(lines[0], sectionHeading(section));
          const tables = format.tables.filter((t) => t.section === section.n);
          if (tables.length > 0) {
            const expected = tables.flatMap((t) => expand(byPrefix(TABLE_PREFIXES[t.id][0] + (format.id === '2019' ? '2019' : ''))!).split('\n'));
            assert.deepEqual(lines.slice(1), expected);
          } else {
            assert.ok(lines.length > 1 && lines.slice(1).every((l) => l.trim().length > 0), 'prose placeholder');
          }
        });
      }

      it('the full skeleton has the title, the six headings in order, every table, the agency and a date', () => {
        const year = DEFAULT_YEAR[format.id as '2021' | '2019'];
        const lines = expand(fullSkeleton(format), { 2: String(year) }).split('\n');
        assert.equal(lines[0], `机关名称${year}年政府信息公开工作年度报告`);
        const headingAt = format.sections.map((s) => lines.indexOf(sectionHeading(s)));
        headingAt.forEach((at, i) => assert.ok(at > 0 && (i === 0 || at > headingAt[i - 1]), `heading ${sectionHeading(format.sections[i])} missing or out of order`));
        format.sections.forEach((s, i) => {
          const body = lines.slice(headingAt[i] + 1, i + 1 < headingAt.length ? headingAt[i + 1] : lines.length - 2);
          const tables = format.tables.filter((t) => t.section === s.n);
          let at = 0;
          for (const t of tables) {
            const n = expand(byPrefix(TABLE_PREFIXES[t.id][0] + (format.id === '2019' ? '2019' : ''))!).split('\n').length;
            assertTableLines(body.slice(at, at + n), t, `full ${format.id} ${t.id}`);
            at += n;
          }
          if (tables.length > 0) assert.equal(at, body.length, `section ${s.n} has only its tables`);
          else assert.ok(body.length > 0, `section ${s.n} has placeholder prose`);
        });
        assert.equal(lines[lines.length - 2], '机关名称', 'agency line');
        const date = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(lines[lines.length - 1]);
        assert.ok(date, `date line: ${lines[lines.length - 1]}`);
        assert.equal(Number(date[1]), year + 1, 'published the year after the report year');
        assert.ok(Number(date[2]) === 1 && Number(date[3]) <= 31, 'published by 1月31日');
        assert.ok(lines.some((l) => l.includes(`${year}年1月1日`) && l.includes(`${year}年12月31日`)), 'statistics period');
        assert.ok(lines.some((l) => l.includes(format.document)), 'names the format document');
      });
    });
  }

  describe('the checker accepts the expanded skeletons', () => {
    // placeholder-text flags the tab stops' default text until it is replaced (test/unit/placeholder-text.test.ts).
    const ALLOWED = new Set(['publish-date', 'report-title', 'placeholder-text']);
    for (const [formatId, year] of [
      ['2021', 2024],
      ['2019', 2020],
    ] as const) {
      it(`${formatId} skeleton with year ${year}: no error or warning besides ${[...ALLOWED].join('/')}`, () => {
        const format = formatId === '2021' ? FORMAT_2021 : FORMAT_2019;
        const text = expand(fullSkeleton(format), { 2: String(year) }) + '\n';
        // Loaded here, not at the top, so that the other tests run while the checker is being written.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { checkText } = require('../../server/src/check') as typeof import('../../server/src/check');
        const result = checkText(text, { uri: `skeleton-${formatId}.txt` });
        const bad = result.findings
          .filter((f) => (f.severity === 'error' || f.severity === 'warning') && !ALLOWED.has(f.rule))
          .map((f) => `${f.rule} (${f.severity}) line ${f.range.start.line + 1}: ${f.message}`);
        assert.deepEqual(bad, [], `findings on the ${formatId} skeleton:\n${bad.join('\n')}`);
        assert.deepEqual(result.ruleErrors ?? [], [], 'rules that threw on the skeleton');
      });
    }
  });
});
