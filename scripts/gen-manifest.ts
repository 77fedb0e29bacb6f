// Everything that lists the rules is generated from the rules' own metadata (server/src/rules/catalog.ts):
//   - package.json: the settings schema (`govreport.rules`: one property per rule id), the jsonc language
//     for .govreportrc.json and its JSON schema (`jsonValidation`);
//   - schemas/govreportrc.schema.json: the JSON schema of .govreportrc.json (completion, hover, errors in VS Code);
//   - the rules table of README.md and of docs/rules/README.md (between `<!-- rules:start -->` and `<!-- rules:end -->`);
//   - the “默认级别 … 自动修复 Fixable …” line at the top of every rule page.
//   npx tsx scripts/gen-manifest.ts           writes them all (npm run gen)
//   npx tsx scripts/gen-manifest.ts --check   exits 1 and names what is out of date (test/unit/catalog.test.ts runs this check)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from '../server/src/rules/catalog';
import type { Fixable, RuleMeta } from '../server/src/rules/rule';
import { CONFIG_FILE, FORMATS, SEVERITIES } from '../server/src/config';

export const ROOT = path.join(__dirname, '..');
export const SCHEMA_FILE = 'schemas/govreportrc.schema.json';

const FIX_TEXT: Record<Fixable, { zh: string; en: string }> = { yes: { zh: '是', en: 'yes' }, partly: { zh: '部分', en: 'partly' }, no: { zh: '否', en: 'no' } };

export function configurationBlock(rules: RuleMeta[] = ruleCatalog()): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of rules) {
    props[r.id] = {
      type: 'string',
      enum: [...SEVERITIES],
      description: `${r.description.zh} / ${r.description.en} (default: ${r.defaultSeverity})`,
    };
  }
  return {
    title: '%config.title%',
    properties: {
      'govreport.format': {
        type: 'string',
        enum: [...FORMATS],
        enumDescriptions: ['%config.format.auto%', '%config.format.2021%', '%config.format.2019%'],
        default: 'auto',
        scope: 'resource',
        markdownDescription: '%config.format.description%',
      },
      'govreport.rules': {
        type: 'object',
        default: {},
        scope: 'resource',
        markdownDescription: '%config.rules.description%',
        properties: props,
        additionalProperties: false,
      },
      'govreport.fix.numbers': {
        type: 'boolean',
        default: false,
        scope: 'resource',
        markdownDescription: '%config.fix.numbers.description%',
      },
      'govreport.autoDetect': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        description: '%config.autoDetect.description%',
      },
      'govreport.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        scope: 'window',
        description: '%config.trace.description%',
      },
    },
  };
}

