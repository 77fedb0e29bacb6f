// The command line's entry: picks the command, parses its options, prints help and usage errors in
// the user's language, runs the command and returns its exit code.
import { VERSION } from '../about';
import type { Lang } from '../i18n';
import { closest } from '../suggest';
import { COMMON_OPTIONS, UsageError, langOf, parseCommandArgs, type OptionSpec } from './args';
import type { Command } from './command';
import { commands } from './commands';
import { U } from './messages';

const H = {
  title: { zh: '政府信息公开工作年度报告检查工具', en: 'checker for government information disclosure annual reports' },
  usage: { zh: '用法：', en: 'Usage: ' },
  commands: { zh: '命令：', en: 'Commands:' },
  options: { zh: '选项：', en: 'Options:' },
  command: { zh: '<命令>', en: '<command>' },
  option: { zh: '[选项]', en: '[options]' },
  more: { zh: '运行 govreport <命令> --help 查看该命令的选项。', en: 'Run govreport <command> --help for a command’s options.' },
  exit: { zh: '退出码：0 无错误 · 1 有错误级问题 · 2 用法错误、配置错误或文件无法读取', en: 'Exit codes: 0 no errors · 1 errors remain · 2 usage error, invalid configuration or unreadable file' },
};

export function generalHelp(lang: Lang): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `govreport ${VERSION} — ${H.title[lang]}`,
    '',
    `${H.usage[lang]}govreport ${H.command[lang]} ${H.option[lang]} …`,
    '',
    H.commands[lang],
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`),
    '',
    H.more[lang],
    H.exit[lang],
    '',
  ].join('\n');
}

function optionLine(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
}

export function commandHelp(c: Command, lang: Lang): string {
  const options = [...c.options, ...COMMON_OPTIONS];
  const width = Math.max(...options.map((o) => optionLine(o).length)) + 3;
  return [
    `${H.usage[lang]}govreport ${c.name} ${H.option[lang]}${c.operands ? ` ${c.operands}` : ''}`,
    '',
    c.summary[lang],
    '',
    H.options[lang],
    ...options.map((o) => `  ${optionLine(o).padEnd(width)}${o.help[lang]}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const lang = langOf(argv, process.env);
  const [first, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (first === undefined) throw new UsageError(U('noCommand'));
    if (first === '--help' || first === '-h' || first === 'help') {
      const target = first === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
      if (first === 'help' && rest[0] && !target) throw new UsageError(U('unknownCommand', { command: rest[0] }, closest(rest[0], commands.map((c) => c.name))));
      out.write(target ? commandHelp(target, lang) : generalHelp(lang));
      return 0;
    }
    if (first === '--version' || first === '-v' || first === '-V') { out.write(`${VERSION}\n`); return 0; }
    command = commands.find((c) => c.name === first);
    if (!command) {
      if (first.startsWith('-')) throw new UsageError(U('noCommand'));
      throw new UsageError(U('unknownCommand', { command: first }, closest(first, commands.map((c) => c.name))));
    }
    const parsed = parseCommandArgs(rest, command.options);
    if (parsed.values.help) { out.write(commandHelp(command, lang)); return 0; }
    if (!command.operands && parsed.positionals.length > 0) throw new UsageError(U('tooManyArgs', { command: command.name, arg: parsed.positionals[0] }));
    return await command.run(parsed, { lang, out, err, stdin });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`govreport: ${e.text[lang]}\n${U('seeHelp', { command: command ? `${command.name} ` : '' })[lang]}\n`);
    return 2;
  }
}
