// Progress counters: only on a terminal, only after a second, throttled, cleared at the end.
import { describe, expect, it } from 'vitest';
import { recordingContext } from './recordingContext.ts';
import { startProgress } from '../../src/cli/progress.ts';

describe('startProgress', () => {
  it('shows counters, a rate and the resident memory once the search has run a second, at most ten times a second', () => {
    const ctx = recordingContext(true);
    let now = 0;
    const progress = startProgress(ctx, 'exhaustive', 'states', { now: () => now, rss: () => 1536 * 2 ** 20 });
    now = 500;
    progress.update({ states: 1000, depth: 3 });
    expect(ctx.written).toEqual([]);
    now = 2000;
    progress.update({ states: 4_000_000, depth: 9 });
    now = 2050;
    progress.update({ states: 4_100_000, depth: 9 });
    expect(ctx.written).toEqual(['\r\x1b[Kexhaustive: states 4,000,000  depth 9  2,000,000 states/s  1,536 MiB']);
    progress.done();
    expect(ctx.written.at(-1)).toBe('\r\x1b[K');
  });

  it('stays quiet when standard error is not a terminal', () => {
    const ctx = recordingContext(false);
    let now = 0;
    const progress = startProgress(ctx, 'random', 'steps', { now: () => now, rss: () => 0 });
    now = 5000;
    progress.update({ steps: 10 });
    progress.done();
    expect(ctx.written).toEqual([]);
  });

  it('a search shorter than a second leaves nothing behind', () => {
    const ctx = recordingContext(true);
    const progress = startProgress(ctx, 'random', 'steps', { now: () => 10, rss: () => 0 });
    progress.update({ steps: 10 });
    progress.done();
    expect(ctx.written).toEqual([]);
  });
});
