// Runs bench/firstSearchProcess.ts (its arguments passed on) as the CLI runs its searches: from the bundle made by
// `npm ci` (scripts/bundleCli.mjs) while it is fresh, its worker threads from it too, so that neither pays for
// compiling TypeScript; otherwise from the sources through tsx. Plain JavaScript: it starts without a loader.
import { readFileSync } from 'node:fs';
import { freshBundle } from '../bin/freshBundle.js';

const root = new URL('../', import.meta.url);
const bundle = process.env.TRECHECK_FROM_SOURCES === '1' ? undefined : freshBundle(root);
if (bundle !== undefined) {
  const entries = JSON.parse(readFileSync(new URL('dist/bundle/entries.json', root), 'utf8'));
  globalThis[Symbol.for('trecheck.bundle')] = { root: root.href, entries };
  await import(new URL('dist/bundle/firstSearchProcess.mjs', root).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./firstSearchProcess.ts');
}
