#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');
// A batch run spends its first few hundred reports waiting for V8's optimising compiler (TurboFan),
// and most of that compile time goes into inlining helpers into the checker's larger functions.
// A smaller inlining budget (default 920 bytecodes) makes a 1,000-report run ≈20 % faster on one
// core and leaves the warm per-report time unchanged (npm run bench:profile, "JIT warm-up").
// Only a compiler heuristic: it is safe to change at run time, unlike the collector's flags.
require('node:v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('govreport: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
// A crash is exit 2 with its stack, never 1 (which means "errors found in the reports").
require(cli).main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`govreport: internal error: ${(e && e.stack) || e}\n`);
  process.exitCode = 2;
});
