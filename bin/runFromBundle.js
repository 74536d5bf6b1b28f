// Runs an entry of the CLI's bundle (dist/bundle/, made by `npm ci` through the `prepare` script) while it is fresh
// (freshBundle.js), its worker threads and registered systems from the bundle too (dist/bundle/entries.json,
// src/engine/importModule.ts); otherwise its TypeScript source through tsx's loader, with no build step.
// TRECHECK_FROM_SOURCES=1 always runs the sources. Used by bin/trecheck.js and the benchmarks' child
// (bench/runFirstSearch.mjs), so both start as `npx trecheck` does.
import { readFileSync } from 'node:fs';
import { freshBundle } from './freshBundle.js';

/** The bundled modules of worker threads and registered systems, by source (src/engine/importModule.ts). */
function bundleEntries(root) {
  try {
    return JSON.parse(readFileSync(new URL('dist/bundle/entries.json', root), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Imports `dist/bundle/<bundled>` under the package root `root` (a folder URL) while the bundle is fresh, else the
 *  source at URL `source` through tsx. */
export async function runFromBundle(root, bundled, source) {
  const entries = process.env.TRECHECK_FROM_SOURCES === '1' || freshBundle(root) === undefined ? undefined : bundleEntries(root);
  if (entries !== undefined) {
    globalThis[Symbol.for('trecheck.bundle')] = { root: root.href, entries };
    await import(new URL(`dist/bundle/${bundled}`, root).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(source);
  }
}
