// `npm run demo`: checks the sample reports shipped in samples/. Findings are the point of the demo
// (exit 1 = errors found), so only a usage error, an unreadable file or a crash (exit 2, a signal) fails it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [path.join(root, 'bin', 'govreport.js'), 'check', ...process.argv.slice(2), 'samples'], { cwd: root, stdio: 'inherit' });
if (r.error || r.signal || (r.status !== 0 && r.status !== 1)) {
  console.error(`demo: govreport failed (${r.error?.message ?? r.signal ?? `exit ${r.status}`})`);
  process.exit(r.status || 2);
}
