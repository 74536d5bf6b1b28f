// Worker thread entry of every parallel search: registers the TypeScript loader (tsx), so workers run
// the same .ts sources under tsx, vitest or plain node, then starts the worker module named by startWorker.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// A helper that joins a search under way loads its sources at a lower priority (on Linux the nice
// value is per thread, and the loader thread tsx starts inherits it), so it does not slow the search.
if (typeof workerData.bootNice === 'number') {
  try {
    setPriority(workerData.bootNice);
  } catch {
    // Not permitted here: load at the normal priority.
  }
}
register();
await import(workerData.entry);
