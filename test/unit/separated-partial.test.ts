// Plain pdftotext can scatter the first rows of table 三 (their figures printed before their labels, a few
// after them) while the rows below stand label-then-figures, and the labels of the last rows come after
// the table (parse/separated-partial.ts). No single reading exists, but the certain rows and the pool of
// the others' figures still prove some sums wrong in every placement (rules/separated-sums.ts).
// Shaped like the plain-pdftotext texts of the 平潭 片区 reports; the table's figures are the fixture's.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const PIPE = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');
const HEAD = 29; // 0-based index of the heading 三、收到和处理…; rows on 1-based lines 34–58
const ROWS = PIPE.slice(33, 58).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
const isFigure = (c: string) => /^\d+$/.test(c);
const at = (label: string) => ROWS.findIndex((r) => r.some((c) => c.includes(label)));
const TOP = 4; // 一、本年新收, 二、上年结转, (一)予以公开, (二)部分公开: figures scattered
const LATE = [at('5.要求'), at('1.申请人'), at('2.申请人'), at('3.其他')]; // labels after the table

/**
 * Table 三 as plain pdftotext prints such a page: a cell per line, an empty line after each. The top rows'
 * 28 figures come column by column, all but three before the first label; 一 and 二 keep those three after
 * their labels, (一) and (二) stand bare. The LATE rows' labels are printed after （七）/四, their figures
 * stay after 4.无正当理由大量反复申请's. `edit` changes the figures first (a row is label cells + 7 figures).
 */
function scattered(edit: (rows: string[][]) => void = () => {}, head: string[] = PIPE.slice(0, HEAD + 1)): string {
  const rows = ROWS.map((r) => r.slice());
  edit(rows);
  const cells = (xs: string[]) => xs.flatMap((c) => [c, '']);
  const top = [0, 1, 2, 3, 4, 5, 6].flatMap((c) => rows.slice(0, TOP).map((r) => r.filter(isFigure)[c]));
  const body: string[] = [...cells(top.slice(0, top.length - 3))];
  const tail = top.slice(top.length - 3);
  rows.slice(0, TOP).forEach((r, i) => {
    body.push(...cells(r.filter((c) => !isFigure(c))));
    if (i === 0) body.push(...cells(tail.slice(0, 2)));
    if (i === 1) body.push(...cells(tail.slice(2)));
  });
  const late: string[] = [];
  rows.slice(TOP).forEach((r, j) => {
    const labels = r.filter((c) => !isFigure(c));
    if (LATE.includes(j + TOP)) late.push(...labels);
    else body.push(...cells(labels));
    body.push(...cells(r.filter(isFigure)));
  });
  const header = PIPE.slice(HEAD + 1, HEAD + 4).flatMap((l) => cells(l.split('|').map((c) => c.trim()).filter(Boolean)));
  return [...head, ...header, ...body, ...late, '', ...PIPE.slice(58)].join('\n');
}

const set = (rows: string[][], label: string, figures: number[]) => {
  const r = rows[at(label)];
  r.splice(r.length - 7, 7, ...figures.map(String));
};
const sums = (text: string) => checkText(text).findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'balance-mismatch');
const t3 = (text: string) => checkText(text).report.tables.find((t) => t.id === 't3')!;
const lineOf = (text: string, f: { range: { start: { line: number } } }) => text.split('\n')[f.range.start.line];

