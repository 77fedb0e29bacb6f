// Generates snippets/govreport.code-snippets from the format data in server/src/spec.
// The spec is the single source of truth: every heading, caption, column and row label below comes
// from it (through render.ts); this file only adds tab stops, prefixes and descriptions.
//
//   npx tsx scripts/gen-snippets.ts           write the file
//   npx tsx scripts/gen-snippets.ts --check   exit 1 when the file differs from what would be written
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORMAT_2019, FORMAT_2021, SECTIONS } from '../server/src/spec';
import type { FormatSpec, SectionSpec, TableSpec } from '../server/src/spec';
import { ordinalText, renderTable, sectionHeading } from '../server/src/spec/render';
import { CN_NUMERALS } from '../server/src/spec/sections';
import { AGENCY_PLACEHOLDER, overviewTopics, topicPlaceholder } from '../server/src/spec/placeholders';

export { overviewTopics };

export const SNIPPETS_FILE = path.resolve(__dirname, '..', 'snippets', 'govreport.code-snippets');
export const SNIPPET_SCOPE = 'govreport';

export interface Snippet {
  scope: string;
  prefix: string[];
  body: string[];
  description: string;
}

export type SnippetFile = Record<string, Snippet>;

/** Report year each format's skeleton defaults to (the format's last or current year). */
export const DEFAULT_YEAR: Record<'2021' | '2019', number> = { '2021': 2024, '2019': 2020 };

/** Escapes text for a snippet body: `$`, `}` and `\` are special in VS Code snippet syntax. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, (m) => '\\' + m);
}

// Sentinel that stands for a value cell while a table is rendered, so that the rendered text can be
// escaped as a whole before the tab stops are put in.
const VALUE_MARK = '\u0000';
const VALUE_RE = new RegExp(`${VALUE_MARK}(\\d+)${VALUE_MARK}`, 'g');

/** Accumulates the lines of one snippet body and hands out tab-stop numbers in document order. */
class Body {
  readonly lines: string[] = [];
  private nextStop: number;

  constructor(firstStop = 1) {
    this.nextStop = firstStop;
  }

  /** A new tab stop with a default text: `${n:default}`. */
  stop(defaultText: string): string {
    return `\${${this.nextStop++}:${escapeSnippetText(defaultText)}}`;
  }

  /** Plain text (escaped). */
  text(s: string): string {
    return escapeSnippetText(s);
  }

