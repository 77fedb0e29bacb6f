// carryover-mismatch in the editor: last year's report of the same agency, found among the
// workspace's report files, gives the figures this year's 上年结转 row must repeat. The search is
// bounded (report-like extensions, size limit, file count, depth) and cached by modification time,
// so a keystroke costs a map lookup; only the small CarryFacts of each file are kept. Pairing of
// agencies and years is the rule's own (carryFacts / checkCarryover), not a second notion here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Position } from '../model';
import { format, type Lang } from '../i18n';
import { decodeReport } from '../io/decode';
import { parseReport } from '../parse/parse';
import { carryFacts, checkCarryover, indexFacts, previousReport, type CarryFacts } from '../rules/carryover-mismatch';
import { looksLikeReport } from './detect';
import type { Analysis } from './analysis';
import { contains } from './analysis';

export const LIMITS = { files: 2000, depth: 8, bytes: 2 * 1024 * 1024, listingTtlMs: 5000 };
const EXTENSIONS = ['.txt', '.md', '.govreport'];

interface Known { mtimeMs: number; size: number; facts?: CarryFacts }

export class WorkspaceReports {
  private known = new Map<string, Known>();
  private listing: { at: number; files: string[] } | undefined;

  constructor(private roots: () => string[]) {}

  /** Report-like files under the roots (cached for a few seconds: typing must not walk the disk). */
  files(): string[] {
    const now = Date.now();
    if (this.listing && now - this.listing.at < LIMITS.listingTtlMs) return this.listing.files;
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (out.length >= LIMITS.files || depth > LIMITS.depth) return;
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (out.length >= LIMITS.files) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = path.join(dir, e.name);
        // Symbolic links are not followed: a link loop or a link out of the workspace is not ours to read.
        if (e.isDirectory()) walk(full, depth + 1);
        else if (e.isFile() && EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) out.push(full);
      }
    };
    for (const r of this.roots()) walk(r, 0);
    this.listing = { at: now, files: out };
    return out;
  }

  /** Carry facts of one file, re-read only when its modification time or size changed. */
  private factsOf(file: string): CarryFacts | undefined {
    let st: fs.Stats;
    try { st = fs.statSync(file); } catch { this.known.delete(file); return undefined; }
    const hit = this.known.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.facts;
    let facts: CarryFacts | undefined;
    if (st.isFile() && st.size <= LIMITS.bytes) {
      try {
        const decoded = decodeReport(fs.readFileSync(file));
        if (decoded.ok && looksLikeReport(decoded.text)) facts = carryFacts(parseReport(decoded.text, pathToFileURL(file).toString()));
      } catch { facts = undefined; }
    }
    this.known.set(file, { mtimeMs: st.mtimeMs, size: st.size, facts });
    return facts;
  }

  /** Every known report's facts except the document's own file. Files are re-examined (one stat
   *  each, a parse only when changed) when the listing is refreshed, not on every keystroke. */
  factsExcept(uri: string): CarryFacts[] {
    const files = this.files();
    if (this.facts?.files !== files) {
      const all: CarryFacts[] = [];
      for (const f of files) { const x = this.factsOf(f); if (x) all.push(x); }
      this.facts = { files, all };
    }
    return this.facts.all.filter((f) => f.uri !== uri);
  }

  private facts: { files: string[]; all: CarryFacts[] } | undefined;

  /** Last year's report of the same agency, by the rule's pairing (agency key, year − 1). */
  lastYearOf(report: Analysis['report']): CarryFacts | undefined {
    const mine = carryFacts(report);
    if (!mine) return undefined;
    return previousReport(mine, indexFacts(this.factsExcept(report.uri).filter((f) => f.year === mine.year - 1)));
  }

  forget(): void {
    this.listing = undefined;
  }
}

export interface LastYear {
  facts: CarryFacts;
  findings: Finding[];
}

const lastYears = new WeakMap<Analysis, LastYear>();

/** Adds carryover-mismatch findings against last year's report in the workspace, when there is one. */
export function addCarryover(a: Analysis, ws: WorkspaceReports): void {
  const mine = carryFacts(a.report);
  if (!mine?.carried) return;
  // Only the agency's reports of the year before matter; the index is the rule's own.
  const index = indexFacts(ws.factsExcept(a.uri).filter((f) => f.year === mine.year - 1));
  const prev = previousReport(mine, index);
  if (!prev) return;
  const findings = checkCarryover(mine, index, a.lang, a.config).map((f) => ({ ...f, message: f.message.replace(prev.uri, displayName(prev.uri)) }));
  lastYears.set(a, { facts: prev, findings });
  if (findings.length === 0) return;
  a.findings.push(...findings);
  a.findings.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}

function displayName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

const H = {
  head: { zh: '**上年报告**（{year} 年度）：[{file}]({uri})', en: '**Last year’s report** ({year}): [{file}]({uri})' },
  row: { zh: '结转下年度继续办理：{values}', en: 'carried forward: {values}' },
  ok: { zh: '✓ 本年上年结转与之一致', en: '✓ this year’s carried-over figures match' },
  bad: { zh: '✗ 有 {n} 列不一致', en: '✗ {n} column(s) differ' },
};

/** Hover on this year's 上年结转 row: last year's figures and where they come from. */
export function carryHover(a: Analysis, pos: Position): string | undefined {
  const ly = lastYears.get(a);
  if (!ly?.facts.next) return undefined;
  const t3 = a.report.tables.find((t) => t.id === 't3');
  const row = t3?.rows.find((r) => r.id === 'carried');
  if (!row || !(contains(row.range, pos) || row.values.some((c) => contains(c.range, pos)))) return undefined;
  const lang: Lang = a.lang;
  const values = ly.facts.columns.map((c, i) => `${c} ${ly.facts.next![i] ?? '?'}`).join('，');
  return [
    format(H.head[lang], { year: ly.facts.year, file: displayName(ly.facts.uri), uri: ly.facts.uri }),
    format(H.row[lang], { values }),
    ly.findings.length ? format(H.bad[lang], { n: ly.findings.length }) : H.ok[lang],
  ].join('\n\n');
}
