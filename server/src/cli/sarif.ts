// SARIF 2.1.0 for code-scanning dashboards: one run, the rules with their help pages, one result per finding.
import type { Lang } from '../i18n';
import type { Finding, Severity } from '../model';
import { allRules } from '../rules';
import { meta as carryover } from '../rules/carryover-mismatch';
import { describeLocation, locate, type LineSource } from '../io/readers/source';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(files: { file: string; findings: Finding[]; error?: string; source?: LineSource[] }[], lang: Lang) {
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
        results: files.flatMap((f) => f.findings.map((x) => ({
          ruleId: x.rule,
          level: LEVEL[x.severity],
          message: { text: x.message },
          locations: [{
            physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1 } },
            // In a .docx/.html/.pdf report the region counts lines of the extracted text; the logical location names the place in the document.
            ...sourceLocation(f.source, x, lang),
          }],
        }))),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: files.filter((f) => f.error).map((f) => ({ level: 'error', message: { text: `${f.file}: ${f.error}` } })) }],
      },
    ],
  };
}

function sourceLocation(source: LineSource[] | undefined, x: Finding, lang: Lang) {
  const loc = source && locate(source, x.range.start.line, x.range.start.character);
  return loc ? { logicalLocations: [{ name: describeLocation(loc, lang), kind: 'location' }], properties: { location: loc } } : {};
}
