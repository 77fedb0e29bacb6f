// Figures quoted in the prose must agree with the tables: 收到申请N件, 予以公开N件, 不予公开N件 …
// against table 三, and 现行有效行政规范性文件N件, 制发/废止, 行政许可/行政处罚 N件 against table 二.
// Prose is varied: a figure is compared only when the words right before it name exactly the
// table's quantity — the same year, the whole quantity (not 其中 a channel or an applicant type),
// not a comparison with last year.
import type { Report } from '../model';
import { defineRule, say, type RuleContext, type RuleFinding } from './rule';
import { grid, sumOf, totalOrParts, type Grid } from './arithmetic';
import { apartChoices, apartGrid } from './separated-sums';
import { range } from '../parse/text';
import { paragraphs, writtenOf, type Paragraph } from './prose-paragraphs';
import { droppedSumReadings } from './dropped-cells';

type Bi = { zh: string; en: string };
/**
 * re: the phrase; units: words one of which every match of re holds (native searches rule out most claims
 * before their regex runs); sums: the quantities the phrase may mean (all must be readable); anyOf: the
 * sums are alternatives by format, the readable one counts.
 */
interface T3Claim { re: RegExp; units: string[]; sums: { rows: string[]; what: Bi }[]; anyOf?: boolean }

const s = (rows: string[], zh: string, en: string) => ({ rows, what: { zh, en } });
const NEW = s(['new'], '“一、本年新收”的总计', 'the total of 一 (new applications)');
const NEW_CARRIED = s(['new', 'carried'], '“一、本年新收”加“二、上年结转”', '一 plus 二 (new and carried over)');
const R1 = s(['r1'], '“（一）予以公开”的总计', 'the total of （一） (disclosed)');
const R1_R2 = s(['r1', 'r2'], '“（一）予以公开”加“（二）部分公开”', '（一） plus （二） (disclosed in full or in part)');
const R7 = s(['r7'], '“（七）总计”的总计', 'the total of （七）');
const R3 = ['r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8'];

// Tried in this order: the more specific phrase first (予以公开及部分公开 before 部分公开, 不予公开 before 公开).
export const T3_CLAIMS: T3Claim[] = [
  { re: /(?:予以|同意|全部)?公开(?:及|和|与|、|或|以及|或者)部分公开|全部或(?:者)?部分公开/, units: ['部分公开'], sums: [R1_R2] },
  { re: /不予公开|不同意公开/, units: ['不'], sums: [s(R3, '“（三）不予公开”1–8 项之和', 'the sum of （三） 1–8 (refused)')] },
  { re: /部分公开/, units: ['部分公开'], sums: [s(['r2'], '“（二）部分公开”的总计', 'the total of （二） (partly disclosed)')] },
  { re: /无法提供/, units: ['无法提供'], sums: [s(['r4_1', 'r4_2', 'r4_3'], '“（四）无法提供”1–3 项之和', 'the sum of （四） 1–3 (cannot be provided)')] },
  { re: /不予处理/, units: ['不予处理'], sums: [s(['r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5'], '“（五）不予处理”1–5 项之和', 'the sum of （五） 1–5 (not processed)')] },
  { re: /其他处理/, units: ['其他处理'], sums: [s(['r6_1', 'r6_2', 'r6_3'], '“（六）其他处理”1–3 项之和', 'the sum of （六） 1–3 (other handling)'), s(['r6'], '“（六）其他处理”的总计', 'the total of （六） (other handling)')], anyOf: true },
  { re: /结转(?:至|到)?下(?:一)?年|顺延(?:至|到)?下(?:一)?年|转入下(?:一)?年/, units: ['下'], sums: [s(['next'], '“四、结转下年度继续办理”的总计', 'the total of 四 (carried forward)')] },
  { re: /上(?:一)?年(?:度)?结转|上年度?转结/, units: ['结'], sums: [s(['carried'], '“二、上年结转”的总计', 'the total of 二 (carried over)')] },
  // 受理并办结 names two steps at once: the applications received, or those answered (（七）总计) — either may be meant.
  { re: /受理(?:并|且|和|及|、|并已)(?:办结|答复|办理)/, units: ['受理'], sums: [NEW, NEW_CARRIED, R7] },
  { re: /收到|受理|新收|接收|共收|接到/, units: ['收', '受理', '接到'], sums: [NEW, NEW_CARRIED] },
  // A result named before 答复 is that result (同意公开答复数1件 = 予以公开), not the answers as a whole.
  { re: /(?:予以|同意|全部)公开(?:答复|办结)/, units: ['公开'], sums: [R1, R1_R2] },
  { re: /办结|答复|办理完毕|已办理|处理完毕/, units: ['办', '答复', '处理完毕'], sums: [R7] },
  { re: /予以公开|同意公开|全部公开|^公开|[,，、]公开/, units: ['公开'], sums: [R1, R1_R2] },
];

