// trecheck's own folder, found from its package.json: the same from src/ (tsx) and from dist/ (built).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of trecheck's package.json, found upwards from this module (src/package or dist/src/package). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'trecheck') return (root = dir);
    // Cannot happen in a checkout or an installed package: both keep package.json above the sources.
    if (dirname(dir) === dir) throw new Error('trecheck: package.json not found above src/package');
  }
}
