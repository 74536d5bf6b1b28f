// Worker module of runJobsOnThreads.test.ts: squares job numbers, says which thread ran each, counts the jobs it ran
// in shared memory, and fails the job `failAt` with a named error.
import { threadId } from 'node:worker_threads';
import { jobData, serveJobs } from '../../src/cli/threads/serveJobs.ts';

const { ran, failAt } = jobData<{ ran: SharedArrayBuffer; failAt?: number }>();
const counter = new Int32Array(ran);
serveJobs((index) => {
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
  if (index === failAt) {
    const error = new RangeError(`job ${index}: pool full`);
    error.name = 'StoreLimitError';
    throw error;
  }
  return { square: index * index, thread: threadId };
});
