// check's progress line: scenarios done of all, and the search under way on this thread with its states, depth and
// rate, fed by the search's own level hook; nothing off a terminal.
import { describe, expect, it } from 'vitest';
import { recordingContext } from './recordingContext.ts';
import { startCheckProgress } from '../../src/cli/check/checkProgress.ts';
import { planCheck } from '../../src/cli/check/planCheck.ts';
import { runCheckJob } from '../../src/cli/check/runCheckJob.ts';
import type { ExhaustiveProgress } from '../../src/engine/exhaustive/ExhaustiveOptions.ts';

describe('startCheckProgress', () => {
  it('shows the search under way with its rate, then only the scenarios once it has ended', () => {
    const ctx = recordingContext(true);
    let now = 0;
    const progress = startCheckProgress(ctx, 7, { now: () => now, rss: () => 300 * 2 ** 20 });
    now = 1000;
    const hook = progress.searching('t2-network');
    now = 3000;
    hook({ states: 1_000_000, transitions: 2_000_000, depth: 31 });
    progress.searched();
    now = 3500;
    progress.scenariosDone(1);
    progress.done();
    expect(ctx.written).toEqual([
      '\r\x1b[Kcheck: 0/7 scenarios  t2-network: states 1,000,000  depth 31  500,000 states/s  300 MiB',
      '\r\x1b[Kcheck: 1/7 scenarios  300 MiB',
      '\r\x1b[K',
    ]);
  });

  it('stays quiet off a terminal', () => {
    const ctx = recordingContext(false);
    let now = 0;
    const progress = startCheckProgress(ctx, 2, { now: () => now, rss: () => 0 });
    const hook = progress.searching('t6-firmware');
    now = 5000;
    hook({ states: 10, transitions: 10, depth: 1 });
    progress.done();
    expect(ctx.written).toEqual([]);
  });

  it('is fed by the scenario search: levels end with more states found each time, up to the search\'s count', () => {
    const plan = planCheck({ threat: ['t2'] });
    const job = plan.jobs.find((j) => j.config.name === 't2-dishonest-ro-redirect')!;
    const seen: ExhaustiveProgress[] = [];
    const check = runCheckJob(job, plan.search, { recheck: false, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((p, i) => i === 0 || p.states >= seen[i - 1]!.states)).toBe(true);
    expect(seen.at(-1)!.states).toBeLessThanOrEqual(check.search.states);
  });
});
