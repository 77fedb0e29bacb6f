// SARIF 2.1.0 for code-scanning dashboards: one run, the rules with their metadata, one result per
// finding, file locations relative to the working folder (%SRCROOT%), and unreadable files as
// tool execution notifications. Validated against the official schema (test/unit/sarif.test.ts).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION, repositoryUrl, ruleHelpUri } from '../about';
import type { Lang } from '../i18n';
import type { Finding, Severity } from '../model';
import { ruleCatalog } from '../rules/catalog';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A file as SARIF wants it: relative to %SRCROOT% (the working folder) when inside it, else an absolute file: URI. */
export function artifactLocation(file: string, cwd = process.cwd()): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

export function toSarif(files: { file: string; findings: Finding[]; error?: string }[], lang: Lang, cwd = process.cwd()) {
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
        results: files.flatMap((f) => f.findings.map((x) => ({
          ruleId: x.rule,
          ...(index.has(x.rule) ? { ruleIndex: index.get(x.rule) } : {}),
          level: LEVEL[x.severity],
          message: { text: x.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd), region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1 } } }],
        }))),
        invocations: [{
          executionSuccessful: unreadable.length === 0,
          toolExecutionNotifications: unreadable.map((f) => ({
            level: 'error',
            message: { text: `${f.file}: ${f.error}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd) } }],
          })),
        }],
      },
    ],
  };
}
