// The random search counts the steps of its runs and the steps spent shrinking apart, each step once.
import { describe, expect, it } from 'vitest';
import { countingSteps } from '../../../src/engine/random/countingSteps.ts';
import { searchRandom } from '../../../src/engine/random/searchRandom.ts';
import type { System } from '../../../src/engine/System.ts';
import { bigNeverFour, jugsSystem, totalAtMostEight, type Jugs } from './toySystems.ts';

describe('countingSteps', () => {
  it('counts each step and each successor of the fast path, and changes nothing else', () => {
    const withFastPath: System<Jugs, string> = {
      ...(jugsSystem as System<Jugs, string>),
      forEachSuccessor: (state, visit) => {
        for (const action of jugsSystem.enabled(state)) visit(action, jugsSystem.step(state, action));
      },
    };
    const counter = { steps: 0 };
    const counted = countingSteps(withFastPath, counter);
    const [initial] = counted.initialStates();

    const next = counted.step(initial!, 'FILL_BIG');
    const successors: Jugs[] = [];
    counted.forEachSuccessor!(next, (_, s) => successors.push(s));

    expect(next).toEqual({ small: 0, big: 5 });
    expect(successors).toHaveLength(jugsSystem.enabled(next).length);
    expect(counter.steps).toBe(1 + successors.length);
    expect(counted.key(next)).toBe(jugsSystem.key(next));
    expect(counted.name).toBe(jugsSystem.name);
  });
});

describe('step counts of the random search', () => {
  it('counts every step as the search when nothing is violated, none as shrinking', () => {
    const counter = { steps: 0 };

    const outcome = searchRandom(countingSteps(jugsSystem, counter), [totalAtMostEight], { runs: 300, maxSteps: 20, seed: 5 });

    expect(outcome.stats.shrinkSteps).toBe(0);
    expect(outcome.stats.transitions).toBe(counter.steps);
  });

  it("counts the steps spent shrinking apart from the search's, so that every step is counted once", () => {
    const counter = { steps: 0 };

    const outcome = searchRandom(countingSteps(jugsSystem, counter), [bigNeverFour], { seed: 3, counterexamples: 1 });

    const verdict = outcome.verdicts[0]!.verdict;
    expect(verdict.kind).toBe('violated');
    const saved = verdict.kind === 'violated' ? verdict.trace.actions.length : 0;
    expect(outcome.stats.shrinkSteps).toBeGreaterThan(0);
    // The rest: re-executing the shrunk run once to save it as a trace.
    expect(outcome.stats.transitions + outcome.stats.shrinkSteps! + saved).toBe(counter.steps);
  });
});
