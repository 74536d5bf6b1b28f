// Runs numbered jobs side by side on worker threads (and on this thread too, when `here`), each job whole on one
// thread, so a result never depends on scheduling; results come back in job order. Every thread claims the next
// job number from one shared cursor (no thread waits for a message to get work); a worker posts each result as a
// message, which this thread takes between its own jobs. Used by `ablate` (cells) and `check` (scenarios).
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../engine/startWorker.ts';
import { errorOf, type JobMessage, type JobThreadData } from './JobThreads.ts';

export interface ThreadedJobs<R> {
  /** Jobs 0 to count - 1. */
  readonly count: number;
  /** Threads running jobs, this one included when `here` (then 1: every job here, in order, no worker). */
  readonly threads: number;
  /** This thread runs jobs too (the modules it has loaded start at once); false: only worker threads do. */
  readonly here: boolean;
  /** The worker module (its source URL): it calls serveJobs with the same jobs as `run`. */
  readonly worker: URL;
  /** The worker's data for its jobs (serveJobs.ts, jobData): plain data, structured-cloned. */
  readonly data: unknown;
  /** Runs job `index` on this thread. */
  run(index: number): R;
  /** Each result as it comes, in any order; `done` counts the results so far. */
  onResult?(index: number, result: R, done: number): void;
  /** Called in job order: true when no later job's result is wanted (later results are dropped, workers stopped). */
  stopAfter?(index: number, result: R): boolean;
}

/** The results in job order: all of them, or up to and including the one `stopAfter` stopped at. A job's error is
 *  thrown here (with its name and the worker's stack) after every worker is stopped. */
export async function runJobsOnThreads<R>(jobs: ThreadedJobs<R>): Promise<R[]> {
  const { count } = jobs;
  const helpers = Math.min(jobs.here ? jobs.threads - 1 : jobs.threads, count);
  if (helpers < 1 || (jobs.here && count <= 1)) return runHere(jobs);
  const cursor = new SharedArrayBuffer(4);
  const next = new Int32Array(cursor);
  const results: R[] = new Array<R>(count);
  const have = new Uint8Array(count);
  let done = 0;
  let ordered = 0;
  let stoppedAt: number | undefined;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const finished = (): boolean => failure !== undefined || stoppedAt !== undefined || done === count;
  const settle = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const take = (index: number, result: R): void => {
    if (finished()) return;
    results[index] = result;
    have[index] = 1;
    done++;
    jobs.onResult?.(index, result, done);
    for (; stoppedAt === undefined && ordered < count && have[ordered] === 1; ordered++) {
      if (jobs.stopAfter?.(ordered, results[ordered]!) === true) {
        stoppedAt = ordered;
        Atomics.store(next, 0, count);
      }
    }
    settle();
  };
  const fail = (error: unknown): void => {
    if (finished()) return;
    failure = { error };
    Atomics.store(next, 0, count);
    settle();
  };
  const data: JobThreadData = { cursor, count, data: jobs.data };
  const pool: Worker[] = [];
  let live = helpers;
  for (let w = 0; w < helpers; w++) {
    const worker = startWorker(jobs.worker, data);
    worker.on('message', (m: JobMessage<R>) => ('error' in m ? fail(errorOf(m.error)) : take(m.index, m.result)));
    worker.on('error', fail);
    worker.on('exit', (code) => {
      live--;
      // A worker posts every result before it ends (Node delivers its messages before 'exit'); one that ended
      // otherwise, or the last one ending with every job claimed and one without a result, would leave a hole
      // (this thread takes its own jobs' results before it awaits, so a hole is a worker's).
      if (code !== 0) fail(new Error(`job thread exited with code ${code}`));
      else if (live === 0 && Atomics.load(next, 0) >= count) fail(new Error('job threads ended with jobs unfinished'));
    });
    pool.push(worker);
  }
  try {
    if (jobs.here) {
      for (let index = Atomics.add(next, 0, 1); index < count; index = Atomics.add(next, 0, 1)) {
        take(index, jobs.run(index));
        if (finished()) break;
        // Between jobs: the workers' results and errors come in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    while (!finished()) await new Promise<void>((resolve) => (wake = resolve));
    if (failure !== undefined) throw failure.error;
    return stoppedAt === undefined ? results : results.slice(0, stoppedAt + 1);
  } finally {
    // Workers still loading (this thread took every job) or running past a stop: not needed.
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function runHere<R>(jobs: ThreadedJobs<R>): R[] {
  const out: R[] = [];
  for (let index = 0; index < jobs.count; index++) {
    const result = jobs.run(index);
    out.push(result);
    jobs.onResult?.(index, result, out.length);
    if (jobs.stopAfter?.(index, result) === true) break;
  }
  return out;
}
