// Collects the provenance of a report: version, commit, a hash of the model and property sources, Node.
import { execFileSync } from 'node:child_process';
import { sourcesDigest } from '../package/sourcesDigest.ts';
import type { Provenance } from './Provenance.ts';
import { packageRoot } from '../package/packageRoot.ts';
import { packageVersion } from './packageVersion.ts';

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
  // Equal digests of models/ and properties/ mean the same model was checked, whatever the commit.
  const hash = sourcesDigest(['models', 'properties']);
  return {
    tool: 'trecheck',
    version: packageVersion(),
    ...(commit === undefined ? {} : { commit }),
    ...(hash === undefined ? {} : { sourcesHash: hash }),
    node: process.version,
    options,
  };
}
