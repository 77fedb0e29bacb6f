// Generates the `contributes.configuration` block of package.json from the rule list, so that the
// settings schema (one enum property per rule id under govreport.rules) cannot drift from allRules.
//   npx tsx scripts/gen-manifest.ts           prints the block (paste it into package.json)
//   npx tsx scripts/gen-manifest.ts --check   exits 1 when package.json differs from the rules
// It never writes package.json itself: several people edit that file.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/rules';

export function configurationBlock(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const r of allRules) {
    rules[r.id] = {
      type: 'string',
      enum: ['error', 'warning', 'info', 'hint', 'off'],
      description: `${r.description.zh} / ${r.description.en} (default: ${r.defaultSeverity})`,
    };
  }
  return {
    title: '%config.title%',
    properties: {
      'govreport.format': {
        type: 'string',
        enum: ['auto', '2021', '2019'],
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
        properties: rules,
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

if (require.main === module) {
  const block = configurationBlock();
  if (process.argv.includes('--check')) {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    const same = JSON.stringify(pkg.contributes?.configuration) === JSON.stringify(block);
    if (!same) {
      console.error('package.json contributes.configuration is out of date: run `npx tsx scripts/gen-manifest.ts` and paste the output');
      process.exit(1);
    }
    console.log('package.json configuration matches the rules');
  } else {
    console.log(JSON.stringify(block, null, 2));
  }
}