describe('plain pdftotext: sums of a table read without columns that fail in every placement', () => {
  it('the clean table in that shape is not read and nothing is reported on its sums', () => {
    const text = scattered();
    const t = t3(text);
    assert.ok(t.unread, 'no single reading: the table stays unread');
    assert.deepEqual(t.unread.partial?.open, ['new', 'carried', 'r1', 'r2']);
    assert.equal(t.unread.partial?.pool.length, 28);
    assert.deepEqual(sums(text), []);
    assert.ok(checkText(text).findings.some((f) => f.rule === 'table-unreadable'));
  });

  it('a 总计 left 0 in a certain row is reported on that row, saying the table was read without columns', () => {
    const text = scattered((rows) => set(rows, '(七)总计', [6, 0, 0, 0, 0, 0, 0]));
    const f = sums(text);
    const across = f.find((x) => x.message.startsWith('“(七)总计”的总计 0 ≠ 各项之和 6'));
    assert.ok(across, f.map((x) => x.message).join('\n'));
    assert.match(across.message, /不分列的文本/);
    assert.equal(lineOf(text, across), '(七)总计');
    assert.deepEqual(across.fixes ?? [], [], 'which cell is wrong is not known: no fix');
    // The 总计 column: (七) 0 while the certain result rows alone hold 2 (不掌握) — whatever (一)/(二) hold.
    assert.ok(f.some((x) => x.rule === 'total-mismatch' && x.message.startsWith('“总计”列的（七）总计 0 ≠ 各办理结果之和 2–')), f.map((x) => x.message).join('\n'));
  });

  it('a certain row whose 总计 is wrong is reported on its row; the odd sum of the whole table adds nothing then', () => {
    const text = scattered((rows) => set(rows, '(七)总计', [6, 0, 0, 0, 0, 0, 5]));
    const f = sums(text);
    assert.ok(f.some((x) => x.message.startsWith('“(七)总计”的总计 5 ≠ 各项之和 6')), f.map((x) => x.message).join('\n'));
    assert.ok(!f.some((x) => /是奇数/.test(x.message)), f.map((x) => x.message).join('\n'));
  });

  it('a figure of a row whose label was printed after the table counts where its row is', () => {
    // (六)3.其他 holds 1 (its figures follow 4.无正当理由's): with 不掌握 2 the 自然人 results are at least 3, (七) says 2.
    const text = scattered((rows) => {
      set(rows, '3.其他', [1, 0, 0, 0, 0, 0, 1]);
      set(rows, '(七)总计', [2, 0, 0, 0, 0, 0, 2]);
    });
    const f = sums(text).filter((x) => x.message.startsWith('“自然人”列的（七）总计 2 ≠ 各办理结果之和 3–'));
    assert.equal(f.length, 1, sums(text).map((x) => x.message).join('\n'));
    assert.equal(lineOf(text, f[0]), '(七)总计');
  });

  it('rows that cannot balance over all their columns, while no single column is certain, are reported once', () => {
    // 新收 1 and nothing carried (in the pool: two 1s), but （七）总计 1 + 结转下年度 1 in 自然人 and 总计: 4 against at most 2.
    const text = scattered((rows) => {
      set(rows, '一、本年新收', [1, 0, 0, 0, 0, 0, 1]);
      set(rows, '(一)予以公开', [0, 0, 0, 0, 0, 0, 0]);
      set(rows, '1.本机关不掌握', [0, 0, 0, 0, 0, 0, 0]);
      set(rows, '3.其他', [1, 0, 0, 0, 0, 0, 1]);
      set(rows, '(七)总计', [1, 0, 0, 0, 0, 0, 1]);
      set(rows, '四、结转下年度', [1, 0, 0, 0, 0, 0, 1]);
    });
    const f = sums(text);
    assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
    assert.equal(f[0].rule, 'balance-mismatch');
    assert.match(f[0].message, /^各列（自然人、.*、总计）合计不平衡：一、本年新收 ＋ 二、上年结转 = 0–2，而（七）总计 ＋ 四、结转下年度 = 4/);
    assert.equal(lineOf(text, f[0]), '四、结转下年度继续办理');
  });

  it('a label read twice (header pieces 总 / 然 / 其 他 / 计 printed among the labels read as 其他) is one row', () => {
    const r2 = '(二)部分公开(区分处理的,只计这一情形,不计其他情形)';
    const text = scattered((rows) => set(rows, '(七)总计', [6, 0, 0, 0, 0, 0, 0])).replace(`\n${r2}\n`, `\n${r2}\n\n总\n\n然\n\n其\n他\n\n计\n`);
    const t = t3(text);
    assert.equal(t.rows.filter((r) => r.id === 'r6_3').length, 2, 'the header pieces read as a second 3.其他');
    assert.ok(t.unread?.partial);
    assert.ok(sums(text).some((x) => x.message.startsWith('“(七)总计”的总计 0 ≠ 各项之和 6')), sums(text).map((x) => x.message).join('\n'));
  });

  it('not when the pool could make the sum hold, nor when a figure is missing from the text', () => {
    // Wrong only inside the scattered rows (一's 总计 5 for 6): some placement balances every sum of a row or a
    // column; only the whole table's sum, odd, still shows it (separated-parity.ts), once.
    const inPool = sums(scattered((rows) => set(rows, '一、本年新收', [6, 0, 0, 0, 0, 0, 5])));
    assert.deepEqual(inPool.map((f) => f.message.replace(/：无论.*$/, '')), ['“收到和处理政府信息公开申请情况”取自不分列的文本，数值无法逐格对应；但全表 175 个数值之和 35 是奇数，而每行的“总计”等于各项之和时，全表之和是“总计”列之和的两倍，必为偶数']);
    // Off by 2 instead (总计 4), the whole sum is even: then nothing is certain.
    assert.deepEqual(sums(scattered((rows) => set(rows, '一、本年新收', [6, 0, 0, 0, 0, 0, 4]))).map((f) => f.message), []);
    // A certain fault, but a cell pdftotext dropped (an empty cell) leaves the pool one short: the blank may be
    // in any row, so no row is certain (separated-short.ts) and (七)'s 总计 0 is no longer certain to be wrong.
    const dropped = scattered((rows) => {
      set(rows, '(七)总计', [6, 0, 0, 0, 0, 0, 0]);
      rows[at('2.重复申请')].splice(-1, 1);
    });
    assert.equal(t3(dropped).unread?.partial?.scattered, true);
    assert.equal(t3(dropped).unread?.partial?.known.size, 0);
    assert.deepEqual(sums(dropped).map((f) => f.message), []);
    // …and the same fault with the figure in place is reported (the test above is not vacuous).
    assert.ok(sums(scattered((rows) => set(rows, '(七)总计', [6, 0, 0, 0, 0, 0, 0]))).length > 0);
  });
});

