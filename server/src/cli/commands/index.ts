// The commands, in the order `govreport --help` lists them. A new command: its file, plus one line here.
import type { Command } from '../command';
import check from './check';
import exportCommand from './export';
import rules from './rules';
import version from './version';

export const commands: Command[] = [
  check,
  exportCommand,
  rules,
  version,
];
