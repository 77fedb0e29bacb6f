// Command-line parsing on node:util parseArgs: every command declares its options in one table
// (name, type, allowed values, help text in both languages); this file turns argv into values or a
// usage error in the user's language, with "did you mean …" for a mistyped name.
import { parseArgs } from 'node:util';
import type { Lang } from '../i18n';
import { closest } from '../suggest';
import { U, type Text } from './messages';

export interface OptionSpec {
  /** Long name without the dashes: `format` is `--format`. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** The allowed values of a string option. */
  choices?: readonly string[];
  /** Placeholder shown in help (`--config FILE`). */
  value?: string;
  help: Text;
}

export type Values = Record<string, string | boolean | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
}

/** Options every command understands. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'lang', type: 'string', choices: ['zh', 'en'], value: 'zh|en', help: { zh: '输出语言（默认中文；也可用环境变量 GOVREPORT_LANG=en）', en: 'language of the output (Chinese by default; or GOVREPORT_LANG=en)' } },
  { name: 'help', short: 'h', type: 'boolean', help: { zh: '显示本命令的帮助', en: 'show this command’s help' } },
];

export class UsageError extends Error {
  constructor(readonly text: Text) { super(text.en); }
}

/**
 * The user's language, before the command line is parsed (usage errors must be in it too): `--lang`
 * when given, else GOVREPORT_LANG. LANG/LC_ALL alone do not switch to English: most terminals and
 * CI machines say en_US whatever their user reads.
 */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (v === 'en' || v === 'zh') return v;
  }
  const g = env.GOVREPORT_LANG;
  return g && /^en(?![a-z])/i.test(g) ? 'en' : 'zh';
}

/** Parses one command's arguments against its option table (plus the common options). */
export function parseCommandArgs(args: string[], specs: OptionSpec[]): Parsed {
  const all = [...specs, ...COMMON_OPTIONS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const s of all) options[s.name] = s.short ? { type: s.type, short: s.short } : { type: s.type };
  // strict: false so that every mistake reaches the checks below and gets our own message.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: Values = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') { positionals.push(t.value); continue; }
    if (t.kind !== 'option') continue;
    const spec = byName.get(t.name);
    if (!spec || (t.rawName.startsWith('--') && t.rawName !== `--${spec.name}`)) {
      const known = all.flatMap((s) => [`--${s.name}`, ...(s.short ? [`-${s.short}`] : [])]);
      throw new UsageError(U('unknownOption', { option: t.rawName }, closest(t.rawName, known)));
    }
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(U('noValue', { option: `--${spec.name}` }));
      values[spec.name] = true;
      continue;
    }
    // A string option whose value is missing, or looks like the next option (`--format --fix`). A negative
    // number (`--max-file-size -1`) is no option (none is named by a digit): it is the value, and the
    // option's own check says why it is wrong, instead of "needs a value" for a value the user gave.
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-' && !/^-[\d.]/.test(t.value))) {
      throw new UsageError(U('missingValue', { option: `--${spec.name}`, value: spec.value ?? 'VALUE' }));
    }
    if (spec.choices && !spec.choices.includes(t.value)) {
      throw new UsageError(U('badChoice', { option: `--${spec.name}`, value: t.value, choices: spec.choices.join('|') }, closest(t.value, spec.choices)));
    }
    values[spec.name] = t.value;
  }
  return { values, positionals };
}