/** The JSON schema of .govreportrc.json (draft-07, which VS Code's JSON service reads). */
export function configSchema(rules: RuleMeta[] = ruleCatalog()): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of rules) {
    props[r.id] = {
      enum: [...SEVERITIES, true, false],
      description: `${r.description.zh}\n${r.description.en}\n默认 default: ${r.defaultSeverity} · 可修复 fixable: ${FIX_TEXT[r.fixable].zh} ${FIX_TEXT[r.fixable].en}`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'govreport configuration (.govreportrc.json)',
    description: 'govreport 配置：检查格式与各规则的级别 / govreport configuration: the format to check against and each rule’s severity',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      format: {
        enum: [...FORMATS, 2021, 2019],
        default: 'auto',
        description: '按哪种格式检查：auto 按报告年度和表格自动判断 / the format to check against: auto decides from the report year and the tables',
      },
      rules: {
        type: 'object',
        description: '规则 id → 级别（error、warning、info、hint）或 off 关闭 / rule id → severity (error, warning, info, hint) or off',
        properties: props,
        additionalProperties: false,
      },
      fix: {
        type: 'object',
        description: '--fix 和保存时自动修复可以应用哪些修复 / what --fix and fix-on-save may apply unseen',
        properties: {
          numbers: {
            type: 'boolean',
            default: false,
            description: '也应用改动统计数字的修复（合计、分项格、插入带数值的行或表、增删单元格）/ also apply fixes that change a statistic (a total, a part cell, a row or table inserted with values, a cell added or removed)',
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

/** The manifest entries that make VS Code read .govreportrc.json as JSONC with our schema. */
export const JSONC_LANGUAGE = { id: 'jsonc', filenames: [CONFIG_FILE] };
export const JSON_VALIDATION = { fileMatch: CONFIG_FILE, url: `./${SCHEMA_FILE}` };

export function readmeTable(rules: RuleMeta[] = ruleCatalog()): string {
  return [
    '| id | default | fixable | what it flags |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${FIX_TEXT[r.fixable].en} | ${r.description.en} |`),
  ].join('\n');
}

export function docsTable(rules: RuleMeta[] = ruleCatalog()): string {
  return [
    '| id | 默认级别 Severity | 可修复 Fixable | 说明 | Description |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](${r.id}.md) | ${r.defaultSeverity} | ${FIX_TEXT[r.fixable].zh} ${FIX_TEXT[r.fixable].en} | ${r.description.zh} | ${r.description.en} |`),
  ].join('\n');
}

/** The first line of a rule page's summary, from the metadata; the rest of that line (tags, formats) is the page's own. */
export function pageSummary(r: RuleMeta): string {
  return `> 默认级别 Default severity: \`${r.defaultSeverity}\` · 自动修复 Fixable: ${FIX_TEXT[r.fixable].zh} ${FIX_TEXT[r.fixable].en}`;
}

const START = '<!-- rules:start (generated by scripts/gen-manifest.ts from the rules’ metadata; do not edit) -->';
const END = '<!-- rules:end -->';

function replaceBlock(text: string, block: string, file: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file}: markers ${START} … ${END} not found`);
  return `${text.slice(0, a + START.length)}\n${block}\n${text.slice(b)}`;
}

const SUMMARY = /^> 默认级别 Default severity: `[^`]*` · 自动修复 Fixable: [^·\n]*?(?= ·|$)/m;

/** Every generated file: its path and the content it must have, given what it has now. */
export function expectedFiles(rules: RuleMeta[] = ruleCatalog()): { file: string; content: (current: string) => string }[] {
  const files: { file: string; content: (current: string) => string }[] = [
    {
      file: 'package.json',
      content: (cur) => {
        const pkg = JSON.parse(cur);
        pkg.contributes.configuration = configurationBlock(rules);
        const langs = (pkg.contributes.languages as { id: string }[]).filter((l) => l.id !== 'jsonc');
        pkg.contributes.languages = [...langs, JSONC_LANGUAGE];
        pkg.contributes.jsonValidation = [JSON_VALIDATION];
        return JSON.stringify(pkg, null, 2) + '\n';
      },
    },
    { file: SCHEMA_FILE, content: () => JSON.stringify(configSchema(rules), null, 2) + '\n' },
    { file: 'README.md', content: (cur) => replaceBlock(cur, readmeTable(rules), 'README.md') },
    { file: 'docs/rules/README.md', content: (cur) => replaceBlock(cur, docsTable(rules), 'docs/rules/README.md') },
  ];
  for (const r of rules) {
    files.push({
      file: `docs/rules/${r.id}.md`,
      content: (cur) => {
        if (!SUMMARY.test(cur)) throw new Error(`docs/rules/${r.id}.md: no “> 默认级别 Default severity: … · 自动修复 Fixable: …” line`);
        return cur.replace(SUMMARY, pageSummary(r));
      },
    });
  }
  return files;
}

/** Names of the files that differ from what the metadata gives (a missing file counts). */
export function outOfDate(rules: RuleMeta[] = ruleCatalog()): string[] {
  const stale: string[] = [];
  for (const f of expectedFiles(rules)) {
    const p = path.join(ROOT, f.file);
    const cur = existsSync(p) ? readFileSync(p, 'utf8') : '';
    try {
      if (f.content(cur) !== cur) stale.push(f.file);
    } catch (e) {
      stale.push(`${f.file} (${(e as Error).message})`);
    }
  }
  return stale;
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = outOfDate();
    if (stale.length) {
      console.error(`out of date with the rules' metadata: ${stale.join(', ')} — run \`npm run gen\``);
      process.exit(1);
    }
    console.log('package.json, the config schema, README.md and docs/rules match the rules');
  } else {
    for (const f of expectedFiles()) {
      const p = path.join(ROOT, f.file);
      const cur = existsSync(p) ? readFileSync(p, 'utf8') : '';
      const next = f.content(cur);
      if (next !== cur) { writeFileSync(p, next); console.log(`wrote ${f.file}`); }
    }
  }
}
