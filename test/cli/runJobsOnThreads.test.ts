// The pool of job threads: results in job order whichever thread ran them, this thread and a worker sharing the jobs,
// a stop in job order, and a worker's error thrown here with its name.
import { describe, expect, it } from 'vitest';
import { runJobsOnThreads, type ThreadedJobs } from '../../src/cli/threads/runJobsOnThreads.ts';

const worker = new URL('./jobThreadsToyWorker.ts', import.meta.url);
type Square = { square: number; thread: number };

function toyJobs(count: number, extra: Partial<ThreadedJobs<Square>> & { failAt?: number } = {}): { jobs: ThreadedJobs<Square>; ran: Int32Array } {
  const ran = new SharedArrayBuffer(4);
  const jobs: ThreadedJobs<Square> = {
    count,
    threads: 2,
    here: false,
    worker,
    data: { ran, ...(extra.failAt === undefined ? {} : { failAt: extra.failAt }) },
    run: (index) => ({ square: index * index, thread: 0 }),
    ...extra,
  };
  return { jobs, ran: new Int32Array(ran) };
}

describe('runJobsOnThreads', () => {
  it('runs every job on worker threads and gives the results in job order', async () => {
    const seen: number[] = [];
    const { jobs } = toyJobs(40, { onResult: (index, _, done) => void seen.push(index, done) });

    const results = await runJobsOnThreads(jobs);

    expect(results.map((r) => r.square)).toEqual(Array.from({ length: 40 }, (_, i) => i * i));
    expect(results.every((r) => r.thread !== 0)).toBe(true);
    expect(seen.filter((_, i) => i % 2 === 1)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(seen.filter((_, i) => i % 2 === 0).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('shares the jobs between this thread and a worker when `here`', async () => {
    const toy = toyJobs(30, { here: true });
    // This thread holds its first job until the worker has run one, so both threads run jobs whatever the load.
    const run = (index: number): Square => {
      if (index === 0) Atomics.wait(toy.ran, 0, 0, 60_000);
      return { square: index * index, thread: 0 };
    };

    const results = await runJobsOnThreads({ ...toy.jobs, run });

    expect(results.map((r) => r.square)).toEqual(Array.from({ length: 30 }, (_, i) => i * i));
    expect(results[0]!.thread).toBe(0);
    expect(results.some((r) => r.thread !== 0)).toBe(true);
  });

  it('stops after the first result, in job order, that stopAfter picks', async () => {
    const { jobs } = toyJobs(50, { stopAfter: (index) => index === 7 });

    const results = await runJobsOnThreads(jobs);

    expect(results.map((r) => r.square)).toEqual(Array.from({ length: 8 }, (_, i) => i * i));
  });

  it('runs everything here, in order, with one thread', async () => {
    const order: number[] = [];
    const { jobs } = toyJobs(5, { threads: 1, here: true, onResult: (index) => void order.push(index), stopAfter: (index) => index === 3 });

    const results = await runJobsOnThreads(jobs);

    expect(order).toEqual([0, 1, 2, 3]);
    expect(results.every((r) => r.thread === 0)).toBe(true);
  });

  it("throws a worker's error here, with its name and message", async () => {
    const { jobs } = toyJobs(20, { failAt: 3 });

    await expect(runJobsOnThreads(jobs)).rejects.toMatchObject({ name: 'StoreLimitError', message: 'job 3: pool full' });
  });
});
