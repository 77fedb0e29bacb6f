// One configuration shape for the editor, the workspace check and the CLI, so a rule switched off
// in one place is off everywhere. Sources: .govreportrc.json (found upward from the file), the
// editor settings (govreport.format / govreport.rules), and CLI flags; later sources win.
// This file PARSES and VALIDATES configuration text; finding and reading the file is io's job.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Severity } from './model';
import { ruleIds } from './rules/catalog';
import { closest } from './suggest';
import { parseSize } from './io/size';

export type RuleSetting = Severity | 'off';

export interface GovreportConfig {
  /** Format to check against: auto (from the report year and the tables) or forced. */
  format?: 'auto' | '2021' | '2019';
  /** Per-rule severity override, or "off". */
  rules?: Record<string, RuleSetting>;
  /** Largest report read, in bytes ("maxFileSize": 268435456 or "256M"); default 256 MiB. */
  maxFileSize?: number;
  /** What `--fix` and fix-all may apply unseen: `numbers: true` lets them change statistics too. */
  fix?: { numbers?: boolean };
}

export const CONFIG_FILE = '.govreportrc.json';

/** The keys a configuration file may have (`$schema` lets editors find the JSON schema). */
export const CONFIG_KEYS = ['$schema', 'format', 'rules', 'fix', 'maxFileSize'] as const;
export const FORMATS = ['auto', '2021', '2019'] as const;
export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

type Text = { zh: string; en: string };

/** A problem found in a configuration, with where it is (0-based offset; 1-based line and column). */
export interface ConfigProblem {
  message: Text;
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** A problem found while validating a value: the JSON path it is at, and whether the key itself is wrong. */
interface Issue {
  path: (string | number)[];
  onKey?: boolean;
  message: Text;
}

// JSON.stringify writes an overflowing number (1e400) as null: say Infinity instead.
const q = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v));
const didYouMean = (name: string, known: readonly string[]): Text => {
  const s = closest(name, known);
  return s ? { zh: `，是否想写 “${s}”？`, en: `; did you mean “${s}”?` } : { zh: '', en: '' };
};

/** Checks a parsed value (file or editor settings); returns the usable part and every issue. */
function checkValue(value: unknown): { config: GovreportConfig; issues: Issue[] } {
  const issues: Issue[] = [];
  const config: GovreportConfig = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config, issues: [{ path: [], message: { zh: '配置必须是一个 JSON 对象 { … }', en: 'the configuration must be a JSON object { … }' } }] };
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
    const dym = didYouMean(key, CONFIG_KEYS.filter((k) => k !== '$schema'));
    issues.push({ path: [key], onKey: true, message: { zh: `未知的配置项 “${key}”${dym.zh}（可用：format、rules、fix、maxFileSize）`, en: `unknown key “${key}”${dym.en} (known: format, rules, fix, maxFileSize)` } });
  }
  if (v.format !== undefined) {
    if (v.format === 'auto' || v.format === '2021' || v.format === '2019') config.format = v.format;
    else if (v.format === 2021 || v.format === 2019) config.format = String(v.format) as '2021' | '2019';
    else issues.push({ path: ['format'], message: { zh: `“format” 应为 "auto"、"2021" 或 "2019"（现为 ${q(v.format)}）`, en: `"format" must be "auto", "2021" or "2019" (got ${q(v.format)})` } });
  }
  if (v.maxFileSize !== undefined) {
    const n = parseSize(v.maxFileSize);
    if (n !== undefined) config.maxFileSize = n;
    else issues.push({ path: ['maxFileSize'], message: { zh: `“maxFileSize” 应为大小，如 268435456、"256M" 或 "1G"（现为 ${q(v.maxFileSize)}）`, en: `"maxFileSize" must be a size such as 268435456, "256M" or "1G" (got ${q(v.maxFileSize)})` } });
  }
  if (v.rules !== undefined) {
    if (v.rules === null || typeof v.rules !== 'object' || Array.isArray(v.rules)) {
      issues.push({ path: ['rules'], message: { zh: '“rules” 应为对象：规则 id → 级别', en: '"rules" must be an object of rule id → severity' } });
    } else {
      config.rules = {};
      const ids = ruleIds();
      for (const [id, sev] of Object.entries(v.rules as Record<string, unknown>)) {
        if (!ids.includes(id)) {
          const dym = didYouMean(id, ids);
          issues.push({ path: ['rules', id], onKey: true, message: { zh: `未知的规则 “${id}”${dym.zh}（govreport rules 列出全部规则）`, en: `unknown rule “${id}”${dym.en} (govreport rules lists them)` } });
          continue;
        }
        // true keeps the default severity, false switches the rule off.
        const s = sev === false ? 'off' : sev === true ? undefined : sev;
        if (s === undefined) continue;
        if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) config.rules[id] = s as RuleSetting;
        else {
          const dym = typeof s === 'string' ? didYouMean(s, SEVERITIES) : { zh: '', en: '' };
          issues.push({ path: ['rules', id], message: { zh: `规则 “${id}” 的级别应为 error、warning、info、hint 或 off（现为 ${q(sev)}）${dym.zh}`, en: `rule “${id}”: severity must be error, warning, info, hint or off (got ${q(sev)})${dym.en}` } });
        }
      }
    }
  }
  if (v.fix !== undefined) {
    const f = v.fix as Record<string, unknown> | null;
    if (f === null || typeof f !== 'object' || Array.isArray(f)) issues.push({ path: ['fix'], message: { zh: '“fix” 应为对象，如 { "numbers": false }', en: '"fix" must be an object such as { "numbers": false }' } });
    else {
      for (const key of Object.keys(f)) if (key !== 'numbers') issues.push({ path: ['fix', key], onKey: true, message: { zh: `未知的配置项 “fix.${key}”（可用：numbers）`, en: `unknown key “fix.${key}” (known: numbers)` } });
      if (f.numbers !== undefined && typeof f.numbers !== 'boolean') issues.push({ path: ['fix', 'numbers'], message: { zh: `“fix.numbers” 应为 true 或 false（现为 ${q(f.numbers)}）`, en: `"fix.numbers" must be true or false (got ${q(f.numbers)})` } });
      else if (f.numbers !== undefined) config.fix = { numbers: f.numbers as boolean };
    }
  }
  return { config, issues };
}

