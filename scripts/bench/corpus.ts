// Benchmark corpus under .bench/corpus: 1,000 typical reports derived from the five samples with
// varied numbers (arithmetic kept consistent, prose figures updated to match), about 15% with one
// injected fault, plus a 1 MiB and a 10 MiB document built by repeating sections of a sample.
// Deterministic: the same seed and the same samples give byte-identical files.
//
// The core is used read-only here (parse, grid) to find cells and their ranges; nothing is timed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { parseReport } from '../../server/src/parse/parse';
import { checkText } from '../../server/src/check';
import { grid, type Grid } from '../../server/src/rules/arithmetic';
import type { Cell, Finding, Report } from '../../server/src/model';

export const SEED = 20240131;
export const REPORTS = 1000;
export const FAULT_SHARE = 0.15;
export const MIB = 1024 * 1024;
/** Bump when the generator changes in a way that changes its output. */
const GENERATOR_VERSION = 4;

export type FaultKind = 'total' | 'drop-row' | 'drop-cell' | 'rename-section';
const FAULTS: FaultKind[] = ['total', 'drop-row', 'drop-cell', 'rename-section'];
/** Rules that count as having caught each injected fault. */
export const FAULT_RULES: Record<FaultKind, string[]> = {
  total: ['total-mismatch', 'balance-mismatch'],
  'drop-row': ['table-row-missing', 'row-numbering', 'total-mismatch'],
  'drop-cell': ['table-unbalanced'],
  'rename-section': ['section-title', 'section-missing', 'section-numbering'],
};

export interface ReportEntry { file: string; sample: string; bytes: number; fault?: FaultKind }
export interface Manifest {
  key: string;
  seed: number;
  reports: ReportEntry[];
  totalBytes: number;
  big: { file: string; bytes: number; label: string }[];
  /** Sanity of the generator itself: consistent copies whose findings differ from their sample's. */
  drift: { file: string; extra: string[]; missing: string[] }[];
  faultsCaught: number;
  faults: number;
  /** Samples whose table 三 could not be varied consistently (kept as published). */
  t3Fixed: string[];
  generatedMs: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32).

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

// ---------------------------------------------------------------------------------------------
// Text edits (all inside one line) and line deletions.

interface Edit { line: number; start: number; end: number; text: string }

function applyEdits(text: string, edits: Edit[], dropLines: Set<number> = new Set()): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, Edit[]>();
  for (const e of edits) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  for (const [line, es] of byLine) {
    let s = lines[line];
    for (const e of es.sort((a, b) => b.start - a.start)) s = s.slice(0, e.start) + e.text + s.slice(e.end);
    lines[line] = s;
  }
  return lines.filter((_, i) => !dropLines.has(i)).join(eol);
}

/** A cell whose digits can be rewritten in place: a clean integer (optionally signed) or number+unit. */
function writable(c: Cell | undefined): boolean {
  if (!c || c.kind !== 'number' || c.value === null || !Number.isInteger(c.value)) return false;
  if (c.numberIssue && c.numberIssue !== 'unit') return false;
  return (c.text.match(/\d+/g) ?? []).length === 1;
}

function setCell(c: Cell, value: number, edits: Edit[]): void {
  const m = /\d+/.exec(c.text)!;
  let prefix = c.text.slice(0, m.index);
  if (value < 0) { prefix = prefix.replace(/[+-]$/, '') + '-'; value = -value; }
  else if (prefix.endsWith('-')) prefix = prefix.slice(0, -1);
  const text = prefix + String(value) + c.text.slice(m.index + m[0].length);
  edits.push({ line: c.range.start.line, start: c.range.start.character, end: c.range.end.character, text });
}

/** A new count near the old one; zero mostly stays zero, as in real reports. */
function vary(rnd: Rnd, v: number): number {
  if (v === 0) return rnd() < 0.12 ? int(rnd, 1, 6) : 0;
  const sign = v < 0 ? -1 : 1;
  return sign * Math.max(1, Math.round(Math.abs(v) * (0.4 + rnd() * 1.6)));
}

