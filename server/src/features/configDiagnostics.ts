// The problems of a .govreportrc.json as LSP diagnostics on that file, so a broken configuration is
// seen where it is written (the JSON schema the extension contributes catches most of them while typing).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProblem } from '../config';
import type { Lang } from '../i18n';

export function configDiagnostics(problems: ConfigProblem[], lang: Lang): Diagnostic[] {
  return problems.map((p) => ({
    // Lines and columns are counted without a BOM, as editors count them.
    range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: p.column - 1 + Math.max(1, p.length) } },
    severity: 1,
    source: 'govreport',
    message: p.message[lang],
  }));
}
