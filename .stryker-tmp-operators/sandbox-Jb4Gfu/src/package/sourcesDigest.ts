// A digest of the package's TypeScript sources under some folders: what a trace's model version, the ablation
// cache and a report's provenance say "same sources" with. Computed once per set of folders in a process.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from './packageRoot.ts';

function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
    .sort();
}

const digests = new Map<string, string | undefined>();

/** Hex SHA-256 over the path and text of every source under `dirs` (relative to the package), undefined when there
 *  is none. Only sources count, so the compiled copy in dist/ hashes the same files as the original. */
export function sourcesDigest(dirs: readonly string[]): string | undefined {
  const key = dirs.join('\0');
  if (digests.has(key)) return digests.get(key);
  const root = packageRoot();
  const files = dirs.flatMap((d) => sourcesUnder(join(root, d)));
  let digest: string | undefined;
  if (files.length > 0) {
    const hash = createHash('sha256');
    for (const f of files) hash.update(relative(root, f).split('\\').join('/')).update('\0').update(readFileSync(f)).update('\0');
    digest = hash.digest('hex');
  }
  digests.set(key, digest);
  return digest;
}
