// Random search: seeding, shrinking, counts, shards and worker threads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSystem, systemsModule } from '../../../src/cli/systems.ts';
import { checkLabels } from '../../../src/engine/replay/checkLabels.ts';
import { mergeRandomPartials } from '../../../src/engine/random/mergeRandomPartials.ts';
import { resolveRandomOptions } from '../../../src/engine/random/RandomOptions.ts';
import { runRandomPartial } from '../../../src/engine/random/runRandomPartial.ts';
import { actionsOfChoices, runChoices } from '../../../src/engine/random/runChoices.ts';
import { searchRandom } from '../../../src/engine/random/searchRandom.ts';
import { searchRandomParallel } from '../../../src/engine/random/searchRandomParallel.ts';
import { shrinkLabels } from '../../../src/engine/random/shrinkLabels.ts';
import type { SearchOutcome } from '../../../src/engine/Verdict.ts';
import { bigNeverFour, jugProperties, jugsSystem, totalAtMostEight } from './toySystems.ts';

/** Verdicts without wall-clock times, for comparing runs. */
const timeless = (outcome: SearchOutcome): string =>
  JSON.stringify(outcome, (key, value: unknown) => (key === 'millis' ? 0 : value));

describe('searchRandom', () => {
  it('reports runs, the step bound and the seed when it finds nothing, and says so per property', () => {
    const outcome = searchRandom(jugsSystem, [totalAtMostEight], { runs: 250, maxSteps: 20, seed: 9 });
    expect(outcome.verdicts[0]!.verdict).toMatchObject({ kind: 'no-violation-found', runs: 250, maxSteps: 20, seed: 9 });
    expect(outcome.stats.depth).toBeLessThanOrEqual(20);
    expect(outcome.stats.transitions).toBeGreaterThan(250);
  });

  it('finds the 6-step jug solution and shrinks it to 6 steps', () => {
    const verdict = searchRandom(jugsSystem, [bigNeverFour], { seed: 3 }).verdicts[0]!.verdict;
    expect(verdict.kind).toBe('violated');
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions).toHaveLength(6);
    expect(verdict.trace.states.at(-1)).toMatchObject({ big: 4 });
    expect(verdict.trace).toMatchObject({ method: 'random', seed: 3, system: 'toy-jugs' });
    expect(verdict.trace.path).toMatch(/^\d+\.\d+$/);
  });

  it('is deterministic over chunking: shards 0/2 and 1/2 merged give the single-process verdicts', () => {
    const options = { runs: 600, seed: 21, maxSteps: 25 };
    const whole = searchRandom(jugsSystem, jugProperties, options);
    const shards = [0, 1].map((index) => runRandomPartial(jugsSystem, jugProperties, { ...options, shard: { index, count: 2 } }));
    expect(shards[0]!.chunks.every((c) => c.chunk % 2 === 0)).toBe(true);
    expect(timeless(mergeRandomPartials(shards))).toBe(timeless(whole));
  });

  it('a shard alone claims only its own runs', () => {
    // 1000 runs are 10 chunks of 100; shard 1/4 gets chunks 1, 5 and 9.
    const partial = runRandomPartial(jugsSystem, [totalAtMostEight], { runs: 1000, seed: 2, shard: { index: 1, count: 4 } });
    expect(partial.chunks.map((c) => c.chunk)).toEqual([1, 5, 9]);
    expect(mergeRandomPartials([partial]).verdicts[0]!.verdict).toMatchObject({ kind: 'no-violation-found', runs: 300 });
  });

  it('on two worker threads gives the verdicts, traces and counts of one thread', async () => {
    const { system, properties } = buildSystem('needham-schroeder', { maxInjections: 3 });
    const options = { runs: 800, seed: 4, maxSteps: 10 };
    const single = searchRandom(system, properties, options);
    const parallel = await searchRandomParallel(system, properties, {
      ...options,
      workers: 2,
      helperStartupMs: 0,
      source: { module: systemsModule, name: system.name, config: system.config },
    });
    expect(timeless(parallel)).toBe(timeless(single));
    const fixed = buildSystem('needham-schroeder-lowe', {});
    const fixedSingle = searchRandom(fixed.system, fixed.properties, options);
    const fixedParallel = await searchRandomParallel(fixed.system, fixed.properties, {
      ...options,
      workers: 2,
      helperStartupMs: 0,
      source: { module: systemsModule, name: fixed.system.name, config: fixed.system.config },
    });
    expect(fixedParallel.verdicts[0]!.verdict).toMatchObject({ kind: 'no-violation-found', runs: 800 });
    expect(timeless(fixedParallel)).toBe(timeless(fixedSingle));
  });

  it('rejects impossible options', () => {
    expect(() => resolveRandomOptions({ runs: 0 })).toThrow(/runs/);
    expect(() => resolveRandomOptions({ seed: -1 })).toThrow(/seed/);
    expect(() => resolveRandomOptions({ shard: { index: 2, count: 2 } })).toThrow(/shard/);
  });
});

describe('shrinkLabels', () => {
  it('never returns a longer trace, and the shrunk trace still violates', () => {
    const initial = jugsSystem.initialStates()[0]!;
    const counters = { steps: 0, runs: 0, longest: 0 };
    let shrunkSome = 0;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5 }), { minLength: 10, maxLength: 40 }), (choices) => {
        const outcome = runChoices(jugsSystem, [bigNeverFour], initial, choices, counters);
        if (outcome.violated < 0) return;
        const labels = actionsOfChoices(jugsSystem, initial, choices, outcome.steps).map((a) => jugsSystem.actionLabel(a));
        const shrunk = shrinkLabels(jugsSystem, bigNeverFour, initial, labels);
        expect(shrunk.length).toBeLessThanOrEqual(labels.length);
        const rerun = checkLabels(jugsSystem, bigNeverFour, initial, shrunk);
        expect(rerun).toMatchObject({ kind: 'violated', steps: shrunk.length });
        if (shrunk.length < labels.length) shrunkSome++;
      }),
      { seed: 17, numRuns: 4000, plugins: [fc.unbiased()] },
    );
    expect(shrunkSome).toBeGreaterThan(5);
  });

  it('drops irrelevant steps down to the shortest solution', () => {
    const initial = jugsSystem.initialStates()[0]!;
    // A 6-step solution padded with detours: the shortest is 6 steps.
    const padded = ['FILL_SMALL', 'EMPTY_SMALL', 'FILL_BIG', 'BIG_TO_SMALL', 'EMPTY_SMALL', 'FILL_SMALL', 'EMPTY_SMALL',
      'BIG_TO_SMALL', 'FILL_BIG', 'BIG_TO_SMALL'];
    expect(checkLabels(jugsSystem, bigNeverFour, initial, padded).kind).toBe('violated');
    expect(shrinkLabels(jugsSystem, bigNeverFour, initial, padded)).toHaveLength(6);
  });
});
