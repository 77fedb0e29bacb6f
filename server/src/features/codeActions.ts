// Quick fixes straight from the cached findings (matched to the client's diagnostics by rule and
// range), "fix all of this kind" per rule, and source.fixAll.govreport for fix-on-save. Edits are
// computed from the analysed version, so callers should send them as versioned document edits.
import {
  CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Finding } from '../model';
import { allowed, applyFixList, fixAll, safeFixes, type FixPolicy } from '../fix';
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

/** What fix-on-save and "fix all" apply unseen: numeric fixes only when govreport.fix.numbers (or the rc file) allows. */
export function policyOf(a: Analysis): FixPolicy {
  return { text: true, numbers: a.config.fix?.numbers === true };
}

/**
 * Fix-all in the editor applies the fixes of the findings it already has, then re-checks for fixes
 * they unlock (rare) only in documents small enough for a re-check to go unnoticed; in a bigger one
 * those wait for the next save. So a save costs one application of the fixes, not ten checks.
 */
export const FIX_ALL_RECHECK_CHARS = 256 * 1024;

/** The edit of source.fixAll: every allowed safe fix (re-checked until stable, bounded) as one minimal edit. */
export function fixAllEdit(a: Analysis): TextEdit | undefined {
  const passes = a.text.length <= FIX_ALL_RECHECK_CHARS ? 3 : 1;
  const { text } = fixAll(a.text, { uri: a.uri, lang: a.lang, config: a.config }, passes, a.findings, policyOf(a));
  return minimalEdit(a.text, text, a.report.lineStarts);
}

/** Findings by rule and exact range, built once per analysis: the client names the diagnostics it wants fixed. */
const byKey = new WeakMap<Analysis, Map<string, Finding[]>>();
const keyOf = (rule: string, r: Range) => `${rule}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function findingsFor(a: Analysis, rule: string, r: Range): Finding[] {
  let m = byKey.get(a);
  if (!m) {
    m = new Map();
    for (const f of a.findings) {
      const k = keyOf(f.rule, f.range);
      const list = m.get(k);
      if (list) list.push(f); else m.set(k, [f]);
    }
    byKey.set(a, m);
  }
  return m.get(keyOf(rule, r)) ?? [];
}

/** "Fix all of this kind" per rule, computed once per analysis (the editor asks on every cursor move). */
const kindCache = new WeakMap<Analysis, Map<string, { edit?: TextEdit; n: number; diagnostics: Diagnostic[] } | undefined>>();

function fixKind(a: Analysis, rule: string, docsBase: string) {
  let m = kindCache.get(a);
  if (!m) { m = new Map(); kindCache.set(a, m); }
  if (m.has(rule)) return m.get(rule);
  const policy = policyOf(a);
  const fixes = safeFixes(a.findings, new Set([rule]), policy);
  let v;
  if (fixes.length >= 2) {
    const edit = minimalEdit(a.text, applyFixList(a.text, fixes, a.report.lineStarts).text, a.report.lineStarts);
    // Every diagnostic the action resolves, not only the ones under the cursor.
    const diagnostics = a.findings.filter((f) => f.rule === rule && f.fixes.some((x) => allowed(x, policy))).map((f) => toDiagnostic(f, docsBase));
    v = edit ? { edit, n: fixes.length, diagnostics } : undefined;
  }
  m.set(rule, v);
  return v;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function isOurs(d: Diagnostic): boolean {
  return d.source === SOURCE && d.code !== undefined;
}

/** What a lazily computed "fix all of this kind" action carries until codeAction/resolve. */
export interface KindData { uri: string; version: number; rule: string }

/** Fills in the edit of a "fix all of this kind" action (codeAction/resolve); undefined when the document moved on. */
export function resolveFixKind(a: Analysis, action: CodeAction, wrap: EditWrapper, docsBase: string): CodeAction | undefined {
  const d = action.data as KindData | undefined;
  if (!d || d.uri !== a.uri || d.version !== a.version) return undefined;
  const k = fixKind(a, d.rule, docsBase);
  return k?.edit ? { ...action, edit: wrap([k.edit]) } : undefined;
}

/**
 * Code actions for the diagnostics the client names (or those under the range). With `lazy` (the
 * client resolves code actions), "fix all of this kind" is sent without its edit, which is computed
 * only when the author picks it: the request the editor sends on every cursor move stays cheap.
 */
export function codeActions(a: Analysis, range: Range, context: CodeActionContext, wrap: EditWrapper, docsBase: string, lazy = false): CodeAction[] {
  const out: CodeAction[] = [];
  const lang = a.lang;
  if (wants(context.only, CodeActionKind.QuickFix)) {
    // Findings the client asked about: by rule and exact range; if the client sent none of ours
    // (some editors send an empty context), the findings under the requested range.
    const asked = context.diagnostics.filter(isOurs);
    const pairs: { finding: Finding; diagnostic: Diagnostic }[] = [];
    if (asked.length) {
      for (const d of asked) {
        for (const f of findingsFor(a, String(d.code), d.range)) if (sameRange(f.range, d.range)) pairs.push({ finding: f, diagnostic: d });
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
          // Preferred fixes may be applied by a keystroke without the menu: never a numeric one unless allowed.
          isPreferred: allowed(fix, policyOf(a)),
          edit: wrap(fix.edits.map((e) => ({ range: e.range, newText: e.newText }))),
        });
      }
      if (finding.fixes.some((f) => allowed(f, policyOf(a)))) rulesSeen.add(finding.rule);
    }
    // "Fix all of this kind": only worth offering when the rule has more than one allowed safe fix.
    for (const rule of rulesSeen) {
      if (lazy) {
        const n = safeFixes(a.findings, new Set([rule]), policyOf(a)).length;
        if (n < 2) continue;
        const data: KindData = { uri: a.uri, version: a.version, rule };
        out.push({ title: T.fixKind[lang].replace('{rule}', rule).replace('{n}', String(n)), kind: CodeActionKind.QuickFix, diagnostics: pairs.filter((p) => p.finding.rule === rule).map((p) => p.diagnostic), data });
        continue;
      }
      const k = fixKind(a, rule, docsBase);
      if (!k?.edit) continue;
      out.push({
        title: T.fixKind[lang].replace('{rule}', rule).replace('{n}', String(k.n)),
        kind: CodeActionKind.QuickFix,
        diagnostics: k.diagnostics,
        edit: wrap([k.edit]),
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
