// The report's title: agency and year, read from one line or from a title broken over two
// (洪泽区人民政府2023年政府信息公开 / 工作年度报告; 2023年度洪泽区人民政府 / 政府信息公开工作年度报告).
import type { Report } from '../model';
import type { LineCells } from './cells';
import { labelKey, ownCopy } from './text';

const YEAR = /[（(]?((?:19|20)\d{2})\s*年度?[）)]?/;
const YEAR_CN = /[（(]?([〇○零一二三四五六七八九]{4})\s*年度?[）)]?/;
const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The year a title names, and the text without it. */
function takeYear(s: string): { year?: number; rest: string; at: number } {
  const m = YEAR.exec(s);
  if (m) return { year: Number(m[1]), rest: s.slice(0, m.index) + s.slice(m.index + m[0].length), at: m.index };
  const c = YEAR_CN.exec(s);
  if (c) {
    let y = 0;
    for (const ch of c[1]) y = y * 10 + CN_DIGIT[ch];
    if (y >= 1990 && y <= 2100) return { year: y, rest: s.slice(0, c.index) + s.slice(c.index + c[0].length), at: c.index };
  }
  return { rest: s, at: -1 };
}

// A batch holds many reports of one agency: each title text is read once (bounded; shared results).
const titles = new Map<string, { agency?: string; year?: number }>();
const TITLES_MAX = 1_000;

/** Agency and year of a title's text (spaces removed). The result is shared: not to be changed. */
export function readTitle(text: string): { agency?: string; year?: number } {
  let t = titles.get(text);
  if (!t) {
    const read = readTitleText(text);
    // Own copies: a slice would keep the whole report it was cut from alive in the cache.
    t = { agency: read.agency === undefined ? undefined : ownCopy(read.agency), year: read.year };
    if (titles.size >= TITLES_MAX) titles.clear();
    titles.set(ownCopy(text), t);
  }
  return t;
}

function readTitleText(text: string): { agency?: string; year?: number } {
  const s = text.replace(/[\s\u3000]+/g, '');
  const { year, rest, at } = takeYear(s);
  // The agency stands before the year, or before 政府信息公开 when the year comes first or last
  // (2023年度洪泽区政府信息公开工作报告; 洪泽区政府信息公开工作年度报告（2023年）).
  const k = s.indexOf('政府信息公开');
  const r = rest.indexOf('政府信息公开');
  let agency = at > 0 && (k < 0 || at < k) ? s.slice(0, at) : r > 0 ? rest.slice(0, r) : '';
  // 洪泽区人民政府信息公开工作年度报告: the 政府 of 人民政府 doubles as the start of 政府信息公开.
  if (/人民$/.test(agency)) agency += '政府';
  // XX局关于2023年…报告; XX市人民政府办公室关于印发XX市2023年…报告: the report is about the part after 关于;
  // XX局关于报送2020年度…报告的函 (a covering letter): nothing names an agency after the verb, so the sender does.
  const about = agency.indexOf('关于');
  if (about >= 0) {
    const subject = agency.slice(about + 2).replace(/^(印发|公布|发布|公开|报送|上报|呈报)/, '');
    agency = subject || agency.slice(0, about);
  }
  agency = trimWords(agency, ['的', '年度', '本级', '《', '〈']).replace(/^[《〈]+/, '');
  return { agency: agency || undefined, year };
}

/** The text without any of these words at its end (repeatedly). */
function trimWords(s: string, words: string[]): string {
  for (let again = true; again;) {
    again = false;
    for (const w of words) if (s.endsWith(w)) { s = s.slice(0, -w.length); again = true; }
  }
  return s;
}

const STRIP_START = new Set('#*_标名题文信');

/** The title without Markdown decoration and without a page's field label (标题：, 名称：). */
function strip(text: string): string {
  // Each pattern starts with one of these: most lines have nothing to strip.
  if (!STRIP_START.has(text[0])) return text;
  return text.replace(/^#{1,6}\s*/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/^(?:标题|名称|题名|文件名称|信息名称)\s*[:：]\s*/, '');
}

function isTitleText(t: string): boolean {
  // A page's breadcrumb (当前位置：首页 > 政务公开 > …年度报告) or a link list is not the title.
  // A bulleted line (• 乡镇政府信息公开年度报告) is a page's category or link list, never the title.
  return t.length <= 60 && t.includes('政府信息公开') && t.includes('报告') && !/。$/.test(t) && !/当前位置|首页|[>»＞]|上一篇|下一篇|相关链接/.test(t) && !/^[-*•·●▪]\s*/.test(t);
}

function nextNonEmpty(cells: LineCells[], i: number, limit: number): number {
  let j = i + 1;
  while (j < limit && cells[j].cells.length === 0) j++;
  return j;
}

export function findTitle(report: Report, cells: LineCells[], firstHeading: number): void {
  // The title is among the first lines; repeats of it count up to the first heading.
  for (let i = 0; i < firstHeading && (report.title || i < 25); i++) {
    const c = cells[i].cells;
    if (c.length !== 1) continue;
    let t = strip(c[0].text);
    let continuationLine: number | undefined;
    if (!report.title && t.includes('政府信息公开') && !t.includes('报告') && t.length <= 40 && !/[。，,；]/.test(t)) {
      // A title broken before its end: the next line completes it (工作年度报告).
      const limit = Math.min(cells.length, firstHeading, i + 3);
      const j = nextNonEmpty(cells, i, limit);
      const n = j < limit && cells[j].cells.length === 1 ? strip(cells[j].cells[0].text) : '';
      if (n && n.length <= 20 && /报告$/.test(n) && !n.includes('政府信息公开')) { t += n; continuationLine = j; }
    }
    if (!isTitleText(t)) continue;
    if (!report.title) {
      let { agency, year } = readTitle(t);
      let agencyLine: number | undefined;
      if (!agency) {
        // The agency often stands alone on a line above the title, sometimes with the year (2023年度洪泽区人民政府).
        for (let j = i - 1; j >= 0; j--) {
          const p = cells[j].cells;
          if (p.length === 0) continue;
          if (p.length === 1 && p[0].text === '政府信息公开') continue;
          if (p.length === 1 && p[0].text.length <= 30 && !p[0].text.includes('报告')) {
            const above = strip(p[0].text).replace(/[\s\u3000]+/g, '');
            const y = takeYear(above);
            agency = trimWords(y.rest, ['的', '关于']) || undefined;
            year ??= y.year;
            agencyLine = j;
          }
          break;
        }
      }
      report.title = { line: i, range: c[0].range, text: t, agency, agencyLine, year, continuationLine };
    } else if (labelKey(t) === labelKey(report.title.text)) report.titleRepeats.push(i);
  }
}
