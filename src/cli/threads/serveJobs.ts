// Worker side of runJobsOnThreads: claims job numbers from the shared cursor until none is left, runs each and posts
// its result (or its error, after which this thread stops), then returns, so the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { jobError, type JobMessage, type JobThreadData } from './JobThreads.ts';

/** The data the main thread gave for this worker's jobs. */
export function jobData<D>(): D {
  return (workerData as JobThreadData).data as D;
}

export function serveJobs<R>(run: (index: number) => R): void {
  const { cursor, count } = workerData as JobThreadData;
  const next = new Int32Array(cursor);
  for (let index = Atomics.add(next, 0, 1); index < count; index = Atomics.add(next, 0, 1)) {
    let message: JobMessage<R>;
    try {
      message = { index, result: run(index) };
    } catch (error) {
      parentPort!.postMessage({ index, error: jobError(error) } satisfies JobMessage<R>);
      return;
    }
    parentPort!.postMessage(message);
  }
}
