// Finding → LSP Diagnostic. The rule id is the diagnostic code and links to docs/rules/<id>.md as
// shipped inside the extension, so "learn more" works offline.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../model';
import type { Analysis } from './analysis';

export const SOURCE = 'govreport';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Warning;
}

/**
 * Base URI (ending in "/") of the rule pages. `extensionRoot` comes from the client's
 * initializationOptions (a file path or a URI); without it, the bundle's own location is used:
 * dist/server.js → <root>/docs/rules/.
 */
export function ruleDocsBase(extensionRoot?: string): string {
  if (extensionRoot && /^[a-z][\w+.-]+:\/\//i.test(extensionRoot)) return `${extensionRoot.replace(/\/+$/, '')}/docs/rules/`;
  const root = extensionRoot || path.resolve(__dirname, '..');
  return pathToFileURL(path.join(root, 'docs', 'rules') + path.sep).href;
}

export function ruleDocUri(base: string, rule: string): string {
  return `${base}${encodeURIComponent(rule)}.md`;
}

export function toDiagnostic(f: Finding, docsBase: string): Diagnostic {
  return {
    range: f.range,
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.rule,
    codeDescription: { href: ruleDocUri(docsBase, f.rule) },
    message: f.message,
  };
}

export function diagnostics(a: Analysis, docsBase: string): Diagnostic[] {
  return a.findings.map((f) => toDiagnostic(f, docsBase));
}

/** Problem counts by severity, for the status bar. */
export function counts(a: Analysis): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of a.findings) c[f.severity]++;
  return c;
}
