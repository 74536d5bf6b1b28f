// Each shrinking pass on small systems: what it shortens, what it must leave alone, and that the
// default pipeline brings the benchmark's wrong-nonce-order run down to the shortest violation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSystem } from '../../../src/cli/systems.ts';
import type { Property } from '../../../src/engine/Property.ts';
import { startWatch } from '../../../src/engine/propertyWatch.ts';
import { cutLoops } from '../../../src/engine/random/cutLoops.ts';
import { dropSteps } from '../../../src/engine/random/dropSteps.ts';
import { realignSteps } from '../../../src/engine/random/realignSteps.ts';
import { actionsOfChoices, runChoices } from '../../../src/engine/random/runChoices.ts';
import type { ShrinkPass } from '../../../src/engine/random/ShrinkPass.ts';
import { defaultShrinkPasses, shrinkLabels } from '../../../src/engine/random/shrinkLabels.ts';
import { takeShortcuts } from '../../../src/engine/random/takeShortcuts.ts';
import { watchedKey } from '../../../src/engine/random/walkLabels.ts';
import { checkLabels } from '../../../src/engine/replay/checkLabels.ts';
import type { System } from '../../../src/engine/System.ts';
import { bigNeverFour, jugsSystem, smallNeverOne, neverEmptyRightAfterFill, stairsNeverSix, stairsSystem } from './toySystems.ts';

const jugStart = jugsSystem.initialStates()[0]!;
/** The shortest way to 4 litres in the big jug: 6 steps. */
const jugSolution = ['FILL_BIG', 'BIG_TO_SMALL', 'EMPTY_SMALL', 'BIG_TO_SMALL', 'FILL_BIG', 'BIG_TO_SMALL'];

const bench = buildSystem('benchmark', { maxP: 6 });
const benchStart = bench.system.initialStates()[0]!;
const deep = bench.properties[1]!;
/** Found by random search (seed 4, shrunk without realign-steps): three STARTs first put every later nonce out of step; 18 steps. */
const wrongNonceOrder = ('START START START SERVE(0) INSTALL(0) DELETE START SERVE(1) SERVE(2) INSTALL(1) DELETE START ' +
  'INSTALL(2) DELETE START INSTALL(0) ACTIVATE SELECT').split(' ');

describe('cutLoops', () => {
  it('cuts the steps between two visits of the same state', () => {
    const detour = ['FILL_SMALL', 'EMPTY_SMALL', ...jugSolution.slice(0, 3), 'FILL_SMALL', 'EMPTY_SMALL', ...jugSolution.slice(3)];
    // Two detours: (0,0) -> (3,0) -> (0,0) before the solution, (0,2) -> (3,2) -> (0,2) in its middle.
    expect(checkLabels(jugsSystem, bigNeverFour, jugStart, detour).kind).toBe('violated');
    expect(cutLoops.shorten(jugsSystem, bigNeverFour, jugStart, detour)).toEqual(jugSolution);
  });

  it('proposes nothing for a run without a repeated state', () => {
    expect(cutLoops.shorten(jugsSystem, bigNeverFour, jugStart, jugSolution)).toBeUndefined();
  });

  it('tells apart equal states whose trace monitors differ', () => {
    // (0,5) just after FILL_BIG (monitor 1) and (0,5) after pouring (monitor 0) are different places to be.
    const justFilled = watchedKey(jugsSystem, neverEmptyRightAfterFill, { small: 0, big: 5 }, 1);
    const poured = watchedKey(jugsSystem, neverEmptyRightAfterFill, { small: 0, big: 5 }, 0);
    expect(justFilled).not.toBe(poured);
    expect(watchedKey(jugsSystem, bigNeverFour, { small: 0, big: 5 }, startWatch(bigNeverFour, jugStart))).toBe(5);
  });
});

describe('takeShortcuts', () => {
  it('replaces steps by one action that reaches a later state of the run, or the violation', () => {
    const climb = ['UP', 'UP', 'UP', 'UP', 'UP', 'UP'];
    expect(checkLabels(stairsSystem, stairsNeverSix, 0, climb)).toMatchObject({ kind: 'violated', steps: 6 });
    expect(takeShortcuts.shorten(stairsSystem, stairsNeverSix, 0, climb)).toEqual(['LEAP', 'LEAP']);
    // Dropping steps alone cannot: every UP is needed to reach 6.
    expect(dropSteps.shorten(stairsSystem, stairsNeverSix, 0, climb)).toBeUndefined();
    expect(cutLoops.shorten(stairsSystem, stairsNeverSix, 0, climb)).toBeUndefined();
  });

  it('proposes nothing for a shortest run', () => {
    expect(takeShortcuts.shorten(stairsSystem, stairsNeverSix, 0, ['LEAP', 'LEAP'])).toBeUndefined();
  });
});