/** Validates an already parsed value (the editor settings); problems as text in the given language. */
export function validateConfig(value: unknown, lang: 'zh' | 'en' = 'en'): { config: GovreportConfig; problems: string[] } {
  const { config, issues } = checkValue(value);
  return { config, problems: issues.map((i) => i.message[lang]) };
}

/**
 * Parses the text of a .govreportrc.json: JSON with comments and trailing commas (JSONC, as VS Code's
 * own settings), an optional BOM. Every problem has its line and column. A configuration with any
 * problem is not used by the CLI (it stops before checking); the editor uses the valid part.
 */
export function parseConfigText(raw: string): { config: GovreportConfig; problems: ConfigProblem[] } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const shift = text === raw ? 0 : 1;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const at = (offset: number, length: number, message: Text): ConfigProblem => {
    const { line, column } = lineColumn(text, offset);
    return { message, offset: offset + shift, length, line, column };
  };
  if (errors.length > 0 || !tree) {
    const problems = errors.map((e) => at(e.offset, e.length, syntaxMessage(printParseErrorCode(e.error))));
    if (problems.length === 0) problems.push(at(0, 0, syntaxMessage('EmptyContent')));
    return { config: {}, problems };
  }
  const { config, issues } = checkValue(getNodeValue(tree));
  const problems = issues.map((i) => {
    let node: Node | undefined = findNodeAtLocation(tree, i.path) ?? tree;
    if (i.onKey && node.parent?.type === 'property') node = node.parent.children?.[0] ?? node;
    return at(node.offset, node.length, i.message);
  });
  return { config, problems };
}

/** `file:line:column: message`, as compilers print it. */
export function describeProblem(file: string, p: ConfigProblem, lang: 'zh' | 'en'): string {
  return `${file}:${p.line}:${p.column}: ${p.message[lang]}`;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, column: offset - start + 1 };
}

const SYNTAX: Record<string, Text> = {
  InvalidSymbol: { zh: '无效的字符', en: 'invalid symbol' },
  InvalidNumberFormat: { zh: '数字格式错误', en: 'invalid number format' },
  PropertyNameExpected: { zh: '此处应为属性名（带双引号）', en: 'property name expected (in double quotes)' },
  ValueExpected: { zh: '此处应为一个值', en: 'value expected' },
  ColonExpected: { zh: '此处应为冒号 “:”', en: 'colon “:” expected' },
  CommaExpected: { zh: '此处应为逗号 “,”', en: 'comma “,” expected' },
  CloseBraceExpected: { zh: '缺少右花括号 “}”', en: 'closing brace “}” expected' },
  CloseBracketExpected: { zh: '缺少右方括号 “]”', en: 'closing bracket “]” expected' },
  EndOfFileExpected: { zh: '此处应为文件结尾', en: 'end of file expected' },
  InvalidCommentToken: { zh: '注释写法错误', en: 'invalid comment' },
  UnexpectedEndOfComment: { zh: '注释没有结束（缺少 “*/”）', en: 'unterminated comment (missing “*/”)' },
  UnexpectedEndOfString: { zh: '字符串没有结束（缺少 “"”）', en: 'unterminated string (missing “"”)' },
  UnexpectedEndOfNumber: { zh: '数字不完整', en: 'incomplete number' },
  InvalidUnicode: { zh: '无效的 \\u 转义', en: 'invalid \\u escape' },
  InvalidEscapeCharacter: { zh: '无效的转义字符', en: 'invalid escape character' },
  InvalidCharacter: { zh: '字符串中有无效字符', en: 'invalid character in string' },
  EmptyContent: { zh: '配置文件为空：至少写 {}', en: 'the configuration is empty: write at least {}' },
};

function syntaxMessage(code: string): Text {
  const m = SYNTAX[code] ?? { zh: code, en: code };
  return { zh: `JSON 语法错误：${m.zh}`, en: `JSON syntax error: ${m.en}` };
}

/** Later configs override earlier ones, rule by rule. */
export function mergeConfigs(...configs: (GovreportConfig | undefined)[]): GovreportConfig {
  const out: GovreportConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.format) out.format = c.format;
    if (c.maxFileSize) out.maxFileSize = c.maxFileSize;
    if (c.rules) out.rules = { ...(out.rules ?? {}), ...c.rules };
    if (c.fix) out.fix = { ...(out.fix ?? {}), ...c.fix };
  }
  return out;
}