  push(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** A template table in pipe layout; every value cell is a tab stop defaulting to 0. */
  table(table: TableSpec): this {
    const rendered = renderTable(table, {
      layout: 'pipe',
      value: () => `${VALUE_MARK}${this.nextStop++}${VALUE_MARK}`,
    });
    for (const line of rendered) this.lines.push(escapeSnippetText(line).replace(VALUE_RE, (_m, n: string) => `\${${n}:0}`));
    return this;
  }
}

/** Heading plus body of one section, into `b`. */
function sectionBody(b: Body, format: FormatSpec, s: SectionSpec): void {
  b.push(b.text(sectionHeading(s)));
  const tables = format.tables.filter((t) => t.section === s.n);
  if (tables.length > 0) {
    for (const t of tables) b.table(t);
    return;
  }
  b.push(b.stop(s.requirement.zh));
  if (s.n === 1) {
    overviewTopics(s).forEach((topic, i) => {
      b.push(b.text(ordinalText({ style: 'paren', value: i + 1 }) + topic));
      b.push(b.stop(topicPlaceholder(topic)));
    });
  }
}

function fullSkeleton(format: FormatSpec & { id: '2021' | '2019' }): string[] {
  const year = DEFAULT_YEAR[format.id];
  const b = new Body(3);
  // $1 = agency, $2 = report year; both are mirrored further down.
  b.push(`\${1:${AGENCY_PLACEHOLDER}}\${2:${year}}年政府信息公开工作年度报告`);
  b.push(
    b.text(`本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和${format.document}的要求编制。`) +
      b.text('本报告中所列数据的统计期限自') +
      '${2}' +
      b.text('年1月1日起至') +
      '${2}' +
      b.text('年12月31日止。'),
  );
  for (const s of format.sections) sectionBody(b, format, s);
  b.push('${1}');
  // A department's report is due by 1月31日 of the next year (《条例》第四十九条).
  b.push(`${b.stop(String(year + 1))}${b.text('年')}${b.stop('1')}${b.text('月')}${b.stop('20')}${b.text('日')}`);
  return b.lines;
}

function sectionSnippet(format: FormatSpec, s: SectionSpec): string[] {
  const b = new Body();
  sectionBody(b, format, s);
  return b.lines;
}

function tableSnippet(table: TableSpec): string[] {
  return new Body().table(table).lines;
}

/** Prefixes of the section snippets, by section number: [Chinese, pinyin]. */
const SECTION_PREFIXES: Record<number, [string, string]> = {
  1: ['总体情况', 'zongti'],
  2: ['主动公开', 'zhudong'],
  3: ['申请情况', 'shenqing-section'],
  4: ['复议诉讼', 'fuyi'],
  5: ['问题改进', 'wenti'],
  6: ['其他事项', 'qita'],
};

/** Pinyin of the Chinese numerals used in 第二十条 captions (for ASCII prefixes). */
const NUMERAL_PINYIN: Record<string, string> = {
  一: 'yi', 二: 'er', 三: 'san', 四: 'si', 五: 'wu', 六: 'liu', 七: 'qi', 八: 'ba', 九: 'jiu', 十: 'shi',
  十一: 'shiyi', 十二: 'shier', 十三: 'shisan', 十四: 'shisi', 十五: 'shiwu',
};

/** [Chinese, pinyin] prefixes of a table snippet, before the format suffix. */
export function tablePrefixes(table: TableSpec): [string, string] {
  if (table.caption) {
    const m = /第[（(]([一二三四五六七八九十]+)[）)]项$/.exec(table.caption);
    if (!m || !NUMERAL_PINYIN[m[1]]) throw new Error(`unexpected caption ${table.caption}`);
    return [`第${m[1]}项`, `di${NUMERAL_PINYIN[m[1]]}xiang`];
  }
  if (table.id === 't3') return ['申请情况表', 'shenqing'];
  if (table.id === 't4') return ['复议诉讼表', 'fuyisusong'];
  throw new Error(`no prefix for table ${table.id}`);
}

function formatLabel(format: FormatSpec): string {
  return `${format.id} 格式`;
}

/** Builds every snippet, in a stable order. */
export function buildSnippets(): SnippetFile {
  const out: SnippetFile = {};
  const add = (name: string, prefix: string[], body: string[], description: string) => {
    if (out[name]) throw new Error(`duplicate snippet name ${name}`);
    out[name] = { scope: SNIPPET_SCOPE, prefix, body, description };
  };

  // 1. Full skeletons.
  add(
    `年度报告全文（${formatLabel(FORMAT_2021)}）`,
    ['年报', 'nianbao', 'report'],
    fullSkeleton(FORMAT_2021 as FormatSpec & { id: '2021' }),
    `政府信息公开工作年度报告全文骨架，${FORMAT_2021.name.zh}：标题、六个部分、全部统计表（数字默认为 0，勾稽关系成立）、落款和日期。`,
  );
  add(
    `年度报告全文（${formatLabel(FORMAT_2019)}）`,
    ['年报2019', 'nianbao2019', 'report2019'],
    fullSkeleton(FORMAT_2019 as FormatSpec & { id: '2019' }),
    `政府信息公开工作年度报告全文骨架，${FORMAT_2019.name.zh}，适用于 2019、2020 年度报告：标题、六个部分、全部统计表（数字默认为 0）、落款和日期。`,
  );

  // 2. Sections. Sections with tables that differ between the formats get a 2019 variant too.
  for (const s of FORMAT_2021.sections) {
    const [zh, py] = SECTION_PREFIXES[s.n];
    const heading = sectionHeading(s);
    const s2019 = FORMAT_2019.sections.find((x) => x.n === s.n)!;
    const t2021 = tableSnippetsOf(FORMAT_2021, s.n);
    const t2019 = tableSnippetsOf(FORMAT_2019, s.n);
    const differs = JSON.stringify(sectionSnippet(FORMAT_2021, s)) !== JSON.stringify(sectionSnippet(FORMAT_2019, s2019));
    const what = t2021.length > 0 ? `及其统计表（${t2021.join('、')}）` : '及占位文字';
    if (!differs) {
      add(heading, [zh, py], sectionSnippet(FORMAT_2021, s), `插入第${CN_NUMERALS[s.n]}部分“${heading}”${what}。要求：${s.requirement.zh}`);
    } else {
      add(`${heading}（${formatLabel(FORMAT_2021)}）`, [zh, py], sectionSnippet(FORMAT_2021, s), `插入第${CN_NUMERALS[s.n]}部分“${heading}”${what}，${FORMAT_2021.name.zh}。`);
      const what19 = `及其统计表（${t2019.join('、')}）`;
      add(
        `${heading}（${formatLabel(FORMAT_2019)}）`,
        [`${zh}2019`, `${py}2019`],
        sectionSnippet(FORMAT_2019, s2019),
        `插入第${CN_NUMERALS[s.n]}部分“${heading}”${what19}，${FORMAT_2019.name.zh}，适用于 2019、2020 年度报告。`,
      );
    }
  }

  // 3. Tables: every standard table of both formats.
  for (const format of [FORMAT_2021, FORMAT_2019]) {
    const suffix = format.id === '2021' ? '' : '2019';
    for (const t of format.tables) {
      const [zh, py] = tablePrefixes(t);
      add(
        `表格：${t.caption ?? t.name.zh}（${formatLabel(format)}）`,
        [zh + suffix, py + suffix],
        tableSnippet(t),
        `插入统计表“${t.name.zh}”，${format.name.zh}；竖线分隔，数字默认为 0。`,
      );
    }
  }
  return out;
}

function tableSnippetsOf(format: FormatSpec, section: number): string[] {
  return format.tables.filter((t) => t.section === section).map((t) => t.caption ?? t.name.zh);
}

/** The exact text of the snippets file. */
export function renderSnippetsFile(): string {
  return JSON.stringify(buildSnippets(), null, 2) + '\n';
}

function main(argv: string[]): number {
  const text = renderSnippetsFile();
  if (argv.includes('--check')) {
    const current = fs.existsSync(SNIPPETS_FILE) ? fs.readFileSync(SNIPPETS_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), SNIPPETS_FILE)} is out of date: run npm run snippets`);
      return 1;
    }
    console.log(`${path.relative(process.cwd(), SNIPPETS_FILE)} is up to date`);
    return 0;
  }
  fs.mkdirSync(path.dirname(SNIPPETS_FILE), { recursive: true });
  fs.writeFileSync(SNIPPETS_FILE, text);
  console.log(`wrote ${Object.keys(buildSnippets()).length} snippets to ${path.relative(process.cwd(), SNIPPETS_FILE)}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
