// The CLI's view of configuration discovery (io/configFile.ts, shared with the language server):
// every problem is kept as `file:line:column: problem`, so the CLI can stop before checking anything;
// configurations ignored as untrusted are warnings.
import type { GovreportConfig } from '../config';
import type { Lang } from '../i18n';
import { ConfigFiles, describeNotice } from '../io/configFile';
import { printableName } from '../io/names';

export class ConfigFinder {
  /** Messages, `file:line:column: problem`, one per problem found in any configuration read. */
  problems: string[] = [];
  /** Configurations skipped because other users could have written them. */
  warnings: string[] = [];
  private files: ConfigFiles;

  constructor(lang: Lang) {
    this.files = new ConfigFiles({ onNotice: (n) => (n.kind === 'invalid' ? this.problems : this.warnings).push(describeNotice(n, lang, printableName(n.file))) });
  }

  find(dir: string): { config?: GovreportConfig; file?: string } {
    return this.files.find(dir);
  }

  /** A file named with --config: read as is (no ownership check); undefined when it has any problem. */
  load(file: string): GovreportConfig | undefined {
    const r = this.files.read(file);
    return r && r.problems.length === 0 ? r.config : undefined;
  }
}
