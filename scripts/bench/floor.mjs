// The raw floor for the CLI throughput: one Node process that walks the folder, reads every report,
// decodes it as UTF-8 and splits it into lines — the least any checker must do. Same process model
// as `govreport check DIR` (one process, files one at a time). Prints a one-line summary.
import * as fs from 'node:fs';
import * as path from 'node:path';

const decoder = new TextDecoder('utf-8');
let files = 0;
let lines = 0;
let bytes = 0;

function walk(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.isFile() && /\.(txt|md|govreport)$/i.test(e.name)) {
      const buf = fs.readFileSync(full);
      const text = decoder.decode(buf);
      lines += text.split(/\r\n|\r|\n/).length;
      bytes += buf.length;
      files++;
    }
  }
}

for (const input of process.argv.slice(2)) walk(input);
process.stdout.write(`${files} files, ${lines} lines, ${bytes} bytes\n`);
