// A store of the search that reaches its ceiling (here a record pool lowered to a few hundred bytes, as a model's
// world records reach 2^31 bytes at scale) ends the search inconclusive, limit 'memory', with what was explored:
// never a thrown error, never `holds`; and a violation found before the ceiling keeps its trace.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import { internedGrid } from '../internedGrid.ts';

const neverCorner: Invariant<number> = { kind: 'invariant', id: propertyId('toy.neverPastTwoTwo'), description: 'x + y < 4', holds: () => true };

describe('a store at its ceiling', () => {
  it.each([true, false])('ends the search inconclusive with limit memory and what was explored (compact keys: %s)', (compactKeys) => {
    // 21 x 21 states need 1 + 441 * 3 bytes of pool; 301 bytes hold 100 of them.
    const outcome = searchExhaustive(internedGrid(20, 301, compactKeys), [neverCorner]);
    expect(outcome.verdicts[0]!.verdict).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    expect(outcome.stats.states).toBeGreaterThan(50);
    expect(outcome.stats.states).toBeLessThanOrEqual(100);
    expect(outcome.memory.storeLimit).toMatch(/RecordTable: the record pool would pass its ceiling of 301 bytes/);
  });

  it('with room to spare, the same search completes', () => {
    const outcome = searchExhaustive(internedGrid(20, 1 + 441 * 3, true), [neverCorner]);
    expect(outcome.verdicts[0]!.verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(outcome.stats.states).toBe(441);
    expect(outcome.memory.storeLimit).toBeUndefined();
  });
});
