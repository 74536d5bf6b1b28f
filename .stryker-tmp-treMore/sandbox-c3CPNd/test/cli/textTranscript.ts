// Transcript tests for the text commands: runs `trecheck` in memory and compares command, exit code and
// output with a reviewed golden file. UPDATE_GOLDEN=1 rewrites the golden files instead (then review the diff).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { seedPath, seedsDir } from '../text/textFixtures.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturesDir = path.resolve(repoRoot, 'test/fixtures/text');
const goldenDir = path.resolve(repoRoot, 'test/golden/text');

/** The seed file whose name starts with `prefix` ("003"). */
export const seed = seedPath;
export { seedsDir };

export const fixture = (name: string): string => path.join(fixturesDir, name);

/** Paths as a user in the repository would type them, so output shows relative paths. */
const typed = (p: string): string => (path.isAbsolute(p) ? path.relative(process.cwd(), p) : p);

/** Output with the machine-dependent directory prefixes replaced by placeholders. */
function placeholders(text: string): string {
  const pairs: Array<[string, string]> = [
    [typed(seedsDir), '<seeds>'],
    [typed(fixturesDir), '<fixtures>'],
  ];
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}

export async function transcript(args: readonly string[]): Promise<{ code: number; text: string }> {
  const argv = args.map((a) => (a.startsWith('/') ? typed(a) : a));
  const { code, stdout, stderr } = await runCliCaptured(argv);
  const text = placeholders(`$ trecheck ${argv.join(' ')}\nexit ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
  return { code, text };
}

/** Compares with test/golden/text/<name>, or writes it when UPDATE_GOLDEN=1. */
export function expectGolden(name: string, text: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file test/golden/text/${name}; create it with UPDATE_GOLDEN=1 npx vitest run test/cli and review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
