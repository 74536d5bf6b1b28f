// The decision to start helper threads, as a pure function of measured costs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideHelpers, startupsOfWork, type HelperCosts } from '../../../src/engine/random/decideHelpers.ts';

const costs = (overrides: Partial<HelperCosts>): HelperCosts => ({ chunkMillis: 10, chunksLeft: 100, helperStartMillis: 1000, helpers: 1, ...overrides });

describe('decideHelpers', () => {
  it('starts a helper when the chunks left take well over twice its start-up', () => {
    // 1,000 warm chunks of 10 ms: 10 s of work against a 1 s start-up.
    expect(decideHelpers(costs({ chunksLeft: 1000 }))).toEqual({ start: true, helpers: 1, remainingMillis: 10_000 });
  });

  it('starts none when the work left is less than twice the start-up (the TR world at 3,000 runs)', () => {
    // 28 chunks of 12 ms left after the head, against a helper that delivers after about a second.
    expect(decideHelpers(costs({ chunkMillis: 12, chunksLeft: 28, helperStartMillis: 1000 }))).toEqual({
      start: false,
      reason: 'too-little-work',
      remainingMillis: 336,
    });
  });

  it('draws the line at the work of two start-ups', () => {
    expect(startupsOfWork).toBe(2);
    expect(decideHelpers(costs({ chunkMillis: 10, chunksLeft: 200, helperStartMillis: 1000 })).start).toBe(true);
    expect(decideHelpers(costs({ chunkMillis: 9.99, chunksLeft: 200, helperStartMillis: 1000 })).start).toBe(false);
  });

  it('follows the measured costs: a model that steps ten times faster no longer pays for the same helper', () => {
    const today = costs({ chunkMillis: 12, chunksLeft: 300, helperStartMillis: 1000 });
    expect(decideHelpers(today).start).toBe(true);
    expect(decideHelpers({ ...today, chunkMillis: 1.2 }).start).toBe(false);
    // ... unless its helpers start faster too.
    expect(decideHelpers({ ...today, chunkMillis: 1.2, helperStartMillis: 100 }).start).toBe(true);
  });

  it('starts no more helpers than there are chunks left', () => {
    expect(decideHelpers(costs({ chunkMillis: 1000, chunksLeft: 3, helpers: 7, helperStartMillis: 100 }))).toMatchObject({ start: true, helpers: 3 });
  });

  it('starts none without helper threads to start, or with nothing left to run', () => {
    expect(decideHelpers(costs({ helpers: 0, chunksLeft: 1e6 }))).toMatchObject({ start: false, reason: 'no-helpers' });
    expect(decideHelpers(costs({ chunksLeft: 0, helperStartMillis: 0 }))).toMatchObject({ start: false, reason: 'no-work-left' });
  });

  it('counts only the work the time limit leaves', () => {
    // 10 s of chunks, but the limit ends the search in 1.5 s: less than two start-ups of 1 s.
    expect(decideHelpers(costs({ chunksLeft: 1000, millisLeft: 1500 }))).toEqual({ start: false, reason: 'too-little-work', remainingMillis: 1500 });
    expect(decideHelpers(costs({ chunksLeft: 1000, millisLeft: 0, helperStartMillis: 0 }))).toMatchObject({ start: false, reason: 'no-work-left' });
  });

  it('with a start-up of zero (helpers already loaded), starts whenever work is left', () => {
    expect(decideHelpers(costs({ chunkMillis: 0.5, chunksLeft: 1, helperStartMillis: 0 }))).toMatchObject({ start: true, helpers: 1 });
  });

  it('is monotone: more or costlier chunks never stop a start, a costlier start-up never causes one', () => {
    const ms = fc.double({ min: 0, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(ms, fc.nat(5000), ms, fc.nat(4), ms, fc.nat(5000), ms, (chunk, left, startup, helpers, moreMs, moreChunks, moreStartup) => {
        const base = decideHelpers({ chunkMillis: chunk, chunksLeft: left, helperStartMillis: startup, helpers });
        const moreWork = decideHelpers({ chunkMillis: chunk + moreMs, chunksLeft: left + moreChunks, helperStartMillis: startup, helpers });
        const slowerStart = decideHelpers({ chunkMillis: chunk, chunksLeft: left, helperStartMillis: startup + moreStartup, helpers });
        if (base.start) expect(moreWork.start).toBe(true);
        if (!base.start) expect(slowerStart.start).toBe(false);
      }),
      { seed: 7 },
    );
  });
});
