// Tests of PendingInvariants: each invariant is reported once, at its first violation, also when two fail in one state.
import { describe, expect, it } from 'vitest';
import { PendingInvariants } from '../../../src/engine/exhaustive/PendingInvariants.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';

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
});
