// The large-search section of the bench report: each row's goals judged from its own figures.
import { describe, expect, it } from 'vitest';
import { renderLarge } from '../../bench/largeSearch.ts';
import type { FirstSearchSample } from '../../bench/firstSearchProcess.ts';

const sample = (states: number, millis: number, peakRssBytes: number): FirstSearchSample => ({
  model: 'TR world', states, transitions: 2 * states, millis, cpuMillis: millis, rssBeforeBytes: 100e6, peakRssBytes, structureBytes: 36 * states, verdicts: ['P: holds-exhaustively'],
});

describe('renderLarge', () => {
  it('marks the goals met or not from the figures of each row', () => {
    const met = renderLarge([{ injections: 4, threads: 2, sample: sample(1e7, 14_000, 100e6 + 39e7) }, { injections: 5, threads: 1, sample: sample(1e8, 110_000, 100e6 + 39e8) }], [], 'conditions.').join('\n');
    expect(met).toMatch(/\| 4 \| 2 \| 10,000,000 .*\| 39\.0 bytes \| 36\.0 bytes \| under 15 s: met \|/);
    expect(met).toMatch(/\| 5 \| 1 \| 100,000,000 .*under 2 min: met; <= 40 bytes of RSS a state: met \|/);
    const not = renderLarge([{ injections: 5, threads: 2, sample: sample(1e8, 387_000, 100e6 + 42e8) }], [], 'conditions.').join('\n');
    expect(not).toMatch(/under 2 min: \*\*not met\*\*; <= 40 bytes of RSS a state: \*\*not met\*\*/);
    expect(not).toMatch(/42\.0 bytes/);
  });

  it('says for the default whether it went on on two threads, and from which level', () => {
    const two = { ...sample(1e7, 12_000, 100e6 + 5e8), twoThreads: { fromLevel: 25, fromStates: 488_733, fromMillis: 1342 } };
    const rows = renderLarge([{ injections: 4, threads: 'auto', sample: two }, { injections: 3, threads: 'auto', sample: sample(1e6, 900, 100e6 + 1e8) }], [], 'conditions.').join('\n');
    expect(rows).toMatch(/\| 4 \| default: 2 from level 25 \(1\.3 s\) \| 10,000,000 /);
    expect(rows).toMatch(/\| 3 \| default: stayed on 1 \| 1,000,000 /);
  });

  it('judges two threads over one at the median of the rounds, for a search of more than 5 s on one thread, the default beside them', () => {
    const rows = [{ injections: 4, threads: 2 as const, sample: sample(1e7, 11_000, 100e6 + 5e8) }];
    const ratios = [
      { injections: 3, rounds: [{ one: 2_800, auto: 2_700, two: 2_500 }] },
      { injections: 4, rounds: [{ one: 18_000, auto: 12_000, two: 11_700 }, { one: 18_500, auto: 15_000, two: 11_000 }, { one: 19_000, auto: 12_500, two: 11_500 }] },
      { injections: 5, rounds: [{ one: 170_000, auto: 120_000, two: 110_000 }] },
    ];
    const text = renderLarge(rows, ratios, 'conditions.').join('\n');
    // Two over one 1.54, 1.68 and 1.65: the median meets 1.6, one round does not; the default over one 1.50, 1.23, 1.52.
    expect(text).toContain('| 4 | 3 | 18,000-19,000 ms | 12,000-15,000 ms | 11,000-11,700 ms | 1.50x (1.23-1.52) | 1.65x (1.54-1.68) | >= 1.6x: met at the median (2 of 3 rounds) |');
    expect(text).toContain('| 5 | 1 | 170,000 ms | 120,000 ms | 110,000 ms | 1.42x | 1.55x | >= 1.6x: **not met** at the median (0 of 1 rounds) |');
    // Under 5 s on one thread: no goal.
    expect(text).toContain('| 3 | 1 | 2,800 ms | 2,700 ms | 2,500 ms | 1.04x | 1.12x |  |');
  });
});