/** A clause speaks of 政府信息公开申请 (not of 咨询, 信访, 行政许可 applications …). */
const APPLICATIONS = /政府信息公开申请|信息公开申请|公开申请|依申请公开|申请公开|申请政府信息|申请信息公开/;
/** Clauses that continue the previous clause's subject (…申请22件。其中予以公开…；不予公开…). */
const CONTINUES = /^\s*(?:其中|上述|以上|在已办结|已办结|办结|答复|予以公开|同意公开|全部公开|部分公开|不予公开|因|无法提供|不予处理|其他处理|结转|另有)/;
/** Words of other matters that share the verbs (收到咨询, 办结投诉, 受理行政复议申请 …). */
const OTHER_MATTER = /行政许可|审批|咨询|投诉|举报|信访|建议|提案|热线|留言|来信|诉求|工单|复议|诉讼|办件|网民|互动|依申请事项|12345/;
const APPLICATIONS_ALL = new RegExp(APPLICATIONS.source, 'g');
const OTHER_MATTER_ALL = new RegExp(OTHER_MATTER.source, 'g');

/** Start and end of every match of a global pattern, in order. */
function matchEnds(re: RegExp, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** A part of the quantity: one applicant type or channel (其中通过网络申请8件, 自然人申请5件). */
const APPLICANT = /自然人|法人|企业|公民|律师|个人|科研机构|公益组织|法律服务/;
const BREAKDOWN = /其中|包括|含/;
const CHANNEL = /网上|网络|在线|互联网|信函|当面|现场|传真|邮件|邮寄|电话/;
const LISTED = /[和及与、]/;
/** Comparisons and cumulative figures are other quantities (较上年增加5件, 累计). */
const COMPARED = /同比|环比|比上年|较上年|较去年|去年|上年同期|增加|减少|增长|下降|上升|持平|累计|历年|以来/;
/** A part of the year (上半年, 第一季度, 1—6月, 12月份) is another quantity than the table's whole year. */
const SUB_PERIOD = /上半年|下半年|季度|本月|当月|(?<!报告|统计|年度)期间|疫情|[一二三四五六七八九十]{1,2}月份?(?![一二三四五六七八九十]{1,3}日|底|末)/;
/** Month spans (1—6月, 1月1日至6月30日) and single months (12月份, 3月) without a day (截至12月31日 is the year's end). */
const MONTHS = /(?:^|[^\d.])(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?(?:\s*(?:—|－|-|~|～|至|到)\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?)?(份)?/g;
/**
 * Where the clause first names a part of the year or some units (Infinity when it never does): figures
 * after that point are parts. Found once per clause — rescanning the words before every figure would be
 * quadratic on a clause of many figures.
 */
function restrictionAt(clause: string): number {
  let at = Infinity;
  const first = (re: RegExp) => { const m = re.exec(clause); if (m) at = Math.min(at, m.index + m[0].length); };
  // Each pattern needs one of a few units (SUB_PERIOD 半季月期疫, UNITS 各直属其包含, MONTHS 月): native
  // searches rule most clauses out before the regexes run.
  const month = clause.includes('月');
  if (month || hasAnyOf(clause, '半季期疫')) first(SUB_PERIOD);
  if (hasAnyOf(clause, '各直属其包含')) first(UNITS);
  if (!month) return at;
  MONTHS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONTHS.exec(clause)) && m.index < at) {
    const end = m.index + m[0].length;
    if (m[2] !== undefined) { if (!(m[1] === '1' && m[2] === '12')) at = Math.min(at, end); continue; }
    // A lone month is a period (12月份, 3月收到) unless a day follows it (a date: 12月31日) or 底/末 does.
    const dated = !m[3] && /\d\s*日/.test(m[0].slice(m[0].indexOf('月')));
    if (!dated && !/^\s*(?:底|末)/.test(clause.slice(end, end + 3))) at = Math.min(at, end);
  }
  return at;
}
function hasAnyOf(text: string, units: string): boolean {
  for (let k = 0; k < units.length; k++) if (text.includes(units[k])) return true;
  return false;
}
/** A figure of some units of the agency (各部门, 区直单位, 其中教育局…) rather than of the whole report. */
const UNITS = /各(?:部门|单位|乡镇|街道|镇|委办局|县区|区县)|[区市县]直|所属|下属|直属单位|(?:其中|包括|含)[^,，、]{0,12}(?:局|委|办公室|中心|街道|乡|镇|部门|单位)/;
const TRIVIAL = new Set(['', '共计', '共', '合计', '总计', '计', '为', '达', '约']);

