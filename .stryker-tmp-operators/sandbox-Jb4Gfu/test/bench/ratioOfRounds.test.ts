// The ratio figure pairs each round's two searches: a fast round of one model never meets a slow round of the other.
import { describe, expect, it } from 'vitest';
import { ratioOfRounds } from '../../bench/measureRatio.ts';

describe('ratioOfRounds', () => {
  it('is the median of the rounds ratios, not the ratio of the medians', () => {
    // Round rates: TR 1000, 500, 500 and benchmark 4000, 1000, 4000 (states per ms): ratios 0.25, 0.5, 0.125.
    const ratio = ratioOfRounds(1000, [1, 2, 2], 4000, [1, 4, 1]);
    expect(ratio).toBe(0.25);
    // The ratio of the medians would pair TR's 500 with the benchmark's 4000.
    expect(ratio).not.toBe(500 / 4000);
  });
});