/** The report's lines before table 三 with line `i` (0-based) replaced. */
const headWith = (i: number, ...lines: string[]) => [...PIPE.slice(0, i), ...lines, ...PIPE.slice(i + 1, HEAD + 1)];
const PROSE = 7; // 2022年,通过互联网渠道和线下渠道共接收6件公开申请…
const ACTIVE = 5; // (一)主动公开's paragraph
const T21 = PIPE.findIndex((l) => l.startsWith('第二十条第(一)项'));

describe('plain pdftotext: what else a table read without columns still tells', () => {
  it('whole rows of figures missing (cells left blank, which the text drops): one warning at （七）总计, no sum finding', () => {
    const text = scattered((rows) => { for (const l of ['2.申请人', '3.其他']) rows[at(l)].splice(-7, 7); });
    const f = checkText(text).findings.filter((x) => x.rule === 'number-invalid');
    assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /少 14 个，恰为 2 行/);
    assert.equal(lineOf(text, f[0]), '(七)总计');
    assert.deepEqual(sums(text), [], 'blank reads as 0: the sums hold');
    // Not whole rows (one figure more short): the count still says how many cells are blank, not which.
    const short = scattered((rows) => { rows[at('2.申请人')].splice(-7, 7); rows[at('3.其他')].splice(-1, 1); });
    const cells = checkText(short).findings.filter((x) => x.rule === 'number-invalid');
    assert.equal(cells.length, 1, cells.map((x) => x.message).join('\n'));
    assert.match(cells[0].message, /有 8 个单元格是空白的（空白按 0 计），但是哪几格无法从文本判断/);
    assert.deepEqual(sums(short), []);
  });

  it('the whole-rows-missing warning stands on one line: （七）总计, or the table\'s first line when that label is not read', () => {
    const text = scattered((rows) => { for (const l of ['2.申请人', '3.其他']) rows[at(l)].splice(-7, 7); });
    const f = checkText(text).findings.find((x) => x.rule === 'number-invalid')!;
    assert.equal(lineOf(text, f), '(七)总计');
    // A real plain-pdftotext text (平潭 市场监督管理局 2022) without its （七）总计 label: still a partial reading,
    // said on the table's first line — not over the table's 437 lines.
    const real = readFileSync(join(__dirname, '..', 'fixtures', 'real', 'pingtan-market-2022.pdf-raw.txt'), 'utf8');
    assert.equal(lineOf(real, checkText(real).findings.find((x) => x.rule === 'number-invalid' && /少 14 个/.test(x.message))!), '（七）总计');
    const without = real.replace('\n（七）总计\n', '\n');
    const g = checkText(without).findings.filter((x) => x.rule === 'number-invalid' && /不分列的文本，其中的数值比/.test(x.message));
    assert.equal(g.length, 1, checkText(without).findings.map((x) => `${x.rule} ${x.message}`).join('\n'));
    assert.equal(g[0].range.start.line, g[0].range.end.line, JSON.stringify(g[0].range));
    assert.equal(g[0].range.start.line, t3(without).range.start.line);
  });

  it('a prose figure that names only certain rows is compared; one that needs a scattered row is not', () => {
    // 不予公开 is the eight certain rows of (三), all 0; 予以公开 is (一), scattered: no figure is claimed for it.
    const text = scattered(undefined, headWith(PROSE, '2022年,共收到政府信息公开申请6件,其中予以公开5件,不予公开1件。'));
    const f = checkText(text).findings.filter((x) => x.rule === 'narrative-mismatch');
    assert.deepEqual(f.map((x) => x.message.replace(/（该表.*$/, '')), ['正文“不予公开1件”与表三不一致：表中“（三）不予公开”1–8 项之和为 0 件']);
    assert.match(f[0].message, /不分列的文本/);
  });

  it('table 二 read without columns: a prose figure that none of its rows\' figures is, is reported with those figures', () => {
    // 规章 0 | 0 | 0 and 行政规范性文件 12 | 3 | 250, printed as plain pdftotext does (the first figure after its label).
    const t21 = ['第二十条第（一）项', '', '信息内容', '', '本年制发件数 本年废止件数 现行有效件数', '', '规章', '', '0', '', '行政规范性文件 12', '', '0', '', '0', '', '3', '', '250', ''];
    const text = (n: number) => scattered(undefined, [...headWith(ACTIVE, `在主动公开方面,全面清理并集中发布现行有效行政规范性文件${n}件。`).slice(0, T21), ...t21, ...PIPE.slice(T21 + 4, HEAD + 1)]);
    const f = (n: number) => checkText(text(n)).findings.filter((x) => x.rule === 'narrative-mismatch');
    assert.ok(checkText(text(240)).report.tables.find((t) => t.id === 't2.1')?.unread?.partial);
    assert.deepEqual(f(240).map((x) => x.message.replace(/（该表.*$/, '')), ['正文“全面清理并集中发布现行有效行政规范性文件240件”与表二不一致：表中“行政规范性文件”的“现行有效件数”是 0、3、12、250 中的一个，不是 240']);
    // 12 and 250 are figures of those rows: some placement agrees, nothing is said.
    assert.deepEqual(f(250).map((x) => x.message), []);
    assert.deepEqual(f(12).map((x) => x.message), []);
  });
});