interface T2Claim { re: RegExp; table: string; col: Record<string, string> }
const OBJECT = /(行政规范性文件|规范性文件|规章)(?:共计|共|合计|总计|计|为|达)?\s*$/;
const OBJECT_VERB = /(?:现行有效|制发|印发|出台|制定|制作|废止|废除)(?:共计|共|合计|总计|计|为|达)?\s*$/;
const T2_VERBS: T2Claim[] = [
  { re: /现行有效/, table: 't2.1', col: { '2021': 'valid' } },
  { re: /废止|废除/, table: 't2.1', col: { '2021': 'repealed' } },
  { re: /制发|印发|出台|制定|制作/, table: 't2.1', col: { '2021': 'issued', '2019': 'made' } },
];
const T2_DECISIONS: { re: RegExp; table: string; row: string }[] = [
  { re: /(?:(?:作出|办理|办结|实施)[^,，、;；]{0,6}行政许可(?:决定|事项)?|行政许可决定)(?:共计|共|合计|总计|计|为|达)?\s*$/, table: 't2.5', row: 'licensing' },
  { re: /(?:(?:作出|实施|办理|办结|查处|下达)[^,，、;；]{0,6}行政处罚(?:决定|案件)?|行政处罚决定)(?:共计|共|合计|总计|计|为|达)?\s*$/, table: 't2.6', row: 'penalty' },
  { re: /(?:(?:作出|实施|采取)[^,，、;；]{0,6}行政强制(?:措施|决定|执行)?|行政强制决定)(?:共计|共|合计|总计|计|为|达)?\s*$/, table: 't2.6', row: 'coercion' },
];
// Parts and other counts of the same objects: 其中…, 简易程序, cases opened (立案) rather than decided.
const T2_PART = /其中|包括|含|涉及|简易|一般程序|普通程序|网上|即办|承诺|当场|申请|立案/;

