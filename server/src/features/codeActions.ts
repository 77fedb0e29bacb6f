// Quick fixes straight from the cached findings (matched to the client's diagnostics by rule and
// range), "fix all of this kind" per rule, and source.fixAll.govreport for fix-on-save. Edits are
// computed from the analysed version, so callers should send them as versioned document edits.
import {
  CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Finding } from '../model';
import { applyFixList, fixAll, safeFixes } from '../fix';
import { splitLines } from '../parse/text';
import { type Analysis, overlaps, positionAt, sameRange } from './analysis';
import { SOURCE, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

const T = {
  fixAll: { zh: '全部修复（govreport）', en: 'Fix all (govreport)' },
  fixKind: { zh: '修复本文档中全部“{rule}”问题（{n} 处）', en: 'Fix all {n} “{rule}” problems in this document' },
};

/** Wraps text edits for one document: versioned when the client supports documentChanges. */
export type EditWrapper = (edits: TextEdit[]) => WorkspaceEdit;

export function wrapper(uri: string, version: number, documentChanges: boolean): EditWrapper {
  return (edits) => (documentChanges && version >= 0
    ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
    : { changes: { [uri]: edits } });
}

/**
 * The smallest single edit that turns `oldText` into `newText`: common prefix and suffix are kept.
 * Cursor, folding and undo stay where they were outside the changed region. Undefined when equal.
 */
export function minimalEdit(oldText: string, newText: string, oldLineStarts?: number[]): TextEdit | undefined {
  if (oldText === newText) return undefined;
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let endOld = oldText.length;
  let endNew = newText.length;
  while (endOld > start && endNew > start && oldText.charCodeAt(endOld - 1) === newText.charCodeAt(endNew - 1)) { endOld--; endNew--; }
  // Never split a surrogate pair or a CRLF: the positions would not be valid in the editor.
  const splits = (t: string, i: number) => i > 0 && i < t.length
    && ((t.charCodeAt(i - 1) === 13 && t.charCodeAt(i) === 10) || (t.charCodeAt(i) >= 0xdc00 && t.charCodeAt(i) <= 0xdfff));
  while (start > 0 && (splits(oldText, start) || splits(newText, start))) start--;
  while ((splits(oldText, endOld) || splits(newText, endNew)) && endOld < oldText.length && endNew < newText.length) { endOld++; endNew++; }
  const starts = oldLineStarts ?? splitLines(oldText).starts;
  const range: Range = { start: positionAt(starts, start), end: positionAt(starts, endOld) };
  return { range, newText: newText.slice(start, endNew) };
}

/** The edit of source.fixAll: every safe fix (re-checked until stable) as one minimal edit. */
export function fixAllEdit(a: Analysis): TextEdit | undefined {
  const { text } = fixAll(a.text, { uri: a.uri, lang: a.lang, config: a.config }, undefined, a.findings);
  return minimalEdit(a.text, text, a.report.lineStarts);
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function isOurs(d: Diagnostic): boolean {
  return d.source === SOURCE && d.code !== undefined;
}

export function codeActions(a: Analysis, range: Range, context: CodeActionContext, wrap: EditWrapper, docsBase: string): CodeAction[] {
  const out: CodeAction[] = [];
  const lang = a.lang;
  if (wants(context.only, CodeActionKind.QuickFix)) {
    // Findings the client asked about: by rule and exact range; if the client sent none of ours
    // (some editors send an empty context), the findings under the requested range.
    const asked = context.diagnostics.filter(isOurs);
    const pairs: { finding: Finding; diagnostic: Diagnostic }[] = [];
    if (asked.length) {
      for (const d of asked) {
        for (const f of a.findings) if (f.rule === String(d.code) && sameRange(f.range, d.range)) pairs.push({ finding: f, diagnostic: d });
      }
    } else {
      for (const f of a.findings) if (overlaps(f.range, range)) pairs.push({ finding: f, diagnostic: toDiagnostic(f, docsBase) });
    }
    const rulesSeen = new Set<string>();
    for (const { finding, diagnostic } of pairs) {
      for (const fix of finding.fixes) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safe,
          edit: wrap(fix.edits.map((e) => ({ range: e.range, newText: e.newText }))),
        });
      }
      if (finding.fixes.some((f) => f.safe)) rulesSeen.add(finding.rule);
    }
    // "Fix all of this kind": only worth offering when the rule has more than one safe fix.
    for (const rule of rulesSeen) {
      const fixes = safeFixes(a.findings, new Set([rule]));
      if (fixes.length < 2) continue;
      const edit = minimalEdit(a.text, applyFixList(a.text, fixes).text, a.report.lineStarts);
      if (!edit) continue;
      out.push({
        title: T.fixKind[lang].replace('{rule}', rule).replace('{n}', String(fixes.length)),
        kind: CodeActionKind.QuickFix,
        // Every diagnostic the action resolves, not only the ones under the cursor.
        diagnostics: a.findings.filter((f) => f.rule === rule && f.fixes.some((x) => x.safe)).map((f) => toDiagnostic(f, docsBase)),
        edit: wrap([edit]),
      });
    }
  }
  // source.fixAll is only computed when asked for explicitly (on save, or the command): it re-checks.
  if (context.only && wants(context.only, FIX_ALL_KIND)) {
    const edit = fixAllEdit(a);
    if (edit) out.push({ title: T.fixAll[lang], kind: FIX_ALL_KIND, edit: wrap([edit]) });
  }
  return out;
}
