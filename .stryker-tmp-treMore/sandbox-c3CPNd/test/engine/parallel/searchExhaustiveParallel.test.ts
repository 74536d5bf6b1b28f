// Tests of the hash-partitioned exhaustive search on worker threads: the serial search's counts and verdicts
// (trace properties, object states, the benchmark model), limits that give inconclusive, and worker failures.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel, type ParallelExhaustiveOptions } from '../../../src/engine/parallel/searchExhaustiveParallel.ts';
import { systemsModule } from '../../../src/cli/systems.ts';
import { createBenchmark } from '../../../examples/benchmark/createBenchmark.ts';
import { rederive } from '../exhaustive/rederive.ts';
import { summary } from './outcomeSummary.ts';
import { buildSystem, toySystemsModule } from '../exhaustive/toySystems.ts';


/** The toy grid of side n, searched in parallel with its workers rebuilding it from the toy registry. */
async function searchGrid(n: number, options: ParallelExhaustiveOptions) {
  const config = { n };
  const { system, properties } = buildSystem('grid', config);
  const parallel = await searchExhaustiveParallel(system, properties, { ...options, source: { module: toySystemsModule, name: 'grid', config } });
  return { system, properties, parallel };
}

describe('searchExhaustiveParallel on 2 workers', () => {
  it('matches the serial search on a system with trace properties (monitors travel between workers)', async () => {
    const { system, properties, parallel } = await searchGrid(15, { workers: 2 });
    const serial = searchExhaustive(system, properties);
    expect(parallel.workers).toBe(2);
    expect(summary(parallel)).toEqual(summary(serial));
    for (const { verdict } of parallel.verdicts) if (verdict.kind === 'violated') rederive(system, verdict.trace);
  });

  it('matches the serial search on object states with string keys, and under a depth bound', async () => {
    const config = { small: 7, big: 11, stringKeys: true };
    const { system, properties } = buildSystem('jugs', config);
    const source = { module: toySystemsModule, name: 'jugs', config };
    for (const maxDepth of [undefined, 4]) {
      const serial = searchExhaustive(system, properties, { maxDepth });
      const parallel = await searchExhaustiveParallel(system, properties, { workers: 2, source, maxDepth });
      expect(summary(parallel)).toEqual(summary(serial));
      expect(parallel.fingerprints.hashed).toBe(serial.fingerprints.hashed);
    }
  });

  it('matches the serial search on the benchmark model (MAXP=5): 251,617 states, traces of 8 and 16 steps', async () => {
    const { system, properties } = createBenchmark({ maxP: 5 });
    const serial = searchExhaustive(system, properties);
    const parallel = await searchExhaustiveParallel(system, properties, {
      workers: 2,
      source: { module: systemsModule, name: 'benchmark', config: { maxP: 5 } },
    });
    expect(summary(parallel)).toEqual(summary(serial));
    expect(parallel.stats.states).toBe(251_617);
    const lengths = parallel.verdicts.map(({ verdict }) => (verdict.kind === 'violated' ? rederive(system, verdict.trace) && verdict.trace.actions.length : 0));
    expect(lengths).toEqual([8, 16]);
  });

  it('gives inconclusive, never holds, when the states limit cuts it', async () => {
    const { parallel } = await searchGrid(40, { workers: 2, maxStates: 300 });
    const kinds = parallel.verdicts.map(({ verdict }) => verdict.kind);
    expect(kinds).not.toContain('holds-exhaustively');
    expect(parallel.verdicts.find((v) => v.property === 'toy.resetGoesHome')?.verdict).toMatchObject({ kind: 'inconclusive', limit: 'states' });
  });

  it('partitions over three workers as well (each absorbs batches from two others)', async () => {
    const { system, properties, parallel } = await searchGrid(20, { workers: 3 });
    expect(parallel.workers).toBe(3);
    expect(summary(parallel)).toEqual(summary(searchExhaustive(system, properties)));
  });

  it('gives inconclusive, never holds, when a worker passes its share of the memory budget', async () => {
    const { parallel } = await searchGrid(80, { workers: 2, memoryBudgetBytes: 2 });
    expect(parallel.workers).toBe(2);
    expect(parallel.verdicts.find((v) => v.property === 'toy.resetGoesHome')?.verdict).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    expect(parallel.stats.states).toBeGreaterThan(0);
  });

  it('gives inconclusive, never holds, when the time limit cuts it', async () => {
    const { parallel } = await searchGrid(80, { workers: 2, timeLimitMs: 0 });
    expect(parallel.verdicts.find((v) => v.property === 'toy.resetGoesHome')?.verdict).toMatchObject({ kind: 'inconclusive', limit: 'time' });
  });

  it('rejects, rather than hangs, when a worker cannot rebuild the system', async () => {
    const { system, properties } = buildSystem('jugs', {});
    await expect(
      searchExhaustiveParallel(system, properties, { workers: 2, source: { module: toySystemsModule, name: 'no-such-system', config: {} } }),
    ).rejects.toThrow(/no toy system no-such-system/);
  });

  it('runs on this thread when no source says how to rebuild the system', async () => {
    const { system, properties } = buildSystem('jugs', {});
    const outcome = await searchExhaustiveParallel(system, properties, { workers: 2 });
    expect(outcome.workers).toBe(1);
    expect(summary(outcome)).toEqual(summary(searchExhaustive(system, properties)));
  });
});

describe('searchExhaustiveParallel and partial-order reduction', () => {
  const config = { loop: true };
  const source = { module: toySystemsModule, name: 'processes', config };

  it('searches unreduced on explicit workers, as the one-thread search with reduction off, and says why', async () => {
    const { system, properties } = buildSystem('processes', config);
    const parallel = await searchExhaustiveParallel(system, properties, { workers: 2, source });
    expect(parallel.workers).toBe(2);
    expect(parallel.stats.reduction).toEqual({ applied: false, reason: 'parallel' });
    for (const { verdict } of parallel.verdicts) expect(verdict.stats.reduction).toEqual({ applied: false, reason: 'parallel' });
    expect(summary(parallel)).toEqual(summary(searchExhaustive(system, properties, { reduction: false })));
  });

  it('runs the reduced search on this thread by default, and the full one in parallel with reduction off', async () => {
    const { system, properties } = buildSystem('processes', config);
    const adaptive = await searchExhaustiveParallel(system, properties, { source });
    expect(adaptive.workers).toBe(1);
    expect(summary(adaptive)).toEqual(summary(searchExhaustive(system, properties)));
    expect(adaptive.stats.reduction).toMatchObject({ applied: true });
    const off = await searchExhaustiveParallel(system, properties, { workers: 2, source, reduction: false });
    expect(off.stats.reduction).toEqual({ applied: false, reason: 'turned-off' });
  });
});
