// Starts a worker thread on a TypeScript worker module, through the one boot file that loads TypeScript.
import { Worker } from 'node:worker_threads';

/** Runs `entry` (a worker module's URL) in a new thread; it reads `data` as its `workerData` (plus `entry`). */
export function startWorker(entry: URL, data: object): Worker {
  return new Worker(new URL('./workerBoot.mjs', import.meta.url), { workerData: { ...data, entry: entry.href } });
}
