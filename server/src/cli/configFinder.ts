// Finds .govreportrc.json upward from a report's folder (cached per folder) and parses it with
// config.ts. Every problem is kept, so the CLI can stop before checking anything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, describeProblem, parseConfigText, type GovreportConfig } from '../config';
import type { Lang } from '../i18n';

export class ConfigFinder {
  private cache = new Map<string, { config?: GovreportConfig; file?: string }>();
  /** Messages, `file:line:column: problem`, one per problem found in any configuration read. */
  problems: string[] = [];

  constructor(private lang: Lang) {}

  find(dir: string): { config?: GovreportConfig; file?: string } {
    const hit = this.cache.get(dir);
    if (hit) return hit;
    let result: { config?: GovreportConfig; file?: string } = {};
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) result = { config: this.load(candidate), file: candidate };
    else {
      const parent = path.dirname(dir);
      if (parent !== dir) result = this.find(parent);
    }
    this.cache.set(dir, result);
    return result;
  }

  load(file: string): GovreportConfig | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.problems.push(`${file}: ${code === 'ENOENT' ? (this.lang === 'zh' ? '配置文件不存在' : 'no such file') : (e as Error).message}`);
      return undefined;
    }
    const { config, problems } = parseConfigText(text);
    for (const p of problems) this.problems.push(describeProblem(file, p, this.lang));
    return problems.length ? undefined : config;
  }
}
