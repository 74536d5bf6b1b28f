// Data flows one way (scenario -> world -> engine -> verdict -> report): the sources import nothing from the
// benchmarks (bench/), and the engine nothing from the models, the properties or the CLI. Read from the import
// statements of every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Every .ts file under `folder` (relative to the repository), with the repository-relative paths it imports. */
function importsUnder(folder: string): { file: string; imports: string[] }[] {
  const files = readdirSync(join(repo, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') || f.endsWith('.mjs'));
  return files.map((f) => {
    const file = join(repo, folder, f);
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
    return { file: relative(repo, file), imports: specifiers.map((s) => relative(repo, resolve(dirname(file), s))) };
  });
}

const offending = (folder: string, banned: readonly string[]): string[] =>
  importsUnder(folder).flatMap(({ file, imports }) => imports.filter((i) => banned.some((b) => i.startsWith(`${b}/`))).map((i) => `${file} -> ${i}`));

describe('imports between layers', () => {
  it('finds the imports it looks for, written on one line or several', () => {
    expect(importsUnder('src/cli').some(({ imports }) => imports.some((i) => i.startsWith('src/engine/')))).toBe(true);
    const shared = importsUnder('src/engine/parallel').find(({ file }) => file.endsWith('searchSharedExhaustive.ts'))!;
    expect(shared.imports).toContain('src/engine/parallel/SharedSearchMemory.ts');
  });

  it('no source imports the benchmarks', () => {
    expect(offending('src', ['bench'])).toEqual([]);
  });

  it('the engine imports no model, property or CLI module', () => {
    expect(offending('src/engine', ['models', 'properties', 'src/cli', 'bench'])).toEqual([]);
  });
});
