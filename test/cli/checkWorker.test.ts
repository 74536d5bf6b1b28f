// The worker thread of `trecheck check` gives, for every scenario, exactly what this thread's runCheckJob gives
// (times aside): the plan rebuilt from the same flags, and the result surviving the message to this thread.
import { describe, expect, it } from 'vitest';
import { planCheck, type CheckFlags } from '../../src/cli/check/planCheck.ts';
import { runCheckJob } from '../../src/cli/check/runCheckJob.ts';
import { runJobsOnThreads } from '../../src/cli/threads/runJobsOnThreads.ts';

/** A value with every `millis` (a timing) set to 0. */
function timeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(timeless);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'millis' ? 0 : timeless(v)]));
}

describe('checkWorker', () => {
  it('runs the scenarios of the plan the flags give, as this thread does', async () => {
    // t11's scenarios have attacks: traces, re-checks and derivations cross the thread boundary too.
    const flags: CheckFlags = { threat: ['t11', 't4'], off: ['t4.cm3'] };
    const plan = planCheck(flags);
    const here = plan.jobs.map((job) => runCheckJob(job, plan.search));

    const there = await runJobsOnThreads({
      count: plan.jobs.length,
      threads: 1,
      here: false,
      worker: new URL('../../src/cli/check/checkWorker.ts', import.meta.url),
      data: { flags, recheck: true },
      run: () => {
        throw new Error('every job runs on the worker');
      },
    });

    expect(here.some((c) => c.properties.some((p) => p.verdict.kind === 'violated' && p.recheck !== undefined))).toBe(true);
    expect(timeless(there)).toStrictEqual(timeless(here));
  });
});