// ---------------------------------------------------------------------------------------------
// Consistent variation of table 三: new + carried = Σ outcomes + next, per column; totals recomputed.

function varyT3(g: Grid, rnd: Rnd, edits: Edit[]): boolean {
  const across = g.spec.across?.[0];
  const down = g.spec.down?.[0];
  if (!across || !down || !g.spec.balance?.length) return false;
  const ids = ['new', 'carried', 'next', down.total, ...down.parts];
  if (!ids.every((id) => g.rows.has(id))) return false;
  const cols = g.spec.columns.length;
  for (const id of ids) for (let i = 0; i < cols; i++) if (!writable(g.rows.get(id)!.row.values[i])) return false;
  const val = (id: string, i: number) => g.rows.get(id)!.values[i] ?? 0;
  const out = new Map<string, number[]>(ids.map((id) => [id, new Array<number>(cols).fill(0)]));
  const partCols = across.parts.map((p) => g.col(p));
  const totalCol = g.col(across.total);
  if (partCols.some((c) => c < 0) || totalCol < 0) return false;
  for (const c of partCols) {
    const fresh = Math.max(0, vary(rnd, val('new', c)));
    const carried = rnd() < 0.85 ? Math.max(0, vary(rnd, val('carried', c))) : 0;
    const inflow = fresh + carried;
    const next = inflow > 0 && rnd() < 0.25 ? int(rnd, 0, Math.min(inflow, 4)) : 0;
    let rest = inflow - next;
    const w = down.parts.map((id) => val(id, c) + (rnd() < 0.15 ? rnd() * 2 : 0) + (id === 'r1' ? 0.5 : 0));
    const W = w.reduce((a, b) => a + b, 0);
    const alloc = w.map((x) => Math.floor((rest * x) / W));
    rest -= alloc.reduce((a, b) => a + b, 0);
    while (rest-- > 0) {
      let r = rnd() * W;
      let k = 0;
      while (k < w.length - 1 && (r -= w[k]) > 0) k++;
      alloc[k]++;
    }
    out.get('new')![c] = fresh;
    out.get('carried')![c] = carried;
    out.get('next')![c] = next;
    down.parts.forEach((id, k) => (out.get(id)![c] = alloc[k]));
    out.get(down.total)![c] = alloc.reduce((a, b) => a + b, 0);
  }
  for (const [id, vals] of out) {
    vals[totalCol] = partCols.reduce((s, c) => s + vals[c], 0);
    const row = g.rows.get(id)!.row;
    vals.forEach((v, i) => { if (v !== val(id, i)) setCell(row.values[i], v, edits); });
  }
  return true;
}

/** Tables with only across sums (table 四): vary the parts, recompute each total. */
function varyAcross(g: Grid, rnd: Rnd, edits: Edit[]): void {
  for (const { row, values } of g.rows.values()) {
    const next = values.map((v) => v ?? 0);
    const totals = new Set<number>();
    for (const rule of g.spec.across ?? []) {
      const t = g.col(rule.total);
      const parts = rule.parts.map((p) => g.col(p));
      if (t < 0 || parts.some((p) => p < 0) || ![t, ...parts].every((i) => writable(row.values[i]))) continue;
      // Litigation is rare: keep most groups at zero.
      for (const p of parts) next[p] = rnd() < 0.5 ? Math.max(0, vary(rnd, values[p] ?? 0)) : values[p] ?? 0;
      next[t] = parts.reduce((s, p) => s + next[p], 0);
      totals.add(t);
    }
    next.forEach((v, i) => { if (v !== (values[i] ?? 0) && writable(row.values[i])) setCell(row.values[i], v, edits); });
  }
}

