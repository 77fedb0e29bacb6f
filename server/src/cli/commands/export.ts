// `govreport export`: the parsed statistics tables as data — CSV, JSON, or an Excel workbook laid out
// like the published tables. Exits 0 when the export was written, whatever the reports' findings.
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { U } from '../messages';
import { runBatch, writeProblems } from '../batch';
import { writeOutputFile } from '../../io/outputFile';
import { gridsOf, records, toCsv } from '../exportData';

export default defineCommand({
  name: 'export',
  summary: { zh: '导出报告中的统计表数据（CSV、JSON 或 Excel 工作簿）', en: 'export the reports’ statistics tables (CSV, JSON or an Excel workbook)' },
  operands: 'FILES|DIRS…',
  options: [
    { name: 'format', short: 'f', type: 'string', choices: ['csv', 'json', 'xlsx'], value: 'csv|json|xlsx', help: { zh: '导出格式（默认 csv，带 BOM 的 UTF-8）', en: 'export format (default csv, UTF-8 with a BOM)' } },
    { name: 'output', short: 'o', type: 'string', value: 'FILE', help: { zh: '写入这个文件（默认写到标准输出；xlsx 必须指定）', en: 'write to this file (default standard output; required for xlsx on a terminal)' } },
    { name: 'config', short: 'c', type: 'string', value: 'FILE', help: { zh: '使用这个配置文件，不再查找 .govreportrc.json', en: 'use this configuration file instead of finding .govreportrc.json' } },
  ],
  async run({ values, positionals }, { lang, out, err }) {
    if (positionals.length === 0) throw new UsageError(U('exportNoInputs'));
    const format = (values.format as string | undefined) ?? 'csv';
    const output = values.output as string | undefined;
    if (format === 'xlsx' && !output && (out as { isTTY?: boolean }).isTTY) throw new UsageError(U('xlsxToTerminal'));
    const b = await runBatch(positionals, { lang, configFile: values.config as string | undefined, keepReports: true });
    writeProblems(b, lang, err);
    if (b.configProblems.length > 0) return 2;
    for (const r of b.results) if (r.error) err.write(`govreport: ${r.file}: ${r.error}\n`);
    const reports = gridsOf(b.results.filter((r) => r.result?.report).map((r) => ({ file: r.file, report: r.result!.report! })));
    let data: string | Uint8Array;
    if (format === 'xlsx') {
      // exceljs is loaded only here (its own bundle, dist/xlsx.js), so check and csv start fast.
      const { workbook } = require('../xlsx') as typeof import('../xlsx');
      data = await workbook(reports, lang);
    } else if (format === 'json') data = JSON.stringify(records(reports, true), null, 2) + '\n';
    else data = toCsv(records(reports), lang);
    if (output) {
      const failed = await writeOutputFile(output, data, b.results.map((r) => r.file));
      if (failed) { err.write(`govreport: ${output}: ${failed[lang]}\n`); return 2; }
    } else out.write(data);
    return b.unreadable > 0 ? 2 : 0;
  },
});
