// Tokenizes lines of the real sample reports with the TextMate grammar (vscode-textmate +
// vscode-oniguruma, the engine VS Code itself uses) and checks the scopes users see.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { FORMAT_2019, FORMAT_2021 } from '../../server/src/spec';
import { rowLabel, sectionHeading } from '../../server/src/spec/render';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'govreport.tmLanguage.json');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.govreport' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const g = await registry.loadGrammar('text.govreport');
  assert.ok(g, 'grammar text.govreport loads');
  grammar = g;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(line: string): Token[] {
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** Scopes of every character of `part` (first occurrence in the line); they must all be the same token run's. */
function scopesOf(line: string, part: string, occurrence = 0): string[][] {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = line.indexOf(part, start + 1);
  assert.ok(start >= 0, `“${part}” not in “${line}”`);
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  const out: string[][] = [];
  for (let i = start; i < start + part.length; i++) {
    const t = r.tokens.find((tk) => tk.startIndex <= i && i < tk.endIndex)!;
    out.push(t.scopes);
  }
  return out;
}

/** Every character of `part` carries a scope that starts with `scope`. */
function assertScope(line: string, part: string, scope: string, occurrence = 0): void {
  scopesOf(line, part, occurrence).forEach((scopes, i) =>
    assert.ok(
      scopes.some((s) => s === scope || s.startsWith(scope + '.')),
      `“${part}”[${i}] in “${line}”: expected ${scope}, got ${scopes.join(' ')}\ntokens: ${JSON.stringify(tokenize(line))}`,
    ),
  );
}

function assertNoScope(line: string, part: string, scope: string): void {
  for (const scopes of scopesOf(line, part)) {
    assert.ok(!scopes.some((s) => s === scope || s.startsWith(scope + '.')), `“${part}” in “${line}” must not be ${scope}: ${scopes.join(' ')}`);
  }
}

/** A line of a sample report, found by its content (so that the test shows what it checks). */
function sampleLine(file: string, pred: (l: string) => boolean): string {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split(/\r?\n/);
  const l = lines.find(pred);
  assert.ok(l !== undefined, `no such line in ${file}`);
  return l;
}

const KUNMING = 'kunming-xishan-health-2022-pipe.txt';
const XINXIANG = 'xinxiang-health-2020-pipe.txt';
const XINJIANG = 'xinjiang-health-2023-cell-per-line.txt';
const YUYAO = 'yuyao-health-2020-indented.txt';
const LUSHAN = 'lushan-health-2021-tab.txt';

const HEADING = 'markup.heading.2.section.govreport';
const TITLE = 'markup.heading.1.title.govreport';
const SUBHEADING = 'entity.name.section.subheading.govreport';
const NUMBER = 'constant.numeric.cell.govreport';
const FULLWIDTH = 'invalid.illegal.fullwidth-digit.govreport';
const CAPTION = 'entity.name.tag.caption.govreport';
const DATE = 'constant.other.date.govreport';
const ROW = 'support.type.row-label.table3.govreport';

describe('grammar (text.govreport)', () => {
  it('is valid JSON with the scope name the manifest contributes', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.equal(raw.scopeName, 'text.govreport');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(
      pkg.contributes.grammars.some((g: { language: string; scopeName: string; path: string }) => g.language === 'govreport' && g.scopeName === 'text.govreport' && path.resolve(ROOT, g.path) === GRAMMAR_PATH),
      'package.json contributes the grammar',
    );
  });

  it('section headings, at line start and indented (spaces, full-width, en spaces)', () => {
    const line = sampleLine(KUNMING, (l) => l.startsWith('二、主动公开'));
    assertScope(line, '二、主动公开政府信息情况', HEADING);
    // xinjiang indents its headings with three en spaces (U+2002) and a space.
    const indented = sampleLine(XINJIANG, (l) => /^\u2002+ *一、总体情况$/.test(l));
    assertScope(indented, '一、总体情况', HEADING);
    for (const indent of ['\u3000\u3000', '\u2002\u2002', '\t']) assertScope(indent + line, '二、主动公开政府信息情况', HEADING);
    // Older outline (yuyao): 七、 is still a heading.
    assertScope(sampleLine(YUYAO, (l) => l.startsWith('七、')), '七、其他需要报告的事项', HEADING);
  });

  it('the title line, distinct from headings', () => {
    const title = sampleLine(KUNMING, (l) => l.endsWith('年度报告'));
    assertScope(title, title, TITLE);
    assertNoScope(title, title, HEADING);
    assertScope(sampleLine(YUYAO, (l) => l.startsWith('2020年度政府信息公开工作年度报告')), '2020年度政府信息公开工作年度报告', TITLE);
    // A sentence that merely mentions a report is not a title.
    assertNoScope(sampleLine(YUYAO, (l) => l.startsWith('根据新颁布')), '根据', TITLE);
  });

  it('sub-headings: (一) （一） 1、', () => {
    assertScope(sampleLine(KUNMING, (l) => l.startsWith('(一)主动公开')), '(一)主动公开', SUBHEADING);
    assertScope(sampleLine(LUSHAN, (l) => l.startsWith('（一）2021年')), '（一）', SUBHEADING);
    assertScope(sampleLine(LUSHAN, (l) => l.startsWith('1、')), '1、着力加强公开解读回应工作', SUBHEADING);
  });

  it('number cells, signed numbers and full-width digits', () => {
    const licence = sampleLine(KUNMING, (l) => l.startsWith('行政许可 |'));
    assertScope(licence, '1321', NUMBER);
    assertNoScope(licence, '行政许可', NUMBER);
    const negative = sampleLine(XINXIANG, (l) => l.startsWith('行政许可 |'));
    assertScope(negative, '-565', NUMBER);
    assertScope(negative, '711', NUMBER);
    const plus = sampleLine(YUYAO, (l) => l === '\t+1');
    assertScope(plus, '+1', NUMBER);
    const tab = sampleLine(LUSHAN, (l) => l.startsWith('行政处罚\t'));
    assertScope(tab, '154', NUMBER);
    assertScope(sampleLine(XINJIANG, (l) => l === '16520'), '16520', NUMBER);
    // The samples have no full-width digits: the same real row, typed with them.
    const fullwidth = licence.replace('1321', '１３２１');
    assertScope(fullwidth, '１３２１', FULLWIDTH);
    assertNoScope(fullwidth, '１３２１', NUMBER);
    assertScope('\t０', '０', FULLWIDTH);
    // Numbers inside prose are not cells.
    assertNoScope(sampleLine(KUNMING, (l) => l.includes('共接收6件')), '6', NUMBER);
  });

  it('separators: pipes and tabs', () => {
    const pipe = sampleLine(KUNMING, (l) => l.startsWith('行政许可 |'));
    assertScope(pipe, '|', 'punctuation.separator.cell.pipe.govreport');
    const tab = sampleLine(LUSHAN, (l) => l.startsWith('行政处罚\t'));
    assertScope(tab, '\t', 'punctuation.separator.cell.tab.govreport');
  });

  it('table captions 第二十条第（一）项 / 第二十条第(一)项', () => {
    assertScope(sampleLine(LUSHAN, (l) => l.startsWith('第二十条第（一）项')), '第二十条第（一）项', CAPTION);
    assertScope(sampleLine(KUNMING, (l) => l.startsWith('第二十条第(五)项')), '第二十条第(五)项', CAPTION);
    assertScope(sampleLine(YUYAO, (l) => l.trim() === '第二十条第（九）项'), '第二十条第（九）项', CAPTION);
  });

  it('dates 2023年1月28日 and 2024-01-31', () => {
    assertScope(sampleLine(KUNMING, (l) => l === '2023年1月28日'), '2023年1月28日', DATE);
    assertScope(sampleLine(XINJIANG, (l) => l.startsWith('发布时间')), '2024-01-31', DATE);
    assertScope(sampleLine(YUYAO, (l) => l.includes('统计期限')), '2020年12月31日', DATE);
  });

  it('document names 《…》 and document numbers 〔2021〕30号', () => {
    const line = sampleLine(KUNMING, (l) => l.includes('《中华人民共和国政府信息公开条例》'));
    assertScope(line, '《中华人民共和国政府信息公开条例》', 'string.quoted.other.document-name.govreport');
    const doc = `依据${FORMAT_2021.document}和${FORMAT_2019.document}`;
    assertScope(doc, '〔2021〕30号', 'constant.other.document-number.govreport');
    assertScope(doc, '〔2019〕60号', 'constant.other.document-number.govreport');
  });

  it('table-三 rows are row labels, not section headings or sub-headings', () => {
    const first = sampleLine(KUNMING, (l) => l.startsWith('一、本年新收'));
    assertScope(first, '本年新收政府信息公开申请数量', ROW);
    assertNoScope(first, '一、', HEADING);
    assertScope(first, '6', NUMBER);
    const results = sampleLine(KUNMING, (l) => l.startsWith('三、本年度办理结果'));
    assertScope(results, '本年度办理结果', ROW);
    assertScope(results, '予以公开', ROW);
    assertNoScope(results, '三、', HEADING);
    const carried = sampleLine(KUNMING, (l) => l.startsWith('四、结转下年度'));
    assertNoScope(carried, '四、', HEADING);
    assertScope(carried, '结转下年度继续办理', ROW);
    const partly = sampleLine(XINXIANG, (l) => l.startsWith('(二)部分公开'));
    assertScope(partly, '部分公开', ROW);
    assertNoScope(partly, '(二)', SUBHEADING);
    assertScope(sampleLine(LUSHAN, (l) => l.includes('1. 属于国家秘密')), '属于国家秘密', ROW);
    const spacedNote = sampleLine(LUSHAN, (l) => l.includes('(二) 部分公开 ('));
    assertScope(spacedNote, '部分公开', ROW);
    assertNoScope(spacedNote, '(二)', SUBHEADING);
    assertScope(sampleLine(LUSHAN, (l) => l.startsWith('5. 要求行政机关')), '要求行政机关确认或重新出具已获取信息', ROW);
    // Indented one-cell-per-line rows with a known typo (上年转结) are still rows, not headings.
    const typo = sampleLine(YUYAO, (l) => l.includes('二、上年转结'));
    assertScope(typo, '上年转结政府信息公开申请数量', ROW);
    assertNoScope(typo, '二、', HEADING);
  });

  it('every table-三 row label of the spec (with its ordinal, aliases and typos) is a row label', () => {
    for (const format of [FORMAT_2021, FORMAT_2019]) {
      const t3 = format.tables.find((t) => t.id === 't3')!;
      for (const row of t3.rows) {
        const withOrdinal = rowLabel(row);
        for (const line of [`${withOrdinal} | 0 | 0`, `\t${withOrdinal}\t\t0`, withOrdinal]) {
          assertScope(line, row.label.replace(/（.*）$/, ''), ROW);
          if (row.ordinal?.style === 'cn') assertNoScope(line, withOrdinal.slice(0, 2), HEADING);
        }
        for (const variant of [...(row.aliases ?? []), ...(row.typos ?? [])]) assertScope(`${variant} | 0`, variant, ROW);
      }
    }
  });

  it('every standard section heading of the spec is a heading', () => {
    for (const s of FORMAT_2021.sections) {
      assertScope(sectionHeading(s), sectionHeading(s), HEADING);
      for (const v of s.variants) assertScope(`${sectionHeading(s).slice(0, 2)}${v}`, v, HEADING);
    }
  });

  it('the expanded full skeletons: headings, captions, row labels and value cells', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'govreport.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    for (const [prefix, format] of [
      ['年报', FORMAT_2021],
      ['年报2019', FORMAT_2019],
    ] as const) {
      const body = Object.values(snippets).find((s) => s.prefix.includes(prefix))!.body.join('\n');
      // The skeletons use only ${n:default} and ${n}; no nesting, no escapes needed by their text.
      const defaults = new Map<string, string>();
      const text = body
        .replace(/\$\{(\d+):([^}]*)\}/g, (_m, n: string, d: string) => (defaults.set(n, d), d))
        .replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '');
      const lines = text.split('\n');
      assertScope(lines[0], lines[0], TITLE);
      for (const s of format.sections) assertScope(sectionHeading(s), sectionHeading(s), HEADING);
      for (const s of format.sections) assert.ok(lines.includes(sectionHeading(s)), `${prefix}: ${sectionHeading(s)}`);
      for (const t of format.tables) if (t.caption) assertScope(t.caption, t.caption, CAPTION);
      const t3 = format.tables.find((t) => t.id === 't3')!;
      for (const row of t3.rows) {
        const line = lines.find((l) => l.split(' | ')[0] === rowLabel(row));
        assert.ok(line, `${prefix}: row ${rowLabel(row)}`);
        assertScope(line, row.label.replace(/（.*）$/, ''), ROW);
        if (!row.group) assertScope(line, '0', NUMBER);
      }
      assertScope(lines[lines.length - 1], lines[lines.length - 1], DATE);
      assertScope(lines[1], format.document.slice(format.document.indexOf('〔')), 'constant.other.document-number.govreport');
    }
  });

  // vscode-textmate's per-line time limit is only a hang guard here (10 s: a catastrophic pattern never
  // finishes, a busy machine never takes that long); how fast tokenizing is, is not a test's business.
  it('tokenizes every line of every sample report, and a pathological line, to the end', () => {
    let lines = 0;
    for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.txt'))) {
      let state = vsctm.INITIAL;
      for (const line of fs.readFileSync(path.join(FIXTURES, f), 'utf8').split(/\r?\n/)) {
        const r = grammar.tokenizeLine(line, state, 10_000);
        assert.ok(!r.stoppedEarly, `${f}: tokenizing stopped early on “${line.slice(0, 40)}…”`);
        state = r.ruleStack;
        lines++;
      }
    }
    // A pathological line: long runs with no separator and no match.
    const long = '第'.repeat(5000) + '|'.repeat(2000) + '1'.repeat(5000) + '（'.repeat(3000);
    assert.ok(!grammar.tokenizeLine(long, vsctm.INITIAL, 10_000).stoppedEarly, 'long line');
    assert.ok(lines > 1000);
  });
});
