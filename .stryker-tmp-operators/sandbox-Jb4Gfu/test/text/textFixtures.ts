// Loads the hand-made texts of test/fixtures/text and the real TR texts (test/text/seeds.ts) for the text tool tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { readSourceText } from '../../src/text/readSourceText.ts';
import type { SourceText } from '../../src/text/SourceText.ts';
import { seedPath, seedsAvailable, seedsDir, seedsSetting } from './seeds.ts';

export { seedPath, seedsAvailable, seedsDir, seedsSetting };

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A describe block that reads the real TR texts: skipped when they are missing (one line says so, test/seedsNotice.ts). */
export const describeWithSeeds = describe.skipIf(!seedsAvailable());

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
