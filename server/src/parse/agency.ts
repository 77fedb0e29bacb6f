// Agency names as written in report titles: what kind of body publishes the report (which decides
// the deadline of 条例 第四十九条) and whether two spellings name the same body (cross-year pairing).
// Shared by publish-date, carryover-mismatch and the year-over-year comparison.
import { ownCopy } from './text';

/**
 * government: a county-or-higher 人民政府's own report (or the area's report, titled by the place);
 * zone: a 开发区/园区/新区 管委会 publishing the zone's report; township: 乡镇人民政府, 街道办事处;
 * department: a 局/委/办… of a government; unknown: the name says none of these.
 */
export type AgencyKind = 'government' | 'zone' | 'township' | 'department' | 'unknown';

export interface AgencyClass {
  kind: AgencyKind;
  /** The part of the name that decided the kind (quoted in messages), e.g. 人民政府, 管委会, 局. */
  marker: string;
}

// Place names end in one of these; the longer forms first so that 自治区 is not read as …区.
const PLACE_SUFFIX = '(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|州|盟|县|区|旗|街道|镇|乡|苏木)';
const PLACE = new RegExp(`^[\\u3400-\\u9fff]{1,12}?${PLACE_SUFFIX}`);
/** Words ending like a place that are not one (城市管理局, 社区, 工业园区 …). */
const NOT_PLACE = /^(?:城市|都市|城区|市区|社区|小区|景区|街区|园区|城乡|镇街|乡镇|城镇|全市|全县|全区|全省|本市|本县|本区|我市|我县|我区|各区|各县|各市|县区|市县|区县)$|(?:城乡|园区|景区|社区)$/;
/** Level of a place by its suffix (1 province … 4 township); 市 is a prefecture or a county-level city. */
function levels(place: string): [number, number] {
  if (/(?:省|自治区|特别行政区)$/.test(place)) return [1, 1];
  if (/(?:自治州|州|地区|盟)$/.test(place)) return [2, 2];
  if (/市$/.test(place)) return [2, 3];
  if (/(?:街道|镇|乡|苏木)$/.test(place)) return [4, 4];
  return [3, 3];
}
const ZONE = /(?:开发区|园区|新区|高新区|试验区|实验区|示范区|度假区|风景区|名胜区|合作区|保税区|自贸区|片区|港区|产业区|功能区|景区)$/;

/** Splits a name into its leading place names and the rest (the organ). */
export function splitPlaces(name: string): { places: string[]; organ: string } {
  const places: string[] = [];
  let rest = name;
  for (let k = 0; k < 6; k++) {
    const m = PLACE.exec(rest);
    if (!m || NOT_PLACE.test(m[0])) break;
    let seg = m[0];
    // 州 ends a city's name more often than it ends an autonomous prefecture's short name (杭州市, 通州区).
    if (/[^治]州$/.test(seg) && /^[市县区]/.test(rest.slice(seg.length))) seg = rest.slice(0, seg.length + 1);
    places.push(seg);
    rest = rest.slice(seg.length);
  }
  return { places, organ: rest };
}

/** The name without spaces, brackets and their asides (（本级）), as compared and classified. */
export function cleanAgency(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').replace(/[（(][^（）()]*[）)]/g, '').replace(/[“”"《》〈〉]/g, '');
}

// Titles repeat across a batch (one agency's reports, a folder of one city's): each name is classified once.
const classes = new Map<string, AgencyClass>();
const CLASSES_MAX = 1_000;

/** The kind of agency a title names (shared result: not to be changed). */
export function classifyAgency(raw: string): AgencyClass {
  let c = classes.get(raw);
  if (!c) {
    const k = classifyName(raw);
    // An own copy of the marker: a slice would keep the whole report it was cut from alive in the cache.
    c = { kind: k.kind, marker: ownCopy(k.marker) };
    if (classes.size >= CLASSES_MAX) classes.clear();
    classes.set(ownCopy(raw), c);
  }
  return c;
}

