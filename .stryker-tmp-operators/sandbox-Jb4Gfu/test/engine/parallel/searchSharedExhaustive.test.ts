// Tests of the shared-memory exhaustive search: the serial search's counts and verdicts on 2 and 3 threads,
// across table growths and at the states limit, its fallback for systems it cannot hold, and the adaptive default.
import { describe, expect, it } from 'vitest';
import { createBenchmark } from '../../../examples/benchmark/createBenchmark.ts';
import { systemsModule } from '../../../src/cli/systems.ts';
import { resolveExhaustiveOptions, type ExhaustiveOptions } from '../../../src/engine/exhaustive/ExhaustiveOptions.ts';
import type { ExhaustiveOutcome } from '../../../src/engine/exhaustive/ExhaustiveOutcome.ts';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel } from '../../../src/engine/parallel/searchExhaustiveParallel.ts';
import { searchSharedExhaustive, sharedHelpers } from '../../../src/engine/parallel/searchSharedExhaustive.ts';
import type { Property } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';
import type { SystemSource } from '../../../src/engine/SystemSource.ts';
import { rederive } from '../exhaustive/rederive.ts';
import { summary } from './outcomeSummary.ts';
import { buildSystem, packedToySystemsModule } from './packedToySystems.ts';


/** The shared search with a helper that has already rebuilt the system, so it works from level 0. */
async function withReadyHelper<A>(
  system: System<number, A>,
  properties: readonly Property<number, A>[],
  source: SystemSource,
  options: ExhaustiveOptions = {},
): Promise<ExhaustiveOutcome> {
  const team = sharedHelpers(source, properties, 1);
  await team.ready();
  const outcome = await searchSharedExhaustive(system, properties, resolveExhaustiveOptions(options), { team, startAfterMs: 0 });
  if (outcome === undefined) throw new Error('the shared search did not hold a numeric system');
  return outcome;
}

const torusSource = (side: number, wideFrom?: number): SystemSource => ({
  module: packedToySystemsModule,
  name: 'torus',
  config: wideFrom === undefined ? { side } : { side, wideFrom },
});

