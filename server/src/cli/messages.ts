// The command line's usage errors, in both languages.
import { format } from '../i18n';

export type Text = { zh: string; en: string };

const USAGE: Record<string, Text> = {
  unknownOption: { zh: '未知选项 {option}', en: 'unknown option {option}' },
  unknownCommand: { zh: '未知命令 “{command}”', en: 'unknown command “{command}”' },
  noCommand: { zh: '请给出命令，例如 govreport check 报告目录/', en: 'give a command, e.g. govreport check reports/' },
  noValue: { zh: '选项 {option} 不带值', en: 'option {option} takes no value' },
  missingValue: { zh: '选项 {option} 缺少值（写作 {option} {value} 或 {option}={value}）', en: 'option {option} needs a value ({option} {value} or {option}={value})' },
  badChoice: { zh: '选项 {option} 的值应为 {choices}，而不是 “{value}”', en: 'option {option} must be one of {choices}, not “{value}”' },
  noInputs: { zh: '请给出要检查的文件或目录（或用 --stdin 从标准输入读取）', en: 'give the files or folders to check (or --stdin to read standard input)' },
  exportNoInputs: { zh: '请给出要导出的文件或目录', en: 'give the files or folders to export' },
  stdinWithFiles: { zh: '--stdin 不能与文件或目录同时使用', en: '--stdin cannot be combined with files or folders' },
  stdinFix: { zh: '--stdin 读入的内容无处写回，不能与 --fix 同时使用', en: '--fix cannot write back what --stdin read' },
  stdinFilenameAlone: { zh: '--stdin-filename 只能与 --stdin 一起使用', en: '--stdin-filename only goes with --stdin' },
  tooManyArgs: { zh: '命令 {command} 不接受参数 “{arg}”', en: 'command {command} takes no argument “{arg}”' },
  xlsxToTerminal: { zh: 'xlsx 是二进制文件，请用 --output 文件名.xlsx 指定输出文件', en: 'xlsx is a binary file: name the output with --output FILE.xlsx' },
  seeHelp: { zh: '运行 govreport {command}--help 查看用法', en: 'run govreport {command}--help for usage' },
};

/** A usage message; `suggestion` adds “did you mean …”. */
export function U(key: string, params: Record<string, string> = {}, suggestion?: string): Text {
  const m = USAGE[key];
  const zh = format(m.zh, params) + (suggestion ? `，是否想输入 “${suggestion}”？` : '');
  const en = format(m.en, params) + (suggestion ? `; did you mean “${suggestion}”?` : '');
  return { zh, en };
}
