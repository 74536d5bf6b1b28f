// Loads the hand-made texts of test/fixtures/text and the real TR texts for the text tool tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSourceText } from '../../src/text/readSourceText.ts';
import type { SourceText } from '../../src/text/SourceText.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The one setting for the real TR texts: TRECHECK_SEEDS names their folder; by default ../shared/seeds beside the
 *  repository, where CI checks them out. A clone without them skips the tests that read them. */
export const seedsSetting = 'TRECHECK_SEEDS';
export const seedsDir = path.resolve(repoRoot, process.env[seedsSetting] ?? '../shared/seeds');
/** True when every seed text is in `seedsDir`. */
export const seedsAvailable = (): boolean => Object.values(seedNames).every((n) => existsSync(path.join(seedsDir, n)));

/** The seed file whose name starts with `prefix` ("003"). */
export function seedPath(prefix: string): string {
  const name = seedNames[prefix];
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return path.join(seedsDir, name);
}

const seedNames: Record<string, string> = {
  '000': '000_ceb753162f6420f1.txt',
  '001': '001_a9c9cc4cdd0aaeca.txt',
  '002': '002_978d80bc0d8cbda0.txt',
  '003': '003_d7fdb81b70cbd476.txt',
  '004': '004_7f9aeb8604797430.txt',
};

function load(file: string, name: string): SourceText {
  const r = readSourceText(file);
  if (!r.ok) throw new Error(r.message);
  return { ...r.source, name };
}

/** Path of a fixture file. */
export const fixturePath = (name: string): string => path.resolve(repoRoot, 'test/fixtures/text', name);

/** A fixture, named by its file name so findings read "risk-void.txt:72: ...". */
export const fixtureText = (name: string): SourceText => load(fixturePath(name), name);

/** A seed text ("003"), named by its file name. */
export function seedText(prefix: string): SourceText {
  return load(seedPath(prefix), path.basename(seedPath(prefix)));
}
