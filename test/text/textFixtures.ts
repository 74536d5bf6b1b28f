// Loads the hand-made texts of test/fixtures/text and the real TR texts for the text tool tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSourceText } from '../../src/text/readSourceText.ts';
import type { SourceText } from '../../src/text/SourceText.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The real TR texts: CI checks out shared/ beside the repository. */
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');

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
