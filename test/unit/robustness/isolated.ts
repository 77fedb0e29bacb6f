// Runs the checker (or one regular expression) in a worker thread with a hard deadline, so that a
// hang — catastrophic backtracking, an endless loop — fails one test in bounded time instead of
// freezing `npm test`. A worker that misses its deadline is terminated and replaced.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

export interface FindingSummary {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CheckSummary {
  lineCount: number;
  findingCount: number;
  /** The first findings, in order (capped so that a 100,000-finding run stays cheap to pass back). */
  findings: FindingSummary[];
  /** Distinct rules among all findings. */
  rules: string[];
  ruleErrors: { rule: string; error: string }[];
  /** First finding or fix edit whose range lies outside the document, if any. */
  badRange?: string;
  notAReport: boolean;
  format: string;
  year: number | null;
  sections: number;
  tables: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; error: string };

/** A pumped worst case for a regular expression: prefix + unit × n + suffix. */
export interface Pump { prefix: string; unit: string; suffix: string }

type Job =
  | { op: 'check'; text: string }
  | { op: 'probe'; source: string; flags: string; pumps: Pump[]; escalate: number };

// Executed inside the worker (plain JS, after tsx registers the TypeScript loader).
const WORKER_SOURCE = `
require('tsx/cjs');
const { parentPort } = require('node:worker_threads');
const { checkText } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'server', 'src', 'check.ts'))});

function lineLengths(text) {
  const lengths = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

function outside(lengths, r) {
  for (const p of [r.start, r.end]) {
    if (!(p.line >= 0 && p.line < lengths.length)) return 'line ' + p.line + ' of ' + lengths.length;
    if (!(p.character >= 0 && p.character <= lengths[p.line])) return 'character ' + p.character + ' > ' + lengths[p.line] + ' on line ' + p.line;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start after end';
  return undefined;
}

parentPort.on('message', (job) => {
  try {
    if (job.op === 'check') {
      const r = checkText(job.text, { uri: 'file:///hostile.txt' });
      const lengths = lineLengths(job.text);
      let badRange;
      for (const f of r.findings) {
        const b = outside(lengths, f.range);
        if (b) { badRange = f.rule + ': ' + b; break; }
        for (const fix of f.fixes) for (const e of fix.edits) {
          const be = outside(lengths, e.range);
          if (be && !badRange) badRange = f.rule + ' fix “' + fix.title + '”: ' + be;
        }
        if (badRange) break;
      }
      parentPort.postMessage({ ok: true, value: {
        lineCount: lengths.length, findingCount: r.findings.length,
        findings: r.findings.slice(0, 200).map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range })),
        rules: [...new Set(r.findings.map((f) => f.rule))],
        ruleErrors: r.ruleErrors, badRange, notAReport: r.report.notAReport, format: r.report.format,
        year: r.report.year ? r.report.year.value : null, sections: r.report.sections.length, tables: r.report.tables.length,
      } });
    } else {
      // No clock decides the verdict. Each pump is run at 4,096 characters only to pick the pumps worth
      // escalating (the costliest few: a super-linear pump is 16 M steps there, far above a linear one's);
      // those are then run at 1 M characters, where linear work is a few milliseconds and quadratic work
      // is 5·10¹¹ steps — it never finishes, and the caller's deadline (a hang guard) reports it.
      const re = new RegExp(job.source, job.flags);
      const scan = (input) => {
        re.lastIndex = 0;
        if (re.global || re.sticky) {
          let m, guard = 0;
          while ((m = re.exec(input)) && guard++ < 2e6) if (m[0] === '') re.lastIndex++;
        } else re.test(input);
      };
      const build = (p, n) => p.prefix + p.unit.repeat(Math.ceil(n / p.unit.length)) + p.suffix;
      const cost = job.pumps.map((p) => {
        const input = build(p, 4096);
        let best = Infinity;
        for (let k = 0; k < 2; k++) { const t0 = performance.now(); scan(input); best = Math.min(best, performance.now() - t0); }
        return { p, best };
      }).sort((x, y) => y.best - x.best).slice(0, job.escalate);
      const slow = [];
      for (const { p } of cost) {
        parentPort.postMessage({ progress: JSON.stringify(p.prefix + p.unit + '…' + p.suffix) });
        scan(build(p, 1 << 20));
      }
      parentPort.postMessage({ ok: true, value: slow });
    }
  } catch (e) {
    parentPort.postMessage({ ok: false, timedOut: false, error: (e && e.stack) || String(e) });
  }
});
`;

export class Isolated {
  private worker?: Worker;

  private spawn(): Worker {
    if (!this.worker) {
      this.worker = new Worker(WORKER_SOURCE, { eval: true });
      this.worker.unref();
    }
    return this.worker;
  }

  private run<T>(job: Job, timeoutMs: number): Promise<Outcome<T>> {
    const w = this.spawn();
    return new Promise((resolve) => {
      const done = (o: Outcome<T>) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(o);
      };
      let last = '';
      const onMessage = (m: Outcome<T> | { progress: string }) => { if ('progress' in m) last = m.progress; else done(m); };
      const onError = (e: Error) => { this.worker = undefined; done({ ok: false, timedOut: false, error: e.stack ?? String(e) }); };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void w.terminate();
        done({ ok: false, timedOut: true, error: `no answer within ${timeoutMs} ms${last ? ` (on ${last} × 1 M)` : ''}` });
      }, timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage(job);
    });
  }

  /** checkText in the worker. */
  check(text: string, timeoutMs: number): Promise<Outcome<CheckSummary>> {
    return this.run({ op: 'check', text }, timeoutMs);
  }

  /** Runs the pattern's costliest pumps (`escalate` of them) at 1 M characters; a super-linear one never answers. */
  probe(source: string, flags: string, pumps: Pump[], timeoutMs: number, escalate = 3): Promise<Outcome<string[]>> {
    return this.run({ op: 'probe', source, flags, pumps, escalate }, timeoutMs);
  }

  /** Warm-up: the first job pays for loading tsx and compiling the core. */
  async ready(): Promise<void> {
    await this.check('', 60_000);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}
