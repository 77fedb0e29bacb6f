// `govreport summary DIRS|FILES`: one line per report, charts in HTML (server/src/summary, cli/summary.ts).
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { runSummary } from '../summary';

export default defineCommand({
  name: 'summary',
  summary: { zh: '多份报告概览：每份报告一行（申请、办理结果、复议诉讼、问题数）', en: 'overview of many reports: one line each (applications, outcomes, reviews, findings)' },
  operands: 'FILES|DIRS…',
  options: [
    { name: 'format', short: 'f', type: 'string', choices: ['text', 'csv', 'json', 'html'], value: 'text|csv|json|html', help: { zh: '输出格式（默认 text；html 含图表和可排序表格）', en: 'output format (default text; html has charts and a sortable table)' } },
    { name: 'config', short: 'c', type: 'string', value: 'FILE', help: { zh: '使用这个配置文件，不再查找 .govreportrc.json', en: 'use this configuration file instead of finding .govreportrc.json' } },
  ],
  async run({ values, positionals }, { lang, out, err }) {
    if (positionals.length === 0) throw new UsageError({ zh: '请给出要汇总的文件或目录', en: 'give the files or folders to summarise' });
    return runSummary(positionals, (values.format as string | undefined) ?? 'text', lang, values.config as string | undefined, out, err);
  },
});