describe('dropSteps', () => {
  it('drops irrelevant steps down to the shortest solution', () => {
    const padded = ['FILL_SMALL', 'EMPTY_SMALL', 'FILL_BIG', 'BIG_TO_SMALL', 'EMPTY_SMALL', 'FILL_SMALL', 'EMPTY_SMALL',
      'BIG_TO_SMALL', 'FILL_BIG', 'BIG_TO_SMALL'];
    expect(dropSteps.shorten(jugsSystem, bigNeverFour, jugStart, padded)).toHaveLength(6);
  });
});

describe('realignSteps', () => {
  it('puts the benchmark run of wrong nonce order right, which no removal can', () => {
    expect(checkLabels(bench.system, deep, benchStart, wrongNonceOrder)).toMatchObject({ kind: 'violated', steps: 18 });
    for (const pass of [cutLoops, takeShortcuts, dropSteps]) {
      expect(pass.shorten(bench.system, deep, benchStart, wrongNonceOrder), pass.name).toBeUndefined();
    }
    const realigned = realignSteps.shorten(bench.system, deep, benchStart, wrongNonceOrder);
    // 16 steps is the shortest violation (exhaustive search, reports/bench.md).
    expect(realigned).toHaveLength(16);
    expect(checkLabels(bench.system, deep, benchStart, realigned!)).toMatchObject({ kind: 'violated', steps: 16 });
  });

  it('finds nothing shorter than a shortest run', () => {
    expect(realignSteps.shorten(jugsSystem, bigNeverFour, jugStart, jugSolution)).toBeUndefined();
  });

  it('inserts at most one step of a family the run does not have', () => {
    // Six UPs have no LEAP: one inserted LEAP replaces three UPs (4 steps); two LEAPs would need two insertions.
    const realigned = realignSteps.shorten(stairsSystem, stairsNeverSix, 0, ['UP', 'UP', 'UP', 'UP', 'UP', 'UP']);
    expect(realigned).toHaveLength(4);
    expect(realigned!.filter((l) => l === 'LEAP')).toHaveLength(1);
  });
});

describe('shrinkLabels with the default passes', () => {
  it('tries the cheap passes first and brings the wrong-nonce-order run to 16 steps', () => {
    expect(defaultShrinkPasses.map((p) => p.name)).toEqual(['cut-loops', 'take-shortcuts', 'drop-steps', 'realign-steps']);
    expect(shrinkLabels(bench.system, deep, benchStart, wrongNonceOrder)).toHaveLength(16);
    // Without realignment the run stays as it is.
    expect(shrinkLabels(bench.system, deep, benchStart, wrongNonceOrder, [cutLoops, takeShortcuts, dropSteps])).toHaveLength(18);
  });

  it('is deterministic: the same run shrinks to the same labels', () => {
    const once = shrinkLabels(bench.system, deep, benchStart, wrongNonceOrder);
    expect(shrinkLabels(bench.system, deep, benchStart, wrongNonceOrder)).toEqual(once);
  });

  it('every pass proposes only shorter runs that violate at their last step', () => {
    const passes: readonly ShrinkPass[] = defaultShrinkPasses;
    const check = <S, A>(system: System<S, A>, properties: readonly Property<S, A>[], seed: number, maxSteps: number, numRuns: number): number => {
      const initial = system.initialStates()[0]!;
      const counters = { steps: 0, runs: 0, longest: 0 };
      let proposals = 0;
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: maxSteps, size: 'max' }), (choices) => {
          const outcome = runChoices(system, properties, initial, choices, counters);
          const property = properties[outcome.violated];
          if (property === undefined) return;
          const labels = actionsOfChoices(system, initial, choices, outcome.steps).map((a) => system.actionLabel(a));
          for (const pass of passes) {
            const proposal = pass.shorten(system, property, initial, labels);
            if (proposal === undefined) continue;
            proposals++;
            expect(proposal.length, pass.name).toBeLessThan(labels.length);
            expect(checkLabels(system, property, initial, proposal), pass.name).toMatchObject({ kind: 'violated', steps: proposal.length });
          }
        }),
        { seed, numRuns, plugins: [fc.unbiased()] },
      );
      return proposals;
    };
    const a = check(jugsSystem, [smallNeverOne, bigNeverFour], 41, 30, 1000);
    const b = check(bench.system, bench.properties, 42, 40, 150);
    expect(a).toBeGreaterThan(100);
    expect(b).toBeGreaterThan(50);
  });
});
