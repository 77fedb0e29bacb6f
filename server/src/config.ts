// One configuration shape for the editor, the workspace check and the CLI, so a rule switched off
// in one place is off everywhere. Sources: .govreportrc.json (found upward from the file), the
// editor settings (govreport.format / govreport.rules), and CLI flags; later sources win.
import type { Severity } from './model';
import { parseSize } from './io/regularFile';

export type RuleSetting = Severity | 'off';

export interface GovreportConfig {
  /** Format to check against: auto (from the report year and the tables) or forced. */
  format?: 'auto' | '2021' | '2019';
  /** Per-rule severity override, or "off". */
  rules?: Record<string, RuleSetting>;
  /** Largest report read, in bytes ("maxFileSize": 268435456 or "256M"); default 256 MiB. */
  maxFileSize?: number;
}

export const CONFIG_FILE = '.govreportrc.json';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Validates a parsed JSON value; returns the config and human-readable problems (never throws). */
export function validateConfig(value: unknown): { config: GovreportConfig; problems: string[] } {
  const problems: string[] = [];
  const config: GovreportConfig = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config, problems: ['configuration must be a JSON object'] };
  }
  const v = value as Record<string, unknown>;
  if (v.format !== undefined) {
    if (v.format === 'auto' || v.format === '2021' || v.format === '2019') config.format = v.format;
    else if (v.format === 2021 || v.format === 2019) config.format = String(v.format) as '2021' | '2019';
    else problems.push(`"format" must be "auto", "2021" or "2019" (got ${JSON.stringify(v.format)})`);
  }
  if (v.maxFileSize !== undefined) {
    const n = parseSize(v.maxFileSize);
    if (n !== undefined) config.maxFileSize = n;
    else problems.push(`"maxFileSize" must be a size such as 268435456, "256M" or "1G" (got ${JSON.stringify(v.maxFileSize)})`);
  }
  if (v.rules !== undefined) {
    if (v.rules === null || typeof v.rules !== 'object' || Array.isArray(v.rules)) {
      problems.push('"rules" must be an object of rule id → severity');
    } else {
      config.rules = {};
      for (const [id, sev] of Object.entries(v.rules as Record<string, unknown>)) {
        const s = sev === false ? 'off' : sev === true ? undefined : sev;
        if (s === undefined) continue;
        if (typeof s === 'string' && SEVERITIES.has(s)) config.rules[id] = s as RuleSetting;
        else problems.push(`rule "${id}": severity must be error, warning, info, hint or off (got ${JSON.stringify(sev)})`);
      }
    }
  }
  return { config, problems };
}

/** Later configs override earlier ones, rule by rule. */
export function mergeConfigs(...configs: (GovreportConfig | undefined)[]): GovreportConfig {
  const out: GovreportConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.format) out.format = c.format;
    if (c.maxFileSize) out.maxFileSize = c.maxFileSize;
    if (c.rules) out.rules = { ...(out.rules ?? {}), ...c.rules };
  }
  return out;
}
