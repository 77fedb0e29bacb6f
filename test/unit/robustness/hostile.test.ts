// Hostile input: empty files, a 10 MB line, a 100,000-row table, repeated headings, binary data,
// invalid UTF-8, GBK, mixed line endings, zero-width/full-width/bidi characters, lone surrogates,
// and the worst cases for every regular expression in server/src. Each must give sensible findings
// or the clear "not a report" finding (report-title, 未识别出…) — never an exception or a freeze.
// Big inputs run in a worker thread with a hard deadline (isolated.ts): a hang fails the test.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { checkText } from '../../../server/src/check';
import { fixAll } from '../../../server/src/fix';
import { decodeReport } from '../../../server/src/io/decode';
import { FIXTURES, encodeGbk } from './props';
import { Isolated, type CheckSummary, type Pump } from './isolated';

const MB = 1024 * 1024;
const SRC = join(__dirname, '..', '..', '..', 'server', 'src');
const sample = (prefix: string) => FIXTURES.find((f) => f.name.startsWith(prefix))!.text;
const NOT_A_REPORT = /^未识别出/;

/** Deterministic bytes (xorshift), so failures reproduce. */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

function describeFindings(s: CheckSummary): string {
  return s.findings.slice(0, 12).map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.message}`).join('\n');
}

/** The same check in this thread, for small inputs: no exception, no rule error, ranges inside. */
function checkSmall(text: string) {
  const r = checkText(text);
  assert.deepEqual(r.ruleErrors, []);
  const lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  for (const f of r.findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line < lengths.length && p.character <= lengths[p.line], `${f.rule} range ${JSON.stringify(f.range)} outside the document`);
    }
  }
  return r;
}

function isNotAReport(findings: { rule: string; message: string }[]): boolean {
  return findings.some((f) => f.rule === 'report-title' && NOT_A_REPORT.test(f.message));
}

const key = (f: { rule: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message}`;

