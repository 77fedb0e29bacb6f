// `govreport compare LAST THIS`: year-over-year comparison (server/src/compare, cli/compare.ts).
import { statSync } from 'node:fs';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { runCompare } from '../compare';

export default defineCommand({
  name: 'compare',
  summary: { zh: '比较同一机关上年与本年的报告（逐表逐格、上年结转、大幅变化）', en: 'compare last year’s report with this year’s (cell by cell, carry-over, big swings)' },
  operands: 'LAST THIS',
  options: [
    { name: 'format', short: 'f', type: 'string', choices: ['text', 'json', 'html'], value: 'text|json|html', help: { zh: '输出格式（默认 text；html 为独立网页）', en: 'output format (default text; html is a self-contained page)' } },
    { name: 'config', short: 'c', type: 'string', value: 'FILE', help: { zh: '使用这个配置文件，不再查找 .govreportrc.json', en: 'use this configuration file instead of finding .govreportrc.json' } },
  ],
  async run({ values, positionals }, { lang, out, err }) {
    if (positionals.length !== 2) throw new UsageError({ zh: `请给出两份报告：先上年，后本年（收到 ${positionals.length} 个）`, en: `give two reports, last year’s then this year’s (got ${positionals.length})` });
    // A folder would be walked like `check`'s, and its first two reports compared under the names given.
    for (const p of positionals.slice(0, 2)) {
      let dir = false;
      try { dir = statSync(p).isDirectory(); } catch { /* missing or unreadable: runCompare says so */ }
      if (dir) throw new UsageError({ zh: `“${p}”是文件夹：compare 比较两份报告文件，请给出文件`, en: `“${p}” is a folder: compare takes two report files` });
    }
    return runCompare([positionals[0], positionals[1]], (values.format as string | undefined) ?? 'text', lang, values.config as string | undefined, out, err);
  },
});
