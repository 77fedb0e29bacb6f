// SARIF 2.1.0 for code-scanning dashboards: one run, the rules with their metadata, one result per
// finding, file locations relative to the working folder (%SRCROOT%), and unreadable files as
// tool execution notifications. Validated against the official schema (test/unit/sarif.test.ts).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION, repositoryUrl, ruleHelpUri } from '../about';
import type { Lang } from '../i18n';
import type { Finding, Severity } from '../model';
import { ruleCatalog } from '../rules/catalog';
import type { Change } from './changes';
import { describeLocation, locate, type LineSource } from '../io/readers/source';
import type { Notice } from '../io/writeBack';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A file as SARIF wants it: relative to %SRCROOT% (the working folder) when inside it, else an absolute file: URI. */
export function artifactLocation(file: string, cwd = process.cwd()): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

type SarifFile = { file: string; findings: Finding[]; error?: string; fixes?: { applied: Change[]; notApplied: Change[]; dryRun: boolean }; notices?: string[]; writeNotices?: Notice[]; source?: LineSource[] };

/** A change as a SARIF fix: the region replaced and the text put in its place. */
function sarifFix(file: string, c: Change, cwd: string) {
  return {
    description: { text: c.title },
    artifactChanges: [{ artifactLocation: artifactLocation(file, cwd), replacements: [{ deletedRegion: { startLine: c.line, startColumn: c.column, endLine: c.endLine, endColumn: c.endColumn }, insertedContent: { text: c.new } }] }],
  };
}

/** Notices of a file (encoding…) and each fix applied: SARIF results describe only what is left. */
function notices(f: SarifFile, cwd: string) {
  const out: { level: string; message: { text: string }; descriptor?: { id: string }; locations?: unknown[]; properties?: Record<string, unknown> }[] = [];
  for (const n of f.notices ?? []) out.push({ level: 'warning', message: { text: `${f.file}: ${n}` }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd) } }] });
  for (const c of f.fixes?.applied ?? []) {
    out.push({ level: 'note', descriptor: { id: c.rule }, message: { text: `${f.file}:${c.line}:${c.column} ${c.rule}: ${c.title}` }, properties: { fix: sarifFix(f.file, c, cwd), dryRun: f.fixes!.dryRun } });
  }
  return out;
}

/** Why fixes were not written (read-only, changed meanwhile, lossy encoding…): the JSON output's `writeNotice`, with its code as the descriptor. */
function writeRefusals(f: SarifFile, lang: Lang, cwd: string) {
  return (f.writeNotices ?? []).map((n) => ({
    level: 'error',
    descriptor: { id: n.code },
    message: { text: `${f.file}: ${n[lang]}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd) } }],
    properties: { writeNotice: n },
  }));
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

export function toSarif(files: SarifFile[], lang: Lang, cwd = process.cwd()) {
  const rules = ruleCatalog();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const unreadable = files.filter((f) => f.error);
  const home = repositoryUrl();
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govreport',
            version: VERSION,
            ...(home ? { informationUri: home } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description[lang] },
              fullDescription: { text: `${r.description.zh} / ${r.description.en}` },
              ...(ruleHelpUri(r.id) ? { helpUri: ruleHelpUri(r.id) } : {}),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { tags: r.tags, fixable: r.fixable },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((f) => { const held = heldIndex(f); return f.findings.map((x) => ({
          ruleId: x.rule,
          ...(index.has(x.rule) ? { ruleIndex: index.get(x.rule) } : {}),
          level: LEVEL[x.severity],
          message: { text: x.message },
          locations: [{
            physicalLocation: { artifactLocation: artifactLocation(f.file, cwd), region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1 } },
            // In a .docx/.html/.pdf report the region counts lines of the extracted text; the logical location names the place in the document.
            ...sourceLocation(f.source, x, lang),
          }],
          ...(held.has(`${x.rule}:${x.range.start.line + 1}:${x.range.start.character + 1}`) ? { fixes: held.get(`${x.rule}:${x.range.start.line + 1}:${x.range.start.character + 1}`)!.map((c) => sarifFix(f.file, c, cwd)) } : {}),
        })); }),
        invocations: [{
          executionSuccessful: unreadable.length === 0,
          toolExecutionNotifications: [...unreadable.flatMap((f) => f.writeNotices?.length ? writeRefusals(f, lang, cwd) : [{
            level: 'error',
            message: { text: `${f.file}: ${f.error}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd) } }],
          }]), ...files.flatMap((f) => notices(f, cwd))],
        }],
      },
    ],
  };
}

function sourceLocation(source: LineSource[] | undefined, x: Finding, lang: Lang) {
  const loc = source && locate(source, x.range.start.line, x.range.start.character);
  return loc ? { logicalLocations: [{ name: describeLocation(loc, lang), kind: 'location' }], properties: { location: loc } } : {};
}