/** Table 二 blocks have no sums: every number varies on its own (signs kept). */
function varyFree(report: Report, tableIds: Set<string>, rnd: Rnd, edits: Edit[]): void {
  for (const t of report.tables) {
    if (!tableIds.has(t.id)) continue;
    for (const r of t.rows) for (const c of r.values) if (writable(c)) {
      const v = vary(rnd, c.value!);
      if (v !== c.value) setCell(c, v, edits);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Faults.

function t3Grid(report: Report): Grid | undefined {
  const t = report.tables.find((x) => x.id === 't3');
  return t && grid(report, t);
}

function injectFault(text: string, kind: FaultKind, rnd: Rnd): string | undefined {
  const report = parseReport(text, 'bench');
  const g = t3Grid(report);
  if (kind === 'rename-section') {
    const RENAMED: Record<number, string[]> = {
      2: ['主动公开信息情况', '主动公开政府信息工作'],
      3: ['收到和处理依申请公开情况', '依申请公开办理情况'],
      4: ['行政复议和诉讼情况', '复议诉讼情况'],
      5: ['存在问题和改进措施', '问题及改进'],
      6: ['其他事项', '需要报告的其他事项'],
    };
    const s = report.sections.filter((x) => x.std && RENAMED[x.std] && x.titleRange.start.line === x.titleRange.end.line);
    if (!s.length) return undefined;
    const sec = pick(rnd, s);
    const r = sec.titleRange;
    return applyEdits(text, [{ line: r.start.line, start: r.start.character, end: r.end.character, text: pick(rnd, RENAMED[sec.std!]) }]);
  }
  if (!g) return undefined;
  const across = g.spec.across?.[0];
  if (kind === 'total') {
    if (!across) return undefined;
    const rows = [...g.rows.values()].filter((r) => writable(r.row.values[g.col(across.total)]));
    if (!rows.length) return undefined;
    const r = pick(rnd, rows);
    const c = r.row.values[g.col(across.total)];
    const edits: Edit[] = [];
    setCell(c, (c.value ?? 0) + int(rnd, 1, 5), edits);
    return applyEdits(text, edits);
  }
  const t3 = report.tables.find((x) => x.id === 't3')!;
  const lineOwners = new Map<number, number>();
  const own = (line: number) => lineOwners.set(line, (lineOwners.get(line) ?? 0) + 1);
  for (const r of t3.rows) for (let l = r.range.start.line; l <= r.range.end.line; l++) own(l);
  for (const gr of t3.groups) for (const c of gr.cells) own(c.line);
  if (kind === 'drop-row') {
    const ids = ['r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8', 'r4_2', 'r4_3', 'r5_2', 'r5_3', 'r5_4', 'r5_5'];
    const rows = t3.rows.filter((r) => r.id && ids.includes(r.id)).filter((r) => {
      for (let l = r.range.start.line; l <= r.range.end.line; l++) if (lineOwners.get(l) !== 1) return false;
      return true;
    });
    if (!rows.length) return undefined;
    const r = pick(rnd, rows);
    const drop = new Set<number>();
    for (let l = r.range.start.line; l <= r.range.end.line; l++) drop.add(l);
    return applyEdits(text, [], drop);
  }
  // drop-cell: remove one value (and its separator) from a complete row.
  const rows = [...g.rows.values()].filter((r) => r.row.values.length >= 2);
  if (!rows.length) return undefined;
  const vs = pick(rnd, rows).row.values;
  const k = int(rnd, 0, vs.length - 1);
  const c = vs[k];
  const line = c.range.start.line;
  if (k + 1 < vs.length && vs[k + 1].range.start.line === line) return applyEdits(text, [{ line, start: c.range.start.character, end: vs[k + 1].range.start.character, text: '' }]);
  if (k > 0 && vs[k - 1].range.end.line === line) return applyEdits(text, [{ line, start: vs[k - 1].range.end.character, end: c.range.end.character, text: '' }]);
  return applyEdits(text, [], new Set([line]));
}

// ---------------------------------------------------------------------------------------------
// Place names, so that 1,000 copies are 1,000 agencies (the CLI's cross-report rule sees distinct keys).

const PLACES = ['东城', '西城', '南山', '北湖', '临江', '清河', '长宁', '安平', '永和', '新华', '平阳', '文昌', '丰台', '龙泉', '石门', '白云', '青山', '金川', '玉泉', '天河', '宝山', '高新', '城关', '河西', '华容'];
const PLACE_OF: Record<string, { from: string; suffix: string }> = {
  kunming: { from: '西山', suffix: '区' },
  lushan: { from: '鲁山', suffix: '县' },
  xinxiang: { from: '新乡', suffix: '市' },
  yuyao: { from: '余姚', suffix: '市' },
};

function rename(text: string, sample: string, rnd: Rnd): string {
  const p = PLACE_OF[sample.split('-')[0]];
  if (!p) return text;
  const to = pick(rnd, PLACES);
  return text.split(p.from + p.suffix).join(to + p.suffix);
}

// ---------------------------------------------------------------------------------------------

function ruleBag(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}

interface Sample { name: string; text: string; base: Finding[] }

/** One consistent copy: numbers varied in every table, prose figures brought in line. */
function variant(s: Sample, rnd: Rnd, t3Fixed: Set<string>): string {
  let text = rename(s.text, s.name, rnd);
  const report = parseReport(text, 'bench');
  const edits: Edit[] = [];
  let t3Done = false;
  for (const t of report.tables) {
    const g = grid(report, t);
    if (!g) continue;
    if (t.id === 't3') t3Done = varyT3(g, rnd, edits);
    else if (g.spec.across?.length) varyAcross(g, rnd, edits);
  }
  if (!t3Done) t3Fixed.add(s.name);
  varyFree(report, new Set(['t2.1', 't2.5', 't2.6', 't2.8', 't2.9']), rnd, edits);
  text = applyEdits(text, edits);
  // Figures quoted in the prose that agreed with the sample's table must agree with the new one;
  // the sample's own contradictions (a real finding) stay.
  const known = new Set(s.base.filter((f) => f.rule === 'narrative-mismatch').map((f) => `${f.range.start.line}:${f.data?.actual}`));
  const prose: Edit[] = [];
  for (const f of checkText(text).findings) {
    if (f.rule !== 'narrative-mismatch' || known.has(`${f.range.start.line}:${f.data?.actual}`) || f.data?.expected === undefined) continue;
    prose.push({ line: f.range.start.line, start: f.range.start.character, end: f.range.end.character, text: `${f.data.expected}件` });
  }
  return applyEdits(text, prose);
}

/** A big document: title, then the sample's sections repeated (each copy with fresh numbers), signature. */
function bigDocument(s: Sample, targetBytes: number, rnd: Rnd, t3Fixed: Set<string>): string {
  const eol = '\n';
  const first = parseReport(s.text, 'bench');
  const lines = s.text.split(/\r?\n/);
  const bodyStart = first.sections[0]?.headingLine ?? 0;
  const bodyEnd = first.publishDate ? first.publishDate.line - 1 : lines.length;
  const head = lines.slice(0, bodyStart).join(eol);
  const tail = lines.slice(bodyEnd).join(eol);
  const parts: string[] = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail) + 2;
  while (bytes < targetBytes) {
    const body = variant(s, rnd, t3Fixed).split(/\r?\n/).slice(bodyStart, bodyEnd).join(eol);
    parts.push(body);
    bytes += Buffer.byteLength(body) + 1;
  }
  parts.push(tail);
  return parts.join(eol);
}

function cacheKey(samplesDir: string): string {
  const h = crypto.createHash('sha256');
  h.update(`${GENERATOR_VERSION}:${SEED}:${REPORTS}:${FAULT_SHARE}`);
  h.update(fs.readFileSync(__filename));
  for (const f of fs.readdirSync(samplesDir).filter((x) => x.endsWith('.txt')).sort()) h.update(f).update(fs.readFileSync(path.join(samplesDir, f)));
  return h.digest('hex').slice(0, 16);
}

/** Generates the corpus unless .bench/corpus already holds the one this generator would make. */
export function ensureCorpus(root: string, samplesDir: string, opts: { force?: boolean; log?: (s: string) => void } = {}): Manifest {
  const log = opts.log ?? (() => undefined);
  const dir = path.join(root, 'corpus');
  const manifestFile = path.join(dir, 'manifest.json');
  const key = cacheKey(samplesDir);
  if (!opts.force && fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (m.key === key && m.reports.every((r) => fs.existsSync(path.join(dir, r.file)))) { log(`corpus: reusing ${dir} (key ${key})`); return m; }
  }
  const t0 = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'reports'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'big'), { recursive: true });
  const samples: Sample[] = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const text = fs.readFileSync(path.join(samplesDir, f), 'utf8');
    return { name: f.replace(/\.txt$/, ''), text, base: checkText(text).findings };
  });
  const rnd = prng(SEED);
  const t3Fixed = new Set<string>();
  const reports: ReportEntry[] = [];
  const drift: Manifest['drift'] = [];
  let faults = 0;
  let caught = 0;
  for (let i = 0; i < REPORTS; i++) {
    const s = samples[i % samples.length];
    let text = variant(s, rnd, t3Fixed);
    let fault: FaultKind | undefined;
    if (rnd() < FAULT_SHARE) {
      const kind = FAULTS[faults % FAULTS.length];
      const faulty = injectFault(text, kind, rnd);
      if (faulty !== undefined && faulty !== text) { text = faulty; fault = kind; faults++; }
    }
    const findings = checkText(text).findings;
    if (fault) {
      if (findings.some((f) => FAULT_RULES[fault!].includes(f.rule))) caught++;
    } else {
      const want = ruleBag(s.base);
      const got = ruleBag(findings);
      const extra = [...got].filter(([r, n]) => n > (want.get(r) ?? 0)).map(([r]) => r);
      // A sample's prose contradiction may disappear when the new numbers happen to agree with it.
      const missing = [...want].filter(([r, n]) => n > (got.get(r) ?? 0) && r !== 'narrative-mismatch').map(([r]) => r);
      if (extra.length || missing.length) drift.push({ file: '', extra, missing });
    }
    const file = `reports/r${String(i + 1).padStart(4, '0')}-${s.name.split('-')[0]}${fault ? `-fault-${fault}` : ''}.txt`;
    if (drift.length && drift[drift.length - 1].file === '') drift[drift.length - 1].file = file;
    fs.writeFileSync(path.join(dir, file), text);
    reports.push({ file, sample: s.name, bytes: Buffer.byteLength(text), fault });
  }
  // Big documents repeat the clean pipe-layout sample (2021 format), numbers varied per copy.
  const bigSample = samples.find((s) => s.name.startsWith('kunming')) ?? samples[0];
  const big: Manifest['big'] = [];
  for (const [label, size] of [['1 MiB', MIB], ['10 MiB', 10 * MIB]] as const) {
    const text = bigDocument(bigSample, size, prng(SEED + size), t3Fixed);
    const file = `big/${label.replace(' ', '')}-${bigSample.name}.txt`;
    fs.writeFileSync(path.join(dir, file), text);
    big.push({ file, bytes: Buffer.byteLength(text), label });
  }
  const manifest: Manifest = {
    key, seed: SEED, reports, totalBytes: reports.reduce((a, r) => a + r.bytes, 0), big, drift,
    faultsCaught: caught, faults, t3Fixed: [...t3Fixed].sort(), generatedMs: Math.round(performance.now() - t0),
  };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
  log(`corpus: ${reports.length} reports (${faults} with an injected fault, ${caught} flagged), ${(manifest.totalBytes / MIB).toFixed(2)} MiB; `
    + `${big.map((b) => `${b.label} doc ${(b.bytes / MIB).toFixed(2)} MiB`).join(', ')}; ${manifest.generatedMs} ms`);
  if (drift.length) log(`corpus: WARNING ${drift.length} consistent copies differ from their sample's findings, e.g. ${JSON.stringify(drift.slice(0, 3))}`);
  if (t3Fixed.size) log(`corpus: table 三 kept as published (not consistently variable) in: ${[...t3Fixed].join(', ')}`);
  return manifest;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../../.bench');
  ensureCorpus(root, path.resolve(__dirname, '../../test/fixtures'), { force: process.argv.includes('--force'), log: (s) => console.log(s) });
}
