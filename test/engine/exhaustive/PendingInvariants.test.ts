// Tests of PendingInvariants: each invariant is reported once, at its first violation, also when two fail in one state;
// invariants of one part of the state (System.partOf) are asked once per id of it.
import { describe, expect, it } from 'vitest';
import { PendingInvariants } from '../../../src/engine/exhaustive/PendingInvariants.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import type { StatePart } from '../../../src/engine/System.ts';

const below = (limit: number): Invariant<number> => ({
  kind: 'invariant',
  id: propertyId(`below${limit}`),
  description: `the counter stays below ${limit}`,
  holds: (s) => s < limit,
});

describe('PendingInvariants', () => {
  it('reports each invariant once, at the first state that violates it', () => {
    const pending = new PendingInvariants([below(5), below(3)]);
    expect([0, 1, 2].map((s) => pending.violatedBy(s))).toEqual([undefined, undefined, undefined]);
    expect(pending.violatedBy(3)).toEqual([1]);
    expect(pending.violatedBy(4)).toBeUndefined();
    expect(pending.violatedBy(5)).toEqual([0]);
    expect(pending.violatedBy(6)).toBeUndefined();
  });

  it('drops both invariants that fail in the same state, so neither is reported again', () => {
    const pending = new PendingInvariants([below(3), below(3), below(10)]);
    expect(pending.violatedBy(3)).toEqual([0, 1]);
    // Before the fix, dropping the second re-admitted the first, which then failed again here.
    expect(pending.violatedBy(4)).toBeUndefined();
    expect(pending.violatedBy(10)).toEqual([2]);
    expect(pending.violatedBy(11)).toBeUndefined();
  });

  describe('invariants of one part, asked once per id of it', () => {
    // States are pairs [tens, units]; `tens` is a part whose id is the first number.
    type Pair = readonly [number, number];
    const tens: StatePart<Pair> = { name: 'tens', id: (s) => s[0] };
    const counted = (name: string, holds: (s: Pair) => boolean, asked: Pair[]): Invariant<Pair> => ({
      kind: 'invariant',
      id: propertyId(name),
      description: name,
      holds: (s) => (asked.push(s), holds(s)),
    });
    const grouped = (invariants: readonly Invariant<Pair>[], ofTens: readonly Invariant<Pair>[]) =>
      new PendingInvariants(invariants, { partOf: (invariant) => (ofTens.includes(invariant) ? tens : undefined) });

    it('asks them in the first state of each id only, and the others in every state', () => {
      const asked: Pair[] = [];
      const small = counted('tensBelow5', (s) => s[0] < 5, asked);
      const even = counted('tensNot7', (s) => s[0] !== 7, asked);
      const units = counted('unitsBelow9', (s) => s[1] < 9, asked);
      const pending = grouped([small, even, units], [small, even]);
      const states: Pair[] = [[1, 0], [1, 1], [2, 0], [1, 2]];
      expect(states.map((s) => pending.allHold(s))).toEqual([true, true, true, true]);
      // tens 1 and 2 once each, by both of the part's invariants; `units` in all four states.
      expect(asked.filter((s) => s[1] === 0).length).toBe(2 * 2 + 2);
      expect(asked.filter((s) => s[0] === 1 && s[1] > 0)).toEqual([[1, 1], [1, 2]]);
      expect(pending.allHold([1, 9])).toBe(false);
    });

    it('finds the violation the invariants asked one by one find, and keeps the ids where the rest held', () => {
      const asked: Pair[] = [];
      const small = counted('tensBelow5', (s) => s[0] < 5, asked);
      const never3 = counted('tensNot3', (s) => s[0] !== 3, asked);
      const pending = grouped([small, never3], [small, never3]);
      const trace: Pair[] = [[1, 0], [3, 0], [3, 1], [6, 0], [1, 5]];
      const found = trace.map((s) => (pending.allHold(s) ? undefined : pending.violatedBy(s)));
      expect(found).toEqual([undefined, [1], undefined, [0], undefined]);
      // After both failed nothing is asked; tens 1 was marked held before, and stays so.
      asked.length = 0;
      expect(pending.allHold([1, 7])).toBe(true);
      expect(asked).toEqual([]);
    });
  });
});
