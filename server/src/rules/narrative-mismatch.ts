// Figures quoted in the prose (收到申请N件, 公开N件, 不予公开N件 …) must agree with table 三.
import type { Report } from '../model';
import { defineRule, say, type RuleFinding } from './rule';
import { grid, sumOf } from './arithmetic';
import { range } from '../parse/text';

interface Claim { kind: string; re: RegExp; rows: string[][] }

// Checked in this order: the more specific phrase first (不予公开 before 公开).
const CLAIMS: Claim[] = [
  { kind: '不予公开', re: /不予公开/, rows: [['r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8']] },
  { kind: '部分公开', re: /部分公开/, rows: [['r2']] },
  { kind: '无法提供', re: /无法提供/, rows: [['r4_1', 'r4_2', 'r4_3']] },
  { kind: '不予处理', re: /不予处理/, rows: [['r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5']] },
  { kind: '结转', re: /结转(至|到)?下(一)?年/, rows: [['next']] },
  { kind: '上年结转', re: /上(一)?年(度)?结转/, rows: [['carried']] },
  { kind: '收到', re: /(收到|受理|新收|接收|共收)/, rows: [['new'], ['new', 'carried']] },
  { kind: '办结', re: /(办结|答复|办理完毕|已办理)/, rows: [['r7']] },
  { kind: '公开', re: /(予以公开|同意公开|全部公开|^公开|[,，、]公开)/, rows: [['r1'], ['r1', 'r2']] },
];

const rule = defineRule({
  id: 'narrative-mismatch',
  defaultSeverity: 'info',
  fixable: 'no',
  description: { zh: '正文中引用的数字与统计表不一致', en: 'A figure in the prose contradicts the table' },
  tags: ['arithmetic', 'narrative'],
  messages: {
    mismatch: { zh: '正文称“{phrase}”{n}件，但表三中相应数量为 {expected} 件', en: 'The text says {phrase} {n}, but table 三 has {expected}' },
  },
  check(report, ctx) {
    const t3 = report.tables.find((t) => t.id === 't3');
    const g = t3 && grid(report, t3);
    if (!g) return [];
    const total = g.col('total');
    const value = (ids: string[]) => (ids.every((id) => g.rows.has(id)) ? sumOf(ids.map((id) => g.rows.get(id)!.values[total])) : undefined);
    const out: RuleFinding[] = [];
    for (const line of report.proseLines) {
      if (t3.range.start.line <= line && line < t3.endLine) continue;
      const text = report.normLines[line];
      if (!text.includes('件') || !text.includes('申请')) continue;
      for (const claim of claimsIn(report, line)) {
        const c = CLAIMS.find((x) => x.re.test(claim.before));
        if (!c) continue;
        const candidates = c.rows.map(value).filter((v): v is number => v !== undefined);
        if (candidates.length === 0 || candidates.includes(claim.n)) continue;
        out.push({ range: claim.range, message: say(rule, ctx, 'mismatch', { phrase: c.kind, n: claim.n, expected: candidates[0] }), data: { expected: candidates[0], actual: claim.n } });
      }
    }
    return out;
  },
});

/**
 * “…N件” phrases inside clauses that speak of 政府信息公开申请. Clauses and comma pieces are cut by
 * plain scanning and each piece is matched once, anchored at its end: no backtracking over long runs.
 */
function* claimsIn(report: Report, line: number): Generator<{ before: string; n: number; range: ReturnType<typeof range> }> {
  const text = report.normLines[line];
  let clauseStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isClauseEnd(text.charCodeAt(i))) continue;
    const clause = text.slice(clauseStart, i);
    const base = clauseStart;
    clauseStart = i + 1;
    if (!clause.includes('申请')) continue;
    let pieceStart = 0;
    for (let j = 0; j <= clause.length; j++) {
      if (j < clause.length && clause.charCodeAt(j) !== 44 && clause.charCodeAt(j) !== 0xff0c) continue;
      const piece = clause.slice(pieceStart, j);
      const at0 = base + pieceStart;
      pieceStart = j + 1;
      const m = /(\d{1,9})\s*件/.exec(piece);
      if (!m) continue;
      const at = at0 + m.index;
      yield { before: piece.slice(0, m.index), n: Number(m[1]), range: range(line, at, line, at + m[0].length) };
    }
  }
}

/** 。；;!！?？ */
function isClauseEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 59 || c === 33 || c === 0xff01 || c === 63 || c === 0xff1f;
}

export default rule;
