// Starts a worker thread on a worker module named by its source URL, through the one boot file that loads it:
// from the CLI's bundle when this process runs from it (src/engine/importModule.ts), else through tsx.
import { Worker, type Transferable } from 'node:worker_threads';
import { runningBundle } from './importModule.ts';

/** Runs `entry` (a worker module's URL) in a new thread; it reads `data` as its `workerData` (plus `entry`), whose
 *  `transfer` objects (message ports) are moved to it. */
export function startWorker(entry: URL, data: object, transfer: readonly Transferable[] = []): Worker {
  const bundle = runningBundle();
  return new Worker(new URL('./workerBoot.mjs', import.meta.url), {
    workerData: { ...data, entry: entry.href, ...(bundle === undefined ? {} : { bundle }) },
    transferList: [...transfer],
  });
}
