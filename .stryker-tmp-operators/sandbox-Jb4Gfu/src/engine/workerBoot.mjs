// Worker thread entry of every parallel search: starts the worker module named by startWorker, from the CLI's
// bundle when the main thread runs from it and the bundle has that module (src/engine/importModule.ts), else from
// its TypeScript source through tsx's loader, so workers run the same sources under tsx, vitest or plain node.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';

// A helper that joins a search under way loads its sources at a lower priority (on Linux the nice
// value is per thread, and the loader thread tsx starts inherits it), so it does not slow the search.
if (typeof workerData.bootNice === 'number') {
  try {
    setPriority(workerData.bootNice);
  } catch {
    // Not permitted here: load at the normal priority.
  }
}
const bundle = workerData.bundle;
const bundled = bundle !== undefined && workerData.entry.startsWith(bundle.root) ? bundle.entries[decodeURI(workerData.entry.slice(bundle.root.length))] : undefined;
if (bundled !== undefined) {
  // The modules this worker names by source URL (a system's) come from the bundle too.
  globalThis[Symbol.for('trecheck.bundle')] = bundle;
  await import(new URL(`dist/bundle/${bundled}`, bundle.root).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData.entry);
}
