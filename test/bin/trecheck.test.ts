// bin/trecheck.js runs the CLI's bundle only while it is fresh (no source it was built from is newer or gone), and
// the bundle runs what the sources run, worker threads included (they boot from src/ through tsx).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, without declarations (bin/ runs before anything is built).
import { freshBundle } from '../../bin/freshBundle.js';
import { runCliCaptured } from '../../src/cli/main.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fresh = freshBundle as (root: URL) => URL | undefined;

/** A package root with a bundle built at time 2000 s from `src/a.ts` and `src/b.ts`, both written at 1000 s. */
function fakePackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'trecheck-bundle-'));
  mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
  mkdirSync(join(root, 'src'));
  for (const source of ['a.ts', 'b.ts']) {
    writeFileSync(join(root, 'src', source), '');
    utimesSync(join(root, 'src', source), 1000, 1000);
  }
  writeFileSync(join(root, 'dist', 'bundle', 'inputs.json'), JSON.stringify(['src/a.ts', 'src/b.ts']));
  writeFileSync(join(root, 'dist', 'bundle', 'trecheck.mjs'), '');
  utimesSync(join(root, 'dist', 'bundle', 'trecheck.mjs'), 2000, 2000);
  return root;
}

const rootUrl = (root: string): URL => pathToFileURL(`${root}/`);

/** A JSON outcome without its timings (keys naming milliseconds, "N ms" in text), which differ from run to run. */
function withoutTimes(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\d+ ms\b/g, '<ms> ms');
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !/millis/i.test(k)).map(([k, v]) => [k, withoutTimes(v)]));
}

describe('freshBundle', () => {
  it('gives the bundle while no source is newer, and nothing once one is newer, gone, or the bundle is missing', () => {
    const root = fakePackage();
    expect(fresh(rootUrl(root))?.href).toBe(rootUrl(root).href + 'dist/bundle/trecheck.mjs');
    // Equal times (npm gives every file of an installed package one time) count as fresh.
    utimesSync(join(root, 'src', 'b.ts'), 2000, 2000);
    expect(fresh(rootUrl(root))).toBeDefined();
    utimesSync(join(root, 'src', 'b.ts'), 2001, 2001);
    expect(fresh(rootUrl(root))).toBeUndefined();
    utimesSync(join(root, 'src', 'b.ts'), 1000, 1000);
    rmSync(join(root, 'src', 'a.ts'));
    expect(fresh(rootUrl(root))).toBeUndefined();
    const bare = fakePackage();
    rmSync(join(bare, 'dist', 'bundle', 'trecheck.mjs'));
    expect(fresh(rootUrl(bare))).toBeUndefined();
  });
});

describe('trecheck --version', () => {
  it('prints what the CLI prints for it, without loading the CLI', async () => {
    const bin = join(repo, 'bin', 'trecheck.js');
    const cli = await runCliCaptured(['--version']);
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [bin, flag], { cwd: repo, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(cli.stdout);
    }
  });
});

describe('the bundled CLI', () => {
  const bin = join(repo, 'bin', 'trecheck.js');
  const run = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { cwd: repo, encoding: 'utf8' });
  const fromSources = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { cwd: repo, encoding: 'utf8', env: { ...process.env, TRECHECK_FROM_SOURCES: '1' } });

  it('is built by the bundle script, is fresh, and runs searches with worker threads as the sources do', () => {
    execFileSync(process.execPath, [join(repo, 'scripts', 'bundleCli.mjs')], { cwd: repo, stdio: 'ignore' });
    expect(fresh(rootUrl(repo))).toBeDefined();
    // Worker threads and the systems they rebuild start from bundled entries, not through tsx.
    const entries = JSON.parse(readFileSync(join(repo, 'dist', 'bundle', 'entries.json'), 'utf8')) as Record<string, string>;
    for (const source of ['src/engine/parallel/exhaustiveWorker.ts', 'src/engine/random/randomWorker.ts', 'src/cli/ablate/cellWorker.ts', 'src/cli/check/checkWorker.ts', 'src/cli/systems/worldSystemEntry.ts']) {
      expect(existsSync(join(repo, 'dist', 'bundle', entries[source]!)), source).toBe(true);
    }
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const exhaustive = run('explore', 'tr33812-alt1a', '--workers', '2', '--json');
    expect(exhaustive.status, exhaustive.stderr).toBe(0);
    expect(exhaustive.stdout).toMatch(/"states":\s*329\b/);
    // The same outcome as from the sources, times aside.
    expect(withoutTimes(JSON.parse(exhaustive.stdout))).toEqual(withoutTimes(JSON.parse(fromSources('explore', 'tr33812-alt1a', '--workers', '2', '--json').stdout)));
    const random = run('explore', 'tr33812-alt1a', '--mode', 'random', '--runs', '200', '--workers', '2', '--json');
    expect(random.status, random.stderr).toBe(4);
  });
});