describe('shared-memory exhaustive search on 2 threads', () => {
  it.each([3, 4, 5])('matches the serial search on the benchmark model (MAXP=%i), shortest traces re-derived', async (maxP) => {
    const { system, properties } = createBenchmark({ maxP });
    const serial = searchExhaustive(system, properties);
    const shared = await withReadyHelper(system, properties, { module: systemsModule, name: 'benchmark', config: { maxP } });
    expect(shared.workers).toBe(2);
    expect(summary(shared)).toEqual(summary(serial));
    for (const { verdict } of shared.verdicts) if (verdict.kind === 'violated') rederive(system, verdict.trace);
    // Both threads took part: a helper that joined but never worked would be left out of busyMillis.
    expect(shared.busyMillis).toHaveLength(2);
    expect(Math.min(...shared.busyMillis!)).toBeGreaterThan(0);
  });

  it('keeps the counts exact on 3 threads growing the table from 16 slots (every thread moves a share)', async () => {
    const { system, properties } = createBenchmark({ maxP: 4 });
    const serial = searchExhaustive(system, properties);
    const team = sharedHelpers({ module: systemsModule, name: 'benchmark', config: { maxP: 4 } }, properties, 2);
    await team.ready();
    const shared = await searchSharedExhaustive(system, properties, resolveExhaustiveOptions({ initialCapacity: 16 }), { team, startAfterMs: 0 });
    expect(shared?.workers).toBe(3);
    expect(summary(shared!)).toEqual(summary(serial));
  });

  it('keeps the counts exact across growths during small levels, which the main thread begins alone', async () => {
    const { system, properties } = buildSystem('torus', { side: 300 });
    const serial = searchExhaustive(system, properties);
    const shared = await withReadyHelper(system, properties, torusSource(300), { initialCapacity: 16 });
    expect(shared.stats.states).toBe(90_000);
    expect(summary(shared)).toEqual(summary(serial));
    const violated = shared.verdicts.find((v) => v.property === 'torus.neverAtThreeFive')!.verdict;
    expect(violated.kind === 'violated' && rederive(system, violated.trace)).toBe(3 * 300 + 5);
  });

  it.each([
    ['a torus', 'torus'],
    ['the benchmark model (MAXP=5), where ids left unused at level ends make the id arrays grow by copying', 'benchmark'],
  ])('gives the serial verdicts under a states limit equal to the space size: %s', async (_, which) => {
    const { system, properties } = which === 'torus' ? buildSystem('torus', { side: 300 }) : createBenchmark({ maxP: 5 });
    const source = which === 'torus' ? torusSource(300) : { module: systemsModule, name: 'benchmark', config: { maxP: 5 } };
    const maxStates = which === 'torus' ? 90_000 : 251_617;
    const serial = searchExhaustive(system, properties, { maxStates });
    const shared = await withReadyHelper(system, properties, source, { maxStates, initialCapacity: 16 });
    expect(serial.stats.states).toBe(maxStates);
    expect(summary(shared)).toEqual(summary(serial));
  });

  it('stops at the states limit exactly where the serial search does: complete at the space size, inconclusive below it', async () => {
    const { system, properties } = buildSystem('torus', { side: 40 });
    for (const maxStates of [1600, 1599, 700]) {
      const serial = searchExhaustive(system, properties, { maxStates });
      const shared = await withReadyHelper(system, properties, torusSource(40), { maxStates, initialCapacity: 16 });
      const kinds = shared.verdicts.map(({ verdict }) => verdict.kind);
      expect(kinds, `maxStates ${maxStates}`).toEqual(serial.verdicts.map(({ verdict }) => verdict.kind));
      if (maxStates < 1600) expect(shared.verdicts[1]!.verdict).toMatchObject({ kind: 'inconclusive', limit: 'states' });
      expect(shared.stats.states).toBeLessThanOrEqual(maxStates);
    }
  });

  it('gives inconclusive, never holds, under a time limit, and a shortest trace when stopping at the first violation', async () => {
    const { system, properties } = buildSystem('torus', { side: 200 });
    const timed = await withReadyHelper(system, properties, torusSource(200), { timeLimitMs: 0 });
    expect(timed.verdicts[1]!.verdict).toMatchObject({ kind: 'inconclusive', limit: 'time' });
    const first = await withReadyHelper(system, properties, torusSource(200), { stopAtFirst: true });
    const violated = first.verdicts[0]!.verdict;
    expect(violated.kind === 'violated' && violated.trace.actions.length).toBe(6);
    if (violated.kind === 'violated') rederive(system, violated.trace);
    expect(first.verdicts[1]!.verdict).toMatchObject({ kind: 'inconclusive', limit: 'stop-at-first' });
  });

  it('gives inconclusive, never holds, past the memory budget (the shared arrays counted by what is in use)', async () => {
    const { system, properties } = buildSystem('torus', { side: 200 });
    const outcome = await withReadyHelper(system, properties, torusSource(200), { memoryBudgetBytes: 2 });
    expect(outcome.verdicts[1]!.verdict).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    expect(outcome.stats.states).toBeGreaterThan(0);
    expect(outcome.stats.states).toBeLessThan(200 * 200);
  });

  it('answers undefined for a system it cannot hold (keys above 2^32 mid-search), and searchExhaustiveParallel then falls back', async () => {
    const { system, properties } = buildSystem('torus', { side: 30, wideFrom: 10 });
    const team = sharedHelpers(torusSource(30, 10), properties, 1);
    expect(await searchSharedExhaustive(system, properties, resolveExhaustiveOptions(), { team, startAfterMs: 0 })).toBeUndefined();
    const parallel = await searchExhaustiveParallel(system, properties, { workers: 2, source: torusSource(30, 10) });
    expect(summary(parallel)).toEqual(summary(searchExhaustive(system, properties)));
  });

  it('rejects, rather than hangs, when a helper cannot rebuild the system', async () => {
    const { properties } = buildSystem('torus', { side: 5 });
    const team = sharedHelpers({ module: packedToySystemsModule, name: 'no-such-system', config: {} }, properties, 1);
    await expect(team.ready()).rejects.toThrow(/no packed toy system no-such-system/);
    team.stop();
  });
});

describe('searchExhaustiveParallel by default (adaptive)', () => {
  it('stays on one thread for a small system (no helper is started)', async () => {
    const { system, properties } = createBenchmark({ maxP: 2 });
    const outcome = await searchExhaustiveParallel(system, properties, { source: { module: systemsModule, name: 'benchmark', config: { maxP: 2 } } });
    expect(outcome.workers).toBe(1);
    expect(summary(outcome)).toEqual(summary(searchExhaustive(system, properties)));
  });

  it('matches the serial search on Needham-Schroeder (object states: one thread by default, partitioned with --workers 2)', async () => {
    const source = { module: systemsModule, name: 'needham-schroeder', config: {} };
    const { buildSystem: buildRegistered } = await import('../../../src/cli/systems.ts');
    const { system, properties } = buildRegistered('needham-schroeder', {});
    const serial = searchExhaustive(system, properties);
    const adaptive = await searchExhaustiveParallel(system, properties, { source });
    const forced = await searchExhaustiveParallel(system, properties, { source, workers: 2 });
    expect(adaptive.workers).toBe(1);
    expect(forced.workers).toBe(2);
    expect(summary(adaptive)).toEqual(summary(serial));
    expect(summary(forced)).toEqual(summary(serial));
  });
});
