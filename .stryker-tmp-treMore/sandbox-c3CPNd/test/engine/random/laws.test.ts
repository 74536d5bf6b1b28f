// The engine laws (test/engine/laws.ts) on small systems with known answers, for both engines.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { searchRandom } from '../../../src/engine/random/searchRandom.ts';
import { buildSystem } from '../../../src/cli/systems.ts';
import {
  cutSearchIsInconclusive,
  engineVerdictsAgree,
  exhaustiveEngine,
  randomEngine,
  sameSeedSameTraces,
  savedTracesReplay,
  shrinkingOnlyShortens,
} from '../laws.ts';
import { bigNeverFour, jugProperties, jugsSystem, smallNeverOne } from './toySystems.ts';

const nspk = buildSystem('needham-schroeder', {});
const nspkFixed = buildSystem('needham-schroeder-lowe', {});

describe('engine laws', () => {
  it.each([1, 2, 3])('exhaustive and random agree on every jug property (seed %i)', (seed) => {
    engineVerdictsAgree(jugsSystem, jugProperties, randomEngine(seed));
  });

  it('exhaustive and random agree on Needham-Schroeder, attacked and fixed', () => {
    engineVerdictsAgree(nspk.system, nspk.properties, randomEngine(5));
    engineVerdictsAgree(nspkFixed.system, nspkFixed.properties, randomEngine(5));
  });

  it.each([1, 2, 3])('exhaustive and random agree on the benchmark model at MAXP %i (its 16-step violation included)', (maxP) => {
    const bench = buildSystem('benchmark', { maxP });
    engineVerdictsAgree(bench.system, bench.properties, randomEngine(maxP, 3000, 30));
  });

  it.each([exhaustiveEngine, randomEngine(11)])('$name: the same seed gives byte-identical traces', (engine) => {
    sameSeedSameTraces(jugsSystem, jugProperties, engine);
    sameSeedSameTraces(nspk.system, nspk.properties, engine);
  });

  it.each([exhaustiveEngine, randomEngine(12)])('$name: saved traces replay to the same violation', (engine) => {
    expect(savedTracesReplay(jugsSystem, jugProperties, engine)).toBe(2);
    expect(savedTracesReplay(nspk.system, nspk.properties, engine)).toBe(2);
  });

  it('shrinking never lengthens a run and keeps it violating: jugs, Needham-Schroeder, the benchmark model', () => {
    const jugs = shrinkingOnlyShortens(jugsSystem, [smallNeverOne, bigNeverFour], { seed: 31, numRuns: 1000, maxSteps: 30 });
    expect(jugs.shortened).toBeGreaterThan(30);
    const attacked = shrinkingOnlyShortens(nspk.system, nspk.properties, { seed: 32, numRuns: 1000, maxSteps: 10 });
    expect(attacked.violating).toBeGreaterThan(10);
    const bench = buildSystem('benchmark', { maxP: 3 });
    const deep = shrinkingOnlyShortens(bench.system, bench.properties, { seed: 33, numRuns: 150, maxSteps: 40 });
    expect(deep.shortened).toBeGreaterThan(5);
  });

  it('a random search stopped by its time limit is inconclusive, never a non-violation', () => {
    // 10 million runs cannot finish in 30 ms; the one holding property must not be reported as checked.
    cutSearchIsInconclusive(searchRandom(jugsSystem, jugProperties, { runs: 10_000_000, timeLimitMs: 30, seed: 1 }));
  });

  it('an exhaustive search stopped by its state limit is inconclusive, never holds', () => {
    cutSearchIsInconclusive(searchExhaustive(jugsSystem, jugProperties, { maxStates: 4 }));
  });

  it('different seeds explore differently (the seed is really used)', () => {
    const paths = new Set(
      [1, 2, 3, 4].map((seed) => {
        const v = searchRandom(jugsSystem, jugProperties, { seed, runs: 200 }).verdicts[0]!.verdict;
        return v.kind === 'violated' ? v.trace.path : v.kind;
      }),
    );
    expect(paths.size).toBeGreaterThan(1);
  });
});
