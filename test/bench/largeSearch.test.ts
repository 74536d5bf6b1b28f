// The large-search section of the bench report: each row's goals judged from its own figures.
import { describe, expect, it } from 'vitest';
import { renderLarge } from '../../bench/largeSearch.ts';
import type { FirstSearchSample } from '../../bench/firstSearchProcess.ts';

const sample = (states: number, millis: number, peakRssBytes: number): FirstSearchSample => ({
  model: 'TR world', states, transitions: 2 * states, millis, cpuMillis: millis, rssBeforeBytes: 100e6, peakRssBytes, structureBytes: 36 * states, verdicts: ['P: holds-exhaustively'],
});

describe('renderLarge', () => {
  it('marks the goals met or not from the figures of each row', () => {
    const met = renderLarge([{ injections: 4, threads: 2, sample: sample(1e7, 14_000, 100e6 + 39e7) }, { injections: 5, threads: 1, sample: sample(1e8, 110_000, 100e6 + 39e8) }], 'conditions.').join('\n');
    expect(met).toMatch(/\| 4 \| 2 \| 10,000,000 .*\| 39\.0 bytes \| 36\.0 bytes \| under 15 s: met \|/);
    expect(met).toMatch(/\| 5 \| 1 \| 100,000,000 .*under 2 min: met; <= 40 bytes of RSS a state: met \|/);
    const not = renderLarge([{ injections: 5, threads: 2, sample: sample(1e8, 387_000, 100e6 + 42e8) }], 'conditions.').join('\n');
    expect(not).toMatch(/under 2 min: \*\*not met\*\*; <= 40 bytes of RSS a state: \*\*not met\*\*/);
    expect(not).toMatch(/42\.0 bytes/);
  });
});
