// `govreport rules`: the rule list from the rules' own metadata (the same list the docs are made from).
import { ruleHelpUri } from '../../about';
import { ruleCatalog } from '../../rules/catalog';
import { defineCommand } from '../command';

const FIXABLE = { yes: { zh: '可修复', en: 'fixable' }, partly: { zh: '部分可修复', en: 'partly fixable' }, no: { zh: '—', en: '—' } };

/** Pads to a width in terminal columns: CJK and full-width characters take two. */
function padWide(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(1, width - w));
}

export default defineCommand({
  name: 'rules',
  summary: { zh: '列出全部规则：id、默认级别、能否自动修复、说明', en: 'list the rules: id, default severity, fixable, description' },
  operands: '',
  options: [
    { name: 'format', short: 'f', type: 'string', choices: ['text', 'json'], value: 'text|json', help: { zh: '输出格式（默认 text）', en: 'output format (default text)' } },
  ],
  async run({ values }, { lang, out }) {
    const rules = ruleCatalog();
    if (values.format === 'json') {
      out.write(JSON.stringify(rules.map((r) => ({ ...r, ...(ruleHelpUri(r.id) ? { helpUri: ruleHelpUri(r.id) } : {}) })), null, 2) + '\n');
      return 0;
    }
    const width = Math.max(...rules.map((r) => r.id.length)) + 2;
    for (const r of rules) out.write(`${r.id.padEnd(width)}${r.defaultSeverity.padEnd(9)}${padWide(FIXABLE[r.fixable][lang], lang === 'zh' ? 12 : 16)}${r.description[lang]}\n`);
    return 0;
  },
});
