// The benchmarks' first-search child (bench/runFirstSearch.mjs) runs bench/firstSearchProcess.ts from the CLI's bundle
// while it is fresh (as `npm ci` leaves it) and from the sources otherwise: the same search either way, the store
// thread of a search on two threads included.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstSearchArgv } from '../../bench/firstSearchChild.ts';
import type { FirstSearchSample } from '../../bench/firstSearchProcess.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function search(args: readonly string[], fromSources: boolean): FirstSearchSample {
  const [command, ...rest] = firstSearchArgv(args);
  const child = spawnSync(command!, rest, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...(fromSources ? { TRECHECK_FROM_SOURCES: '1' } : {}) } });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as FirstSearchSample;
}

describe('runFirstSearch', () => {
  it.each([[['benchmark', '3']], [['tr', 't2-failure-report', '1', '2']]])('searches %j alike from the bundle and from the sources', (args) => {
    const a = search(args, false);
    const b = search(args, true);
    expect(a.states).toBeGreaterThan(0);
    expect([a.states, a.transitions, a.verdicts]).toEqual([b.states, b.transitions, b.verdicts]);
  });
});