describe('robustness: hostile input', function () {
  this.timeout(120_000);
  this.slow(5_000);
  const iso = new Isolated();

  before(async () => { await iso.ready(); });
  after(async () => { await iso.close(); });

  /**
   * checkText in the worker: it finishes (`timeoutMs` is a hang guard, far above any machine's time for
   * linear work on these sizes — how fast is the benchmark's business), no rule error, ranges inside.
   */
  async function checkBig(text: string, timeoutMs = 60_000): Promise<CheckSummary> {
    const o = await iso.check(text, timeoutMs);
    if (!o.ok) assert.fail(o.timedOut ? `checkText did not finish within ${timeoutMs} ms (${(text.length / MB).toFixed(2)} MB): a hang` : `checkText threw: ${o.error}`);
    const s = o.value;
    assert.deepEqual(s.ruleErrors, [], 'no rule throws');
    assert.equal(s.badRange, undefined, `a range lies outside the document: ${s.badRange}`);
    return s;
  }

  describe('empty and non-report text', () => {
    for (const [name, text] of [
      ['an empty file', ''], ['a single newline', '\n'], ['blank CRLF lines', '\r\n\r\n\r\n'], ['spaces and tabs', '  \t \u3000\n\t'],
      ['only a BOM', '\ufeff'], ['only zero-width and bidi marks', '\u200b\u200c\u200d\u200e\u200f\u202e\u2066\n\u2060'],
      ['English prose', 'Hello world. This is not a report.\nIt has two lines.'], ['JSON', '{"a": 1, "b": [1, 2, 3]}'],
      ['Chinese prose', '今天天气很好，我们去公园散步。公园里有很多人。\n第二段：小明说，他收到了3件礼物。'],
      ['source code', readFileSync(join(SRC, 'fix.ts'), 'utf8')],
    ] as const) {
      it(`${name}: one clear “not a report” finding`, () => {
        const r = checkSmall(text);
        assert.ok(r.report.notAReport, 'notAReport');
        assert.ok(isNotAReport(r.findings), r.findings.map((f) => `${f.rule} ${f.message}`).join('\n'));
        assert.equal(r.findings.length, 1, 'nothing else is reported about a non-report');
      });
    }
  });

  describe('size', () => {
    it('a single 10 MB line finishes with the “not a report” finding', async () => {
      const unit = '坚持信息公开是常态、不公开是例外，全年收到申请12件，办结12件，第二十条第（一）项 | 1 | 2 | ';
      const text = unit.repeat(Math.ceil((10 * MB) / unit.length)).slice(0, 10 * MB);
      const s = await checkBig(text);
      assert.ok(isNotAReport(s.findings), describeFindings(s));
    });

    it('a report followed by a 2 MB line is still read as a report', async () => {
      const text = `${sample('kunming')}\n${'备注：本报告数据截至2022年12月31日，'.repeat((2 * MB) / 20)}`;
      const s = await checkBig(text);
      assert.equal(s.notAReport, false);
      assert.equal(s.format, '2021');
      assert.equal(s.year, 2022);
      assert.ok(s.sections >= 6, `${s.sections} sections`);
    });

    it('a 100,000-row table finishes and keeps the report structure', async () => {
      const lines = sample('kunming').split('\n');
      const at = lines.findIndex((l) => l.startsWith('行政处罚 |'));
      const rows = Array.from({ length: 100_000 }, (_, k) => `行政处罚 | ${k % 1000}`);
      const s = await checkBig([...lines.slice(0, at), ...rows, ...lines.slice(at + 1)].join('\n'));
      assert.equal(s.notAReport, false);
      assert.equal(s.year, 2022);
      assert.ok(s.tables >= 5, `${s.tables} tables`);
      assert.ok(s.lineCount > 100_000);
    });

    it('a 100,000-row table 三 (one row repeated) finishes', async () => {
      const lines = sample('kunming').split('\n');
      const at = lines.findIndex((l) => l.startsWith('3.要求提供公开出版物'));
      const s = await checkBig([...lines.slice(0, at), ...Array<string>(100_000).fill(lines[at]), ...lines.slice(at)].join('\n'));
      assert.equal(s.notAReport, false);
    });

    it('deeply repeated headings: the six section headings 10,000 times over', async () => {
      const six = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
      const s = await checkBig(`${sample('kunming').split('\n')[0]}\n${`${six.join('\n')}\n`.repeat(10_000)}`);
      assert.equal(s.notAReport, false);
      assert.ok(s.sections >= 60_000, `${s.sections} sections`);
      assert.ok(s.rules.some((r) => r.startsWith('section-')), `section findings expected, got ${s.rules.join(',')}`);
    });

    it('deeply repeated headings: 50,000 sub-headings, 100,000 title lines', async () => {
      const kunming = sample('kunming');
      const s1 = await checkBig(kunming.replace('(一)主动公开\n', '(一)主动公开\n'.repeat(50_000)));
      assert.equal(s1.notAReport, false);
      const s2 = await checkBig(`${kunming.split('\n')[0]}\n`.repeat(100_000) + kunming);
      assert.equal(s2.notAReport, false);
      assert.ok(s2.findingCount >= 100_000 - 1 && s2.rules.includes('report-title'), 'each repeated title is flagged');
    });
  });

  describe('bytes and encodings', () => {
    it('binary data: decodeReport rejects it; checkText on its latin1 text says “not a report”', async () => {
      for (const seed of [1, 2, 3]) {
        const bytes = noise(256 * 1024, seed);
        const d = decodeReport(bytes);
        assert.equal(d.ok, false, 'random bytes are not text');
        if (!d.ok) assert.ok(d.message.zh && d.message.en);
        const s = await checkBig(bytes.toString('latin1'));
        assert.ok(isNotAReport(s.findings), describeFindings(s));
      }
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4096, 9)]);
      const d = decodeReport(png);
      assert.ok(!d.ok && /PNG/.test(d.message.zh), 'a PNG is named as such');
      // Binary decoded as UTF-8 with replacement characters (what an editor shows): still no crash.
      const s = await checkBig(noise(1 * MB, 4).toString('utf8'));
      assert.ok(isNotAReport(s.findings), describeFindings(s));
    });

    it('invalid UTF-8: decodeReport never throws and says it cannot decode, in both languages', () => {
      const good = Buffer.from(sample('kunming'), 'utf8');
      let mid = 1001;
      while ((good[mid] & 0xc0) !== 0x80) mid++;
      const variants: Record<string, Buffer> = {
        'a lone continuation byte': Buffer.concat([good.subarray(0, 100), Buffer.from([0x80]), good.subarray(100)]),
        'a broken two-byte sequence': Buffer.concat([good.subarray(0, 2000), Buffer.from([0xc3, 0x28]), good.subarray(2000)]),
        'an overlong encoding': Buffer.concat([good, Buffer.from([0xc0, 0xaf])]),
        'an encoded surrogate': Buffer.concat([good.subarray(0, 300), Buffer.from([0xed, 0xa0, 0x80]), good.subarray(300)]),
        'a truncated four-byte sequence': Buffer.concat([good, Buffer.from([0xf0, 0x9f, 0x98])]),
        'a file cut in the middle of a character': good.subarray(0, mid + 1),
        'a BOM then invalid bytes': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good.subarray(0, 50), Buffer.from([0xff]), good.subarray(50)]),
        'only 0xFF bytes': Buffer.alloc(1000, 0xff),
      };
      for (const [name, bytes] of Object.entries(variants)) {
        const d = decodeReport(bytes);
        if (d.ok) {
          // Acceptable only if nothing was silently garbled: no replacement characters in the text.
          assert.ok(!d.text.includes('\ufffd'), `${name}: decoded with replacement characters as ${d.encoding}`);
          checkSmall(d.text);
        } else {
          assert.ok(d.message.zh.length > 0 && d.message.en.length > 0, `${name}: a message in both languages`);
        }
      }
    });

    it('GBK text decodes to exactly the UTF-8 text and gets exactly the same findings', () => {
      for (const f of FIXTURES) {
        const gbk = encodeGbk(f.text);
        if (!gbk) continue; // a character outside GBK's two-byte range
        const d = decodeReport(gbk);
        assert.ok(d.ok, `${f.name}: ${!d.ok && d.message.en}`);
        assert.equal(d.encoding, 'gb18030');
        assert.equal(d.text, f.text);
        assert.deepEqual(checkText(d.text).findings.map(key), checkText(f.text).findings.map(key));
      }
    });
  });

  describe('characters and line endings', () => {
    it('mixed CRLF/LF/CR line endings give the same findings as LF, and the same fixes', () => {
      const eols = ['\n', '\r\n', '\r', '\r\n', '\n', '\r'];
      for (const f of FIXTURES) {
        const lines = f.text.split('\n');
        // A lone CR followed by an empty LF line would read as one CRLF: use CRLF there instead.
        const eol = (i: number) => (eols[i % eols.length] === '\r' && lines[i + 1] === '' ? '\r\n' : eols[i % eols.length]);
        const mixed = lines.map((l, i) => l + (i < lines.length - 1 ? eol(i) : '')).join('');
        assert.equal(mixed.split(/\r\n|\r|\n/).length, lines.length);
        assert.deepEqual(checkSmall(mixed).findings.map(key), checkText(f.text).findings.map(key), f.name);
        // Fixes insert their own line breaks; with those normalised, the result is the LF result.
        assert.equal(fixAll(mixed).text.replace(/\r\n?/g, '\n'), fixAll(f.text).text, `${f.name}: fixAll depends on the line endings`);
      }
    });

    it('zero-width characters in headings and labels keep the structure', () => {
      for (const f of FIXTURES) {
        const zw = f.text.replace(/^([一二三四五六])、/gm, '$1、\u200b').replace(/(总计|自然人|行政许可)/g, '\u200b$1\u200c');
        const plain = checkText(f.text).report;
        const r = checkSmall(zw);
        assert.equal(r.report.notAReport, false, f.name);
        assert.equal(r.report.sections.filter((s) => s.std).length, plain.sections.filter((s) => s.std).length, `${f.name}: standard sections found`);
      }
    });

    it('full-width digits in tables are flagged by number-invalid and fixed to ASCII', () => {
      const text = sample('kunming').replace(/\| (\d+) \|/g, (m, d: string) => `| ${[...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')} |`);
      const r = checkSmall(text);
      assert.ok(r.findings.some((f) => f.rule === 'number-invalid'), 'full-width digits are reported');
      const fixed = fixAll(text).text;
      assert.ok(!/[０-９]/.test(fixed.split('\n').filter((l) => l.includes('|')).join('\n')), 'fixAll turns table digits to ASCII');
      assert.ok(!checkText(fixed).findings.some((f) => f.rule === 'number-invalid'));
    });

    it('right-to-left marks and overrides do not break parsing', () => {
      for (const f of FIXTURES) {
        const rtl = f.text.split('\n').map((l, i) => (i % 3 === 0 ? `\u200f${l}` : i % 3 === 1 ? `\u202e${l}\u202c` : `${l}\u2067\u2069`)).join('\n');
        const r = checkSmall(rtl);
        assert.equal(r.report.notAReport, false, f.name);
        assert.ok(r.report.sections.length >= 3, `${f.name}: ${r.report.sections.length} sections`);
      }
    });

    it('lone surrogates, NULs and other controls anywhere', () => {
      const junk = ['\ud800', '\udfff', '\u0000', '\u0001', '\u001b[31m', '\u007f', '\ufffe', '\uffff', '\u2028', '\u2029', '\u0085'];
      for (const f of FIXTURES) {
        let text = f.text;
        for (let i = 0; i < 60; i++) {
          const at = (i * 7919) % text.length;
          text = text.slice(0, at) + junk[i % junk.length] + text.slice(at);
        }
        checkSmall(text);
        fixAll(text);
      }
    });
  });

  describe('catastrophic backtracking', () => {
    // Every regular expression literal (and `new RegExp` with a literal pattern) in server/src.
    const regexes = findRegexLiterals(SRC);

    it('finds the regular expressions of server/src', () => {
      assert.ok(regexes.length >= 40, `${regexes.length} found`);
    });

    it('every regular expression in server/src finishes on its pumped worst cases at 1 M characters', async function () {
      this.timeout(600_000);
      const slow: string[] = [];
      for (const r of regexes) {
        // 30 s is a hang guard: linear work on 1 M characters takes milliseconds, quadratic work never ends.
        const o = await iso.probe(r.source, r.flags, pumps(r.source), 30_000);
        if (!o.ok) slow.push(`${r.where} /${r.source}/${r.flags}: ${o.timedOut ? `super-linear: ${o.error}` : o.error}`);
      }
      assert.deepEqual(dedupe(slow), [], 'super-linear regular expressions');
    });

    // The same worst cases through checkText, where the parser and rules actually apply them.
    const kunming = sample('kunming');
    const lines = kunming.split('\n');
    const afterLine = (needle: string, extra: string) => {
      const i = lines.findIndex((l) => l.includes(needle));
      return [...lines.slice(0, i + 1), extra, ...lines.slice(i + 1)].join('\n');
    };
    const cases: { name: string; build: (n: number) => string }[] = [
      { name: 'a Markdown rule line with trailing spaces inside a table (cells.ts MARKDOWN_RULE)', build: (n) => afterLine('信息内容 | 本年制发件数', `|---${' '.repeat(n)}x`) },
      { name: 'an annex line with trailing spaces at the end (parse.ts findAnnex)', build: (n) => `${kunming}\n附件${' '.repeat(n)}x\n` },
      { name: 'a claim with a long run of digits before 件 (narrative-mismatch)', build: (n) => afterLine('(二)依申请公开', `全年共收到政府信息公开申请${'1'.repeat(n)}x件。`) },
      { name: 'a clause of many figures (narrative-mismatch: subjects and years found once per clause)', build: (n) => afterLine('(二)依申请公开', `全年共收到政府信息公开申请${'5件,'.repeat(n / 3)}。`) },
      { name: 'a claim with many spaced numbers (narrative-mismatch)', build: (n) => afterLine('(二)依申请公开', `收到申请${'1 '.repeat(n / 2)}x件。`) },
      { name: 'a labelled date with a long gap (outline.ts DATE_LABELLED)', build: (n) => `${kunming}\n发布时间${' '.repeat(n)}x\n` },
      { name: 'a long run of ordinals (readOrdinal)', build: (n) => afterLine('(二)依申请公开', `${'一'.repeat(n)}、`) },
      { name: 'a long aligned row (two-space runs)', build: (n) => afterLine('(二)依申请公开', `规章${'  1'.repeat(n / 3)}`) },
      { name: 'a long label in parentheses (baseKey)', build: (n) => afterLine('信息内容 | 本年制发件数', `规章(${'a'.repeat(n)} | 0 | 0 | 0`) },
      { name: 'a title-like line with a long gap before 年 (parse.ts year)', build: (n) => `某某局2022${' '.repeat(n)}x\n${kunming}` },
    ];
    for (const c of cases) {
      // A line of 1 M characters: linear work is a second or two, quadratic work 5·10¹¹ steps that never
      // end — the worker's deadline is the hang guard, not a speed figure (that is npm run bench's).
      it(`${c.name}: finishes on a 1 M-character line`, async function () {
        this.timeout(180_000);
        const s = await checkBig(c.build(1 << 20), 120_000);
        assert.ok(s.lineCount > 1);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

interface RegexLiteral { where: string; source: string; flags: string }

/** All regex literals and `new RegExp('literal', 'flags')` calls in the TypeScript files under `dir`. */
function findRegexLiterals(dir: string): RegexLiteral[] {
  const out: RegexLiteral[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.ts')) {
        const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
        const where = (n: ts.Node) => `${file.slice(SRC.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
        const visit = (n: ts.Node): void => {
          if (ts.isRegularExpressionLiteral(n)) {
            const text = n.text;
            const slash = text.lastIndexOf('/');
            out.push({ where: where(n), source: text.slice(1, slash), flags: text.slice(slash + 1) });
          } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText(sf) === 'RegExp' && n.arguments?.length && ts.isStringLiteral(n.arguments[0])) {
            const flags = n.arguments[1] && ts.isStringLiteral(n.arguments[1]) ? n.arguments[1].text : '';
            out.push({ where: where(n), source: n.arguments[0].text, flags });
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Worst-case candidates for one pattern: a prefix that lets the match get going, a long pumped run
 * of one unit, then a character that makes it fail — the shape of every classic ReDoS input.
 * Prefixes and units come from the pattern's own literal words plus the structural tokens reports use.
 */
function pumps(source: string): Pump[] {
  const words = dedupe(source.replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\./g, ' ').match(/[\u3000-\u9fff\uff00-\uffef]+|[A-Za-z]{2,}/g) ?? []).slice(0, 6);
  const prefixes = dedupe(['', '|---', '2022年', '第二十条第', '发布时间', '附件', '(', ...words]);
  const units = dedupe([' ', '\t', '1', 'a', '-', '|', '(', ',', '。', '一', '件', '\u3000', ' 1', '-|', ...words.map((w) => w[0])]);
  const suffixes = dedupe(['\u0001', '\u0001件', ...words.slice(-2).map((w) => `\u0001${w}`)]);
  const out: Pump[] = [];
  for (const prefix of prefixes) for (const unit of units) for (const suffix of suffixes) out.push({ prefix, unit, suffix });
  return out;
}
