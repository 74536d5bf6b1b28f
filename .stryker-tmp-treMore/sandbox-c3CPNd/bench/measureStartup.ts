// Time to the first counterexample from a cold start: a child process is spawned and timed from
// spawn to exit, so node start-up, the TypeScript loader and building the model are all included.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './median.ts';

export interface StartupFigures {
  readonly command: string;
  readonly wallMillis: number;
  readonly runsMillis: readonly number[];
  readonly exitCode: number | null;
  readonly output: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node --import tsx args...` from the project root `runs` times. */
export function measureStartup(args: readonly string[], runs: number): StartupFigures {
  const times: number[] = [];
  let last: ReturnType<typeof spawnSync> | undefined;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    last = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - began);
    if (last.error !== undefined) throw last.error;
  }
  return {
    command: `node --import tsx ${args.join(' ')}`,
    wallMillis: median(times),
    runsMillis: times,
    exitCode: last?.status ?? null,
    output: String(last?.stdout ?? '').trim().split('\n').slice(-3).join('\n'),
  };
}

/** A configuration file for `trecheck explore benchmark --config`; returns its path from the project root. */
export function writeBenchConfig(maxP: number): string {
  const file = `reports/scratch/bench-maxp${maxP}.json`;
  mkdirSync(`${root}reports/scratch`, { recursive: true });
  writeFileSync(`${root}${file}`, JSON.stringify({ maxP }));
  return file;
}
