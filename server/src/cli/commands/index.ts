// The commands, in the order `govreport --help` lists them. A new command: its file, plus one line here.
import type { Command } from '../command';
import check from './check';
import convert from './convert';
import exportCommand from './export';
import rules from './rules';
import version from './version';
import compare from './compare';
import summary from './summary';

export const commands: Command[] = [
  check,
  exportCommand,
  convert,
  rules,
  compare,
  summary,
  version,
];
