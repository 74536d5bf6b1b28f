// The version of the TR model a trace was found on: a format number, bumped when the world's shape changes, and a
// digest of the model's and properties' sources, so a trace from a changed model is refused, never misreplayed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

/** The world's format: 2 added devices, switches and the attacker to the world. */
export const MODEL_FORMAT = 'tr33812-alt1a/2';

/** The package root: the nearest folder above this module with a package.json (the compiled copy of this module
 *  in dist/ hashes the same sources as the original, so a trace from either replays with the other). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const root = packageRoot();

function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
    .sort();
}

function digest(): string {
  const hash = createHash('sha256');
  for (const f of ['models', 'properties'].flatMap((d) => sourcesUnder(join(root, d)))) {
    hash.update(relative(root, f).split('\\').join('/')).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export const modelVersion = `${MODEL_FORMAT}+${digest()}`;
