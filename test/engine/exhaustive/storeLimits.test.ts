// A store of the search that reaches its ceiling (here a record pool lowered to a few hundred bytes, as a model's
// world records reach 2^31 bytes at scale) ends the search inconclusive, limit 'memory', with what was explored:
// never a thrown error, never `holds`; and a violation found before the ceiling keeps its trace.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';
import { RecordTable } from '../../../src/packing/RecordTable.ts';

/** Pairs (x, y) in [0, n]^2, stepped by +1 on either; every state interned as a record of two bytes, its key the
 *  record's offset (compact keys, as the TR world's), so each new state grows the pool by three bytes. */
function internedGrid(n: number, maxPoolBytes: number, compactKeys: boolean): System<number, 'x' | 'y'> {
  const table = new RecordTable({ maxPoolBytes });
  const scratch = new Uint8Array(2);
  const intern = (x: number, y: number): number => {
    scratch[0] = x;
    scratch[1] = y;
    return table.intern(scratch, 2);
  };
  const coordinates = (at: number): [number, number] => [table.pool[at + 1]!, table.pool[at + 2]!];
  const step = (at: number, action: 'x' | 'y'): number => {
    const [x, y] = coordinates(at);
    return action === 'x' ? intern(x + 1, y) : intern(x, y + 1);
  };
  const enabled = (at: number): ('x' | 'y')[] => {
    const [x, y] = coordinates(at);
    return [...(x < n ? ['x' as const] : []), ...(y < n ? ['y' as const] : [])];
  };
  return {
    name: 'interned-grid',
    config: { n, maxPoolBytes },
    initialStates: () => [intern(0, 0)],
    enabled,
    step,
    key: (at) => at,
    ...(compactKeys
      ? {
          compactKeys: true,
          stateOfKey: (key: number) => key,
          forEachSuccessorKey: (at: number, visit: (action: 'x' | 'y', key: number) => void) => {
            for (const action of enabled(at)) visit(action, step(at, action));
          },
        }
      : {}),
    actionLabel: (action) => action,
    describeState: (at) => coordinates(at),
  };
}

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
