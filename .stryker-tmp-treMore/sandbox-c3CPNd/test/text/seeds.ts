// Where the real TR texts are: one setting, TRECHECK_SEEDS, naming their folder; by default ../shared/seeds beside
// the repository, where CI checks them out. A clone without them skips the tests that read them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const seedsSetting = 'TRECHECK_SEEDS';
export const seedsDir = path.resolve(repoRoot, process.env[seedsSetting] ?? '../shared/seeds');

const seedNames: Readonly<Record<string, string>> = {
  '000': '000_ceb753162f6420f1.txt',
  '001': '001_a9c9cc4cdd0aaeca.txt',
  '002': '002_978d80bc0d8cbda0.txt',
  '003': '003_d7fdb81b70cbd476.txt',
  '004': '004_7f9aeb8604797430.txt',
};

/** True when every seed text is in `seedsDir`. */
export const seedsAvailable = (): boolean => Object.values(seedNames).every((n) => existsSync(path.join(seedsDir, n)));

/** The line said once when the TR texts are missing (test/seedsNotice.ts prints it). */
export const seedsMissingLine = (): string =>
  `TR texts not found in ${seedsDir}: the tests that read them are skipped (set ${seedsSetting} to their folder; the hand-made fixtures still run)`;

/** The seed file whose name starts with `prefix` ("003"). */
export function seedPath(prefix: string): string {
  const name = seedNames[prefix];
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return path.join(seedsDir, name);
}
