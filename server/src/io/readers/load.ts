// Loads the readers on first use. In dist/ they are a bundle of their own (readers.js, see
// esbuild.mjs), so the server and the CLI start as fast as before for text reports.
import type { ExtractResult, SourceKind } from './source';

type Readers = typeof import('./index');
let readers: Promise<Readers> | undefined;

export function extractSource(bytes: Uint8Array, kind: SourceKind): Promise<ExtractResult> {
  // require, not import(): the bundles and the test runner (tsx/cjs) are CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  readers ??= Promise.resolve().then(() => require('./index') as Readers);
  return readers.then((r) => r.extract(bytes, kind));
}
