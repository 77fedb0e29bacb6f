// What a command is: a name, a summary, its option table and what it does. Adding a command is one
// file in cli/commands/ and one line in cli/commands/index.ts.
import type { Lang } from '../i18n';
import type { OptionSpec, Parsed } from './args';
import type { Text } from './messages';

export interface CliContext {
  lang: Lang;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface Command {
  name: string;
  summary: Text;
  /** What follows the options in the usage line, e.g. `FILES|DIRS…`. */
  operands: string;
  options: OptionSpec[];
  /** Returns the exit code: 0 fine, 1 errors found (check), 2 usage error or unreadable input. */
  run(args: Parsed, ctx: CliContext): Promise<number>;
}

export function defineCommand(c: Command): Command {
  return c;
}