function classifyName(raw: string): AgencyClass {
  const name = cleanAgency(raw);
  const { places, organ } = splitPlaces(name);
  const last = places[places.length - 1] ?? '';
  let m: RegExpExecArray | null;
  // The government's own office (人民政府办公室/办公厅) is one of its departments.
  if ((m = /(?:人民政府|政府)(?:办公室|办公厅|办)$/.exec(name))) return { kind: 'department', marker: m[0] };
  if ((m = /(?:街道办事处|街道办|街道党工委|街道)$/.exec(name))) return { kind: 'township', marker: m[0] };
  if ((m = /(?:人民政府|政府)$/.exec(name))) {
    if (/(?:乡|镇|苏木)$/.test(name.slice(0, m.index))) return { kind: 'township', marker: name.slice(Math.max(0, m.index - 1)) };
    if (name.length > m[0].length) return { kind: 'government', marker: m[0] };
    return { kind: 'unknown', marker: '' };
  }
  if ((m = /(?:管理委员会|管委会)$/.exec(name)) && ZONE.test(name.slice(0, m.index))) return { kind: 'zone', marker: m[0] };
  // 浦东新区 and the like are districts with their own 人民政府; other zones are run by a 管委会.
  if (ZONE.test(name) && !/新区$/.test(name)) return { kind: 'zone', marker: name };
  // A bare place name (洪泽区2023年…报告) titles the area's own report.
  if (organ === '' && last) {
    if (/(?:镇|乡|苏木|街道)$/.test(last)) return { kind: 'township', marker: last };
    return { kind: 'government', marker: last };
  }
  if ((m = /(?:委员会|局|委|办公室|办公厅|办|厅|署|中心|院|所|站|队|处|部|馆|室|会|社)$/.exec(organ || name))) return { kind: 'department', marker: m[0] };
  return { kind: 'unknown', marker: '' };
}

// Spellings of one organ that reports use interchangeably (卫生健康委员会 = 卫健委 …).
const ORGAN_FORMS: [RegExp, string][] = [
  [/[和与及、]/g, ''],
  [/人民政府/g, '政府'],
  [/管理委员会|管委会/g, '管委'],
  [/委员会/g, '委'],
  [/办公室/g, '办'],
  [/监督管理/g, '监管'],
  [/卫生健康/g, '卫健'],
  [/人力资源社会保障/g, '人社'],
  [/住房城乡建设/g, '住建'],
  [/发展改革/g, '发改'],
  [/街道办事处|街道办/g, '街道'],
];

/** The organ part in one canonical spelling; a bare place (the area's report) stands for its government. */
function organKey(organ: string, places: string[]): string {
  let o = organ;
  for (const [re, to] of ORGAN_FORMS) o = o.replace(re, to);
  const last = places[places.length - 1] ?? '';
  // 高良涧街道 = 高良涧街道办事处; 洪泽区 (the area's report) = 洪泽区人民政府.
  if (/街道$/.test(last) && /^(?:办事处|办|)$/.test(o)) return '';
  if (o === '' && last) return '政府';
  return o;
}

export interface AgencyKey {
  /** The agency's own place and organ (洪泽区|政府): reports of one agency share it whatever they prefix. */
  core: string;
  /** Higher-level places written before it (淮安市), outermost first. */
  higher: string[];
}

export function agencyKey(raw: string): AgencyKey {
  const { places, organ } = splitPlaces(cleanAgency(raw));
  const organ2 = organKey(organ, places);
  // The innermost place is the agency's own; higher levels before it (淮安市 of 淮安市洪泽区) may be
  // left out by another spelling. Anything else in front is part of the name.
  const higher = places.slice(0, Math.max(0, places.length - 1));
  const own = places.slice(higher.length);
  const ownLevel = own.length ? levels(own[0])[1] : 0;
  if (!higher.every((p) => levels(p)[0] < ownLevel)) return { core: `${places.join('')}|${organ2}`, higher: [] };
  return { core: `${own.join('')}|${organ2}`, higher };
}

/**
 * Whether two title names are the same agency: the same place and organ, where one name may carry
 * higher-level places the other leaves out (淮安市洪泽区人民政府 = 洪泽区人民政府), but two names that
 * both carry different higher places (南京市鼓楼区 vs 淮安市鼓楼区) are different agencies.
 */
export function sameAgency(a: AgencyKey, b: AgencyKey): boolean {
  if (a.core !== b.core) return false;
  // Without any place name the organ alone (卫健委) could be anywhere: only identical names pair.
  if (a.core.startsWith('|')) return a.higher.length === 0 && b.higher.length === 0;
  const [short, long] = a.higher.length <= b.higher.length ? [a.higher, b.higher] : [b.higher, a.higher];
  for (let i = 1; i <= short.length; i++) if (short[short.length - i] !== long[long.length - i]) return false;
  return true;
}
