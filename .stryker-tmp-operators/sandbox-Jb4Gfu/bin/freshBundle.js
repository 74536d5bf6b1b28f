// Whether the CLI's bundle (dist/bundle/trecheck.mjs, scripts/bundleCli.mjs) may run: it exists and no source it
// was built from (dist/bundle/inputs.json) is newer than it. A missing source means the sources changed: stale.
import { readFileSync, statSync } from 'node:fs';

/** The bundle's URL under the package root `root` (a folder URL) when it is fresh; undefined otherwise. */
export function freshBundle(root) {
  const bundle = new URL('dist/bundle/trecheck.mjs', root);
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/bundle/inputs.json', root), 'utf8'));
    for (const input of inputs) if (statSync(new URL(input, root)).mtimeMs > built) return undefined;
    return bundle;
  } catch {
    return undefined;
  }
}