const rule = defineRule({
  id: 'narrative-mismatch',
  defaultSeverity: 'info',
  fixable: 'no',
  description: { zh: '正文中引用的数字与统计表不一致', en: 'A figure in the prose contradicts the table' },
  tags: ['arithmetic', 'narrative'],
  messages: {
    mismatch: { zh: '正文“{quote}”与表{table}不一致：表中{what}为 {expected} 件', en: 'The text “{quote}” contradicts table {table}: {what} is {expected}' },
    mismatchDropped: { zh: '正文“{quote}”与表{table}不一致：表中{what}为 {expected} 件（从 PDF 复制的文字不保留空白单元格，各数属哪一列无法判断，按各申请人列之和计；但怎样排都不是 {actual} 件）', en: 'The text “{quote}” contradicts table {table}: {what} is {expected} (text copied from a PDF drops empty cells, so the columns cannot be told; read as the sum of the applicant columns — but no placement gives {actual})' },
    mismatchApart: { zh: '正文“{quote}”与表{table}不一致：表中{what}为 {expected} 件（该表取自不分列的文本，行名称与数值分开排列；此数所在的各行无论怎样对应都是这些数值）', en: 'The text “{quote}” contradicts table {table}: {what} is {expected} (the table comes from text without columns, its labels and figures apart; the rows this figure comes from hold these figures however they are matched)' },
    mismatchChoices: { zh: '正文“{quote}”与表二不一致：表中“{row}”的“{column}”是 {choices} 中的一个，不是 {actual}（该表取自不分列的文本，各行数值无法逐格对应，但都在这些数中）', en: 'The text “{quote}” contradicts table 二: “{column}” of “{row}” is one of {choices}, not {actual} (the table comes from text without columns; its rows’ figures cannot be matched cell by cell, but they are among these)' },
    mismatchDerived: { zh: '正文“{quote}”与表{table}不一致：表中{what}为 {expected} 件（“总计”列空白，按各申请人列之和计）', en: 'The text “{quote}” contradicts table {table}: {what} is {expected} (the 总计 column is blank: the sum of the applicant columns)' },
  },
  check(report, ctx) {
    if (report.tables.length === 0) return [];
    // Grids are built on first use: most paragraphs name no table figure at all.
    const grids = new Map<string, Grid | undefined>();
    const apart = new Set<string>();
    const tables = (id: string): Grid | undefined => {
      if (!grids.has(id)) {
        const t = report.tables.find((x) => x.id === id);
        // A table read without columns lends its certain rows (separated-sums.ts); the message says so.
        const g = t && (grid(report, t) ?? apartGrid(report, t));
        if (g?.table.unread) apart.add(id.startsWith('t2') ? '二' : id === 't3' ? '三' : id);
        grids.set(id, g);
      }
      return grids.get(id);
    };
    const out: RuleFinding[] = [];
    const t3Cache = new Map<object, T3Reading>();
    // Only figures counted in 件 or 份 are compared: most paragraphs have none. A line without either unit
    // is ruled out by two native searches before any paragraph is joined, then one regex scan per paragraph.
    for (const para of paragraphs(report, hasUnit)) {
      if (!FIGURE.test(para.text)) continue;
      checkParagraph(report, ctx, tables, t3Cache, para, out, apart);
    }
    return out;
  },
});

function value(g: Grid | undefined, rows: string[], col: string): number | undefined {
  return valueOf(g, rows, col).value;
}

/** The sum of the rows' cells in a column; a total left blank beside filled parts counts as their sum (derived). */
function valueOf(g: Grid | undefined, rows: string[], col: string): { value: number | undefined; derived: boolean } {
  if (!g || g.col(col) < 0 || !rows.every((id) => g.rows.has(id))) return { value: undefined, derived: false };
  const cells = rows.map((id) => totalOrParts(g, id, col));
  return { value: sumOf(cells.map((c) => c.value)), derived: cells.some((c) => c.derived) };
}

/** The range of text[from, to) of a paragraph, on the line where it starts (cut at that line's end). */
function rangeIn(para: Paragraph, report: Report, from: number, to: number): ReturnType<typeof range> {
  let k = para.pieces.length - 1;
  while (k > 0 && para.pieces[k].at > from) k--;
  const p = para.pieces[k];
  const end = k + 1 < para.pieces.length ? para.pieces[k + 1].at : para.text.length;
  const lineEnd = report.normLines[p.line].length;
  return range(p.line, p.col + from - p.at, p.line, Math.min(lineEnd, p.col + Math.min(to, end) - p.at));
}

