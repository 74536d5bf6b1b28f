// A random search whose system reaches a store's ceiling ends inconclusive (limit 'memory') with the runs made
// before it: never a thrown error, never "no violation found", and fast-check never takes the error for a
// violation.
import { describe, expect, it } from 'vitest';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import { searchRandom } from '../../../src/engine/random/searchRandom.ts';
import { internedGrid } from '../internedGrid.ts';

const holds: Invariant<number> = { kind: 'invariant', id: propertyId('toy.holds'), description: 'always true', holds: () => true };

describe('random search at a store ceiling', () => {
  it('ends inconclusive with limit memory and the runs made before it', () => {
    // 41 x 41 states; a pool of 301 bytes holds 100 of them, which 400 random walks of 40 steps pass.
    const outcome = searchRandom(internedGrid(40, 301, false), [holds], { runs: 400, maxSteps: 40, seed: 5 });
    expect(outcome.verdicts[0]!.verdict).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
  });

  it('with room to spare the same search finds nothing and says so', () => {
    const outcome = searchRandom(internedGrid(40, 1 + 41 * 41 * 3, false), [holds], { runs: 400, maxSteps: 40, seed: 5 });
    expect(outcome.verdicts[0]!.verdict).toMatchObject({ kind: 'no-violation-found', runs: 400 });
  });
});
