// Reading one report for `compare` and `summary`: regular files only, size-limited, decoded as the
// checker decodes them, configured by the nearest .govreportrc.json (as `check` and the editor are).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, type CheckResult } from '../check';
import { CONFIG_FILE, mergeConfigs, validateConfig, type GovreportConfig } from '../config';
import { decodeReport } from '../io/decode';
import { fsError } from '../io/files';
import type { Lang } from '../i18n';

/** Larger files are not annual reports (the biggest real ones are a few hundred KB). */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

export type Loaded = { ok: true; result: CheckResult } | { ok: false; error: string };

const configCache = new Map<string, GovreportConfig | undefined>();

/** The nearest .govreportrc.json above `dir` (a broken one is ignored here: `check` reports it). */
export function configAbove(dir: string): GovreportConfig | undefined {
  if (configCache.has(dir)) return configCache.get(dir);
  let found: GovreportConfig | undefined;
  const file = path.join(dir, CONFIG_FILE);
  let here = false;
  try { here = fs.statSync(file).isFile(); } catch { /* none here: look further up */ }
  if (here) {
    try { found = validateConfig(JSON.parse(fs.readFileSync(file, 'utf8'))).config; } catch { found = undefined; }
  } else {
    const parent = path.dirname(dir);
    found = parent === dir ? undefined : configAbove(parent);
  }
  configCache.set(dir, found);
  return found;
}

export function loadReport(file: string, lang: Lang): Loaded {
  const tooBig = { zh: `文件超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB，不是年度报告`, en: `larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB: not an annual report` };
  const notFile = { zh: '不是普通文件', en: 'not a regular file' };
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, error: notFile[lang] };
    if (st.size > MAX_REPORT_BYTES) return { ok: false, error: tooBig[lang] };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, error: fsError(e)[lang] };
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.message[lang] };
  const config = mergeConfigs(configAbove(path.dirname(path.resolve(file))));
  return { ok: true, result: checkText(decoded.text, { uri: file, lang, config }) };
}