/** What table 三 holds for one quantity, before the prose's figure is known (the figure only picks among the dropped-cell readings). */
interface T3Reading { value: number | undefined; derived: boolean; dropped: ReturnType<typeof droppedSumReadings> }

/** Read once per check and quantity (the grid is the check's own); the figure is applied by the caller. */
function t3Reading(t3: Grid, x: T3Claim['sums'][number], cache: Map<object, T3Reading>): T3Reading {
  let r = cache.get(x);
  if (!r) {
    const v = valueOf(t3, x.rows, 'total');
    r = { value: v.value, derived: v.derived, dropped: v.value === undefined ? droppedSumReadings(t3, x.rows) : undefined };
    cache.set(x, r);
  }
  return r;
}

function checkParagraph(report: Report, ctx: RuleContext, tables: (id: string) => Grid | undefined, t3Cache: Map<object, T3Reading>, para: Paragraph, out: RuleFinding[], apart: Set<string>): void {
  const text = para.text;
  const year = report.year?.value;
  let applications = false;
  // Whether this run of clauses about applications has already given the applications received: a later
  // figure of a received-like word is a part of them (共收到申请4件，受理并办结3件，1件…不予受理).
  let received = false;
  let clauseStart = 0;
  CLAUSE_END.lastIndex = 0;
  for (let i = 0; i <= text.length; i++) {
    // The next clause end (the regex engine scans faster than a loop over every unit), or the text's end.
    const e = CLAUSE_END.exec(text);
    i = e ? e.index : text.length;
    const clause = text.slice(clauseStart, i);
    const base = clauseStart;
    clauseStart = i + 1;
    // Every wording of APPLICATIONS holds 申请: one native search spares the regex on most clauses.
    const asks = clause.includes('申请');
    applications = (asks && APPLICATIONS.test(clause)) || (applications && CONTINUES.test(clause));
    if (!applications) received = false;
    // Only figures counted in 件 or 份 are compared: most clauses have none.
    if (!clause.includes('件') && !clause.includes('份')) continue;
    const num = FIGURES;
    num.lastIndex = 0;
    let m = num.exec(clause);
    if (!m) continue;
    let object: string | undefined;
    // Subjects and years of the clause, found once: each figure then looks only at those before it
    // (rescanning the clause before every figure would be quadratic on a clause of many figures).
    // Read when a figure first gets to table 三 (most never do); the figures come in order, so the
    // pointers ai/oi catch up then exactly as if the lists had been there from the start.
    let apps: { start: number; end: number }[] | undefined;
    let others: { start: number; end: number }[] = [];
    // Where the clause names another year or a part of the year: read when a figure first needs them.
    let otherYearAt: number | undefined;
    let restrictedFrom: number | undefined;
    let ai = -1;
    let oi = -1;
    // Once a figure of the clause names a part (a channel, an applicant type, some units, part of the
    // year), the clause's later figures may be parts of that part (通过网络申请20件，其中予以公开12件).
    let restricted = false;
    let prevEnd = 0;
    for (; m; m = num.exec(clause)) {
      const seg = segmentBefore(clause, prevEnd, m.index);
      prevEnd = m.index + m[0].length;
      // A figure no table can take needs none of the tests below (most figures of most clauses): table 三
      // takes only 件 of a clause about applications, table 二 only a figure after 规章/规范性文件 (in its
      // words or, as `object`, earlier in the clause) or after 行政 decisions in 件. What such a figure
      // would have changed on its way is never read: `restricted` only by table 三's figures, which come
      // before restrictedFrom (so no figure past it, of any unit, can set it for them).
      // 份 counts applications only right after 申请 (收到政府信息公开申请7份); elsewhere it counts documents
      // (依申请公开及不予公开319份).
      const counted = m[2] === '件' || (applications && COPIES.test(seg));
      if (!(counted && applications) && object === undefined && !seg.includes('规') && !(counted && seg.includes('行政'))) continue;
      otherYearAt ??= firstOtherYear(clause, year);
      restrictedFrom ??= restrictionAt(clause);
      const n = Number(m[1]);
      const at = base + m.index;
      const quoteFrom = base + m.index - seg.length;
      // The clause as the author wrote it, from its subject to the figure (built only for a finding).
      const quoted = (): string => {
        const lead = /^[\s,，、:：]*/.exec(text.slice(quoteFrom, at))![0].length;
        return writtenOf(report, para).slice(quoteFrom + lead, at + m![0].length);
      };
      const finding = (table: string, what: Bi, expected: number, derived = false, dropped = false) => {
        out.push({ range: rangeIn(para, report, at, at + m![0].length), message: say(rule, ctx, apart.has(table) ? 'mismatchApart' : dropped ? 'mismatchDropped' : derived ? 'mismatchDerived' : 'mismatch', { quote: quoted(), table, what: what[ctx.lang], expected, actual: n }), data: { expected, actual: n } });
      };
      if (otherYearAt <= m.index || COMPARED.test(seg.includes('结转') ? seg.replace(/上(?:一)?年(?:度)?结转/g, '') : seg)) continue;
      if (restrictedFrom <= m.index) { restricted = true; continue; }
      // Table 二: 现行有效行政规范性文件393件, 制发规范性文件5件，废止2件, 作出行政许可决定1321件.
      // OBJECT names 规章 or 规范性文件, every T2 decision 行政…: one native search each spares their regexes on most figures.
      // OBJECT_VERB only carries an object named before: without one it is not asked.
      const obj = (seg.includes('规') ? OBJECT.exec(seg)?.[1] : undefined) ?? (object !== undefined && OBJECT_VERB.test(seg) ? object : undefined);
      if (obj) object = obj;
      // Parts (其中, 简易程序 …) matter only to a figure table 二 may take.
      if ((obj || (counted && seg.includes('行政'))) && !T2_PART.test(seg)) {
        if (obj) {
          const verbs = T2_VERBS.filter((v) => v.re.test(seg));
          const col = verbs.length === 1 ? verbs[0].col[report.format] : undefined;
          const g = tables('t2.1');
          const row = obj === '规章' ? 'rules' : 'normative';
          const expected = col ? value(g, [row], col) : undefined;
          if (expected !== undefined && expected !== n) {
            const rowLabel = g!.spec.rows.find((r) => r.id === row)!.label;
            const colLabel = g!.spec.columns[g!.col(col!)].label;
            finding('二', { zh: `“${rowLabel}”的“${colLabel}”`, en: `row “${rowLabel}”, column “${colLabel}”` }, expected);
          }
          // Table 二 read without columns: the cell holds one of the figures its rows were left with.
          const choices = g && col && g.col(col) >= 0 && expected === undefined ? apartChoices(report, 't2.1', row) : undefined;
          if (choices && !choices.includes(n)) {
            out.push({ range: rangeIn(para, report, at, at + m[0].length), message: say(rule, ctx, 'mismatchChoices', { quote: quoted(), row: g!.spec.rows.find((r) => r.id === row)!.label, column: g!.spec.columns[g!.col(col!)].label, choices: choices.join('、'), actual: n }), data: { actual: n } });
          }
          continue;
        }
        const d = counted && seg.includes('行政') ? T2_DECISIONS.find((x) => x.re.test(seg)) : undefined;
        if (d) {
          const g = tables(d.table);
          const expected = value(g, [d.row], 'decisions');
          if (expected !== undefined && expected !== n) {
            const rowLabel = g!.spec.rows.find((r) => r.id === d.row)!.label;
            finding('二', { zh: `“${rowLabel}”的处理决定数量`, en: `the decisions on “${rowLabel}”` }, expected);
          }
          continue;
        }
      }
      // Table 三: only in clauses about 政府信息公开申请, and only the whole quantity.
      if (!counted || !applications) continue;
      if (!apps) { apps = asks ? matchEnds(APPLICATIONS_ALL, clause) : []; others = matchEnds(OTHER_MATTER_ALL, clause); }
      while (ai + 1 < apps.length && apps[ai + 1].end <= m.index) ai++;
      while (oi + 1 < others.length && others[oi + 1].end <= m.index) oi++;
      if (oi >= 0 && (ai < 0 || others[oi].start > apps[ai].start)) continue;
      if (restricted || APPLICANT.test(seg)) { restricted = true; continue; }
      const c = T3_CLAIMS.find((x) => x.units.some((u) => seg.includes(u)) && x.re.test(seg));
      const t3 = c && tables('t3');
      if (!c || !t3) continue;
      const counting = c.sums[0] === NEW || c.sums[0].rows[0] === 'r7';
      if (counting && (BREAKDOWN.test(seg) || (CHANNEL.test(seg) && !LISTED.test(seg)))) { restricted = true; continue; }
      if (m[2] === '份' && c.sums[0] !== NEW) continue;
      // The first figure of applications received is 本年新收; a second one (受理3件 after 收到4件) is a part.
      if (c.sums[0] === NEW) { if (received) continue; received = true; }
      const all = c.sums.map((x) => {
        const r = t3Reading(t3, x, t3Cache);
        // A PDF copy's short rows: compared only when no placement of their values gives the prose's figure.
        const d = r.dropped;
        return d ? { value: d.readings.has(n) ? n : d.sum, derived: true, dropped: true, what: x.what } : { value: r.value, derived: r.derived, dropped: false, what: x.what };
      });
      const candidates = c.anyOf ? all.filter((x) => x.value !== undefined) : all;
      if (candidates.length === 0 || candidates.some((x) => x.value === undefined || x.value === n)) continue;
      finding('三', candidates[0].what, candidates[0].value!, candidates[0].derived, candidates[0].dropped);
    }
  }
}

