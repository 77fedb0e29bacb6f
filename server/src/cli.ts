// `govreport <command>`: the same core as the editor, over files and folders. The commands live in
// cli/commands/ (one file each); cli/main.ts parses the command line.
import { main } from './cli/main';

export { main };

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`govreport: ${e?.stack ?? e}\n`); process.exitCode = 2; });
}
