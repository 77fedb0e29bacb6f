// What a check leaves behind. The parser's caches outlive every report (labels repeat across a
// batch); they must hold copies of labels, never slices that keep a whole report's text alive.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkText } from '../../server/src/check';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const FIX = join(__dirname, '..', 'fixtures');
const sample = readFileSync(join(FIX, 'kunming-xishan-health-2022-pipe.txt'), 'utf8');

/** Heap in use after full collections, once the background sweeper has finished (it counts until then). */
async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().heapUsed;
}

/**
 * A ~4 MB report: the sample repeated, with a label no earlier check has seen (so the caches take
 * a few new entries, cut from this document) — but only a few, so the caches' own growth is small.
 */
let run = 0;
function bigReport(): string {
  const tagged = sample.replace(/不予公开/g, `不予公开${process.pid}x${++run}`);
  return Array.from({ length: Math.ceil(4_000_000 / tagged.length) }, () => tagged).join('\n');
}

function checkAndDrop(): number {
  return checkText(bigReport()).findings.length;
}

describe('memory', function () {
  this.timeout(60_000);

  it('a checked document is not kept alive by the caches once its check is over', async () => {
    checkText(sample);
    const before = await heapAfterGc();
    assert.ok(checkAndDrop() > 0);
    checkText(sample); // replaces whatever “last report” state a module may keep
    const grown = (await heapAfterGc()) - before;
    // The document's text alone is ≈8 MB as a two-byte string; a few cached labels are a few KB.
    assert.ok(grown < 2 * 1024 * 1024, `the heap grew by ${(grown / 1048576).toFixed(1)} MB after the document was dropped`);
  });
});