/** The words right before a figure: back to the previous figure or comma, or one piece further when that piece is only 共计/合计. */
function segmentBefore(clause: string, prevEnd: number, at: number): string {
  let from = lastComma(clause, prevEnd, at);
  let seg = clause.slice(from, at);
  if (from > prevEnd && TRIVIAL.has(seg.replace(/[\s,，:：]/g, ''))) {
    from = lastComma(clause, prevEnd, from - 1);
    seg = clause.slice(from, at);
  }
  return seg;
}

function lastComma(clause: string, floor: number, before: number): number {
  for (let k = before - 1; k >= floor; k--) {
    const c = clause.charCodeAt(k);
    if (c === 44 || c === 0xff0c) return k + 1;
  }
  return floor;
}

/** Where the first year other than the reported one ends (2022年收到…, 与2022年相比), or Infinity. */
function firstOtherYear(text: string, year: number | undefined): number {
  // Most clauses name no year: one native search spares the regex (shared, reset before each scan).
  if (year === undefined || !text.includes('年')) return Infinity;
  const re = YEARS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (Number(m[1]) !== year) return m.index + m[0].length;
  return Infinity;
}
const YEARS = /((?:19|20)\d{2})\s*年/g;

const FIGURE = /\d\s*[件份]/;
/** A figure in 份 right after 申请 (申请7份, 申请共计7份): a count of applications. */
const COPIES = /申请(?:共计|共|合计|总计|计|为|达)?\s*$/;
const hasUnit = (line: string): boolean => line.includes('件') || line.includes('份');
/** Shared by every clause: reset before each clause's scan and read to the end, never re-entered. */
const FIGURES = /(\d{1,9})\s*(件|份)/g;
/** 。；;!！?？ */
const CLAUSE_END = /[\u3002\uff1b;!\uff01?\uff1f]/g;

export default rule;
