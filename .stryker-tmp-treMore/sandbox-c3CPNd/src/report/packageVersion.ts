// trecheck's own version, read from its package.json (src/package/packageRoot.ts finds it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package/packageRoot.ts';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
