// Collects the provenance of a report: version, commit, a hash of the model and property sources, Node.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Provenance } from './Provenance.ts';
import { packageRoot, packageVersion } from './packageVersion.ts';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/** Hash of models/ and properties/: equal hashes mean the same model was checked, whatever the commit. */
export function sourcesHash(root: string = packageRoot()): string | undefined {
  const files = ['models', 'properties'].flatMap((d) => filesUnder(join(root, d)));
  if (files.length === 0) return undefined;
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${relative(root, f).split('\\').join('/')}\0${statSync(f).size}\0`).update(readFileSync(f));
  return hash.digest('hex');
}

function gitCommit(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    const commit = out.toString().trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
  } catch {
    // Not a checkout (an installed package) or no git: the commit is then unknown, which the report says by omission.
    return undefined;
  }
}

export function collectProvenance(options: Readonly<Record<string, unknown>>): Provenance {
  const root = packageRoot();
  const commit = gitCommit(root);
  const hash = sourcesHash(root);
  return {
    tool: 'trecheck',
    version: packageVersion(),
    ...(commit === undefined ? {} : { commit }),
    ...(hash === undefined ? {} : { sourcesHash: hash }),
    node: process.version,
    options,
  };
}
