// SARIF 2.1.0 for code-scanning dashboards: one run, the rules with their help pages, one result per finding.
import type { Lang } from '../i18n';
import type { Finding, Severity } from '../model';
import { allRules } from '../rules';
import { meta as carryover } from '../rules/carryover-mismatch';
import type { Change } from './changes';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A change as a SARIF fix: the region replaced and the text put in its place. */
function sarifFix(file: string, c: Change) {
  return {
    description: { text: c.title },
    artifactChanges: [{ artifactLocation: { uri: uriOf(file) }, replacements: [{ deletedRegion: { startLine: c.line, startColumn: c.column, endLine: c.endLine, endColumn: c.endColumn }, insertedContent: { text: c.new } }] }],
  };
}

const uriOf = (file: string) => file.split('\\').join('/');

type SarifFile = { file: string; findings: Finding[]; error?: string; fixes?: { applied: Change[]; notApplied: Change[]; dryRun: boolean }; notices?: string[] };

/** Notices of a file: an error, notes (encoding…), and each fix applied — SARIF results describe what is left. */
function notifications(f: SarifFile) {
  const out: { level: string; message: { text: string }; descriptor?: { id: string }; properties?: unknown }[] = [];
  if (f.error) out.push({ level: 'error', message: { text: `${f.file}: ${f.error}` } });
  for (const n of f.notices ?? []) out.push({ level: 'warning', message: { text: `${f.file}: ${n}` } });
  for (const c of f.fixes?.applied ?? []) {
    out.push({ level: 'note', descriptor: { id: c.rule }, message: { text: `${f.file}:${c.line}:${c.column} ${c.rule}: ${c.title}` }, properties: { fix: sarifFix(f.file, c), dryRun: f.fixes!.dryRun } });
  }
  return out;
}

/** Safe fixes held back (they change statistics), keyed by the finding they would resolve. */
function heldIndex(f: SarifFile): Map<string, Change[]> {
  const m = new Map<string, Change[]>();
  for (const c of f.fixes?.notApplied ?? []) {
    const k = `${c.rule}:${c.finding?.line}:${c.finding?.column}`;
    m.set(k, [...(m.get(k) ?? []), c]);
  }
  return m;
}

function heldFor(f: SarifFile, held: Map<string, Change[]>, x: Finding) {
  const h = held.get(`${x.rule}:${x.range.start.line + 1}:${x.range.start.character + 1}`);
  return h ? { fixes: h.map((c) => sarifFix(f.file, c)) } : {};
}

export function toSarif(files: SarifFile[], lang: Lang) {
  const rules = [...allRules, carryover].map((r) => ({ id: r.id, description: r.description, level: r.defaultSeverity }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govreport',
            version: '0.1.0',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description[lang] },
              helpUri: `docs/rules/${r.id}.md`,
              defaultConfiguration: { level: LEVEL[r.level] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((f) => { const held = heldIndex(f); return f.findings.map((x) => ({
          ruleId: x.rule,
          level: LEVEL[x.severity],
          message: { text: x.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(f.file) }, region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1 } } }],
          ...heldFor(f, held, x),
        })); }),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: files.flatMap(notifications) }],
      },
    ],
  };
}
