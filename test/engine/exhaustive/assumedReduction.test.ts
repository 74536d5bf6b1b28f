// A system that reduces on an assumption it checks (System.assumed): the one-thread search keeps its verdicts when
// the assumption held, and searches the system without it again when a step broke it, saying which in its stats.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

type Step = 'inc' | 'jump';

/** Counting from 0 to 10 by one or two; reduced, by two alone, on the assumption (checked by the test's own flag)
 *  that no odd number matters. */
function counter(reduced: boolean, broken: { by?: string }): System<number, Step> {
  const full = (n: number): Step[] => [...(n < 10 ? ['inc' as const] : []), ...(n < 9 ? ['jump' as const] : [])];
  return {
    name: 'counter',
    config: { reduced },
    initialStates: () => [0],
    enabled: (n) => (reduced ? full(n).filter((a) => a === 'jump') : full(n)),
    // Both systems take each other's steps (the contract), so a trace of either replays on the other.
    step: (n, a) => n + (a === 'inc' ? 1 : 2),
    key: (n) => n,
    actionLabel: (a) => a,
    describeState: (n) => n,
    ...(reduced ? { assumed: { name: 'even numbers', brokenBy: () => broken.by, without: () => counter(false, broken) } } : {}),
  };
}

const notSeven: Invariant<number> = { kind: 'invariant', id: propertyId('NotSeven'), description: 'never 7', holds: (n) => n !== 7 };

describe('a reduction on an assumption the system checks', () => {
  it('keeps the reduced search\'s verdicts when the assumption held, and says so', () => {
    const outcome = searchExhaustive(counter(true, {}), [notSeven]);
    expect(outcome.stats.states).toBe(6);
    expect(outcome.stats.assumption).toEqual({ name: 'even numbers', outcome: 'held' });
    expect(outcome.verdicts[0]!.verdict.kind).toBe('holds-exhaustively');
    expect(outcome.verdicts[0]!.verdict.stats.assumption?.outcome).toBe('held');
  });

  it('searches the system without it when a step broke it, and gives that search\'s verdicts and trace', () => {
    const outcome = searchExhaustive(counter(true, { by: 'an odd number was stepped' }), [notSeven]);
    expect(outcome.stats.states).toBe(11);
    expect(outcome.stats.assumption).toEqual({ name: 'even numbers', outcome: 'broken', brokenBy: 'an odd number was stepped' });
    const verdict = outcome.verdicts[0]!.verdict;
    expect(verdict.kind).toBe('violated');
    if (verdict.kind === 'violated') expect(verdict.trace.actions.length).toBe(4);
  });

  it('has no assumption field for a system that makes none', () => {
    expect(searchExhaustive(counter(false, {}), [notSeven]).stats.assumption).toBeUndefined();
  });
});
