// Whether a core looks free to the default of going on on two threads: told only over a look long enough to count the
// cores' idle time, and not while every core is busy; and whether the search's levels still grow.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { coreIdleSince, stillGrowing } from '../../../src/engine/pipeline/adaptiveTwoThreads.ts';

describe('adaptiveTwoThreads', () => {
  it('does not tell a free core from a look shorter than a quarter of a second', () => {
    const free = coreIdleSince();
    expect(free()).toBe(false);
  });

  it('sees no free core while every core is kept busy', async () => {
    // Every core but this one spins in a worker; this thread spins too: no core is idle over the look.
    const { Worker } = await import('node:worker_threads');
    const spin = "require('node:worker_threads').parentPort.postMessage('spinning'); const end = Date.now() + 1500; while (Date.now() < end) {}";
    const spinners = Array.from({ length: availableParallelism() - 1 }, () => new Worker(spin, { eval: true }));
    try {
      // The look starts once every spinner spins: a worker starting would leave its core idle for a while.
      await Promise.all(spinners.map((w) => new Promise((resolve) => w.once('message', resolve))));
      const free = coreIdleSince();
      const end = performance.now() + 600;
      while (performance.now() < end) {}
      expect(free()).toBe(false);
    } finally {
      await Promise.all(spinners.map((w) => w.terminate()));
    }
  });

  it('goes on on two threads only while the level to expand is the widest so far', () => {
    const at = (level: number, widest: number) => stillGrowing({ states: 100, transitions: 200, depth: 10, level, widest });
    expect(at(500, 500)).toBe(true);
    expect(at(499, 500)).toBe(false);
    // A search that does not report its levels (the pipelined one) is taken to grow.
    expect(stillGrowing({ states: 100, transitions: 200, depth: 10 })).toBe(true);
  });
});
