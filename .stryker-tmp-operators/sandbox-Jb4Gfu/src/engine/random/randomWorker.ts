// Worker thread of the parallel random search: rebuilds the system from its registered name and
// configuration, says it is ready (with when each part of its start-up ended), then runs the chunks
// it is sent and posts each ChunkResult back.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { importModule } from '../importModule.ts';
import { rebuildFromSource, type SystemSource } from '../SystemSource.ts';
import type { ResolvedRandomOptions } from './RandomOptions.ts';
import { runChunk, type ChunkResult } from './runChunk.ts';

export interface RandomWorkerData {
  readonly source: SystemSource;
  readonly properties: readonly string[];
  readonly options: ResolvedRandomOptions;
  readonly deadline: number | undefined;
  /** Nice value the helper loads at (workerBoot.mjs), so its loading slows the search under way less. */
  readonly bootNice?: number;
}

/** Main thread -> worker: a chunk to run, or null to finish. */
export type RandomWorkerRequest = number | null;

/** When each part of a helper's start-up ended, as epoch milliseconds (performance.timeOrigin + now()). */
export interface HelperPhases {
  /** The thread's Node bootstrap completed. */
  readonly threadBooted: number;
  /** The TypeScript loader was registered and the engine's modules were loaded. */
  readonly engineLoaded: number;
  /** The system's modules were loaded. */
  readonly systemLoaded: number;
  /** The system and its properties were built. */
  readonly systemBuilt: number;
}

/** Worker -> main thread: ready, or the result of a chunk. */
export type RandomWorkerMessage = { readonly ready: HelperPhases } | ChunkResult;

const epochNow = (): number => performance.timeOrigin + performance.now();

const port = parentPort;
if (port !== null) {
  const engineLoaded = epochNow();
  const data = workerData as RandomWorkerData;
  await importModule(data.source.module);
  const systemLoaded = epochNow();
  const { system, properties } = await rebuildFromSource(data.source, data.properties);
  const systemBuilt = epochNow();
  // Loaded at a lower priority, searches at the normal one where that is permitted.
  try {
    if (data.bootNice !== undefined) setPriority(0);
  } catch {
    // Raising a priority needs privileges: the helper then works at the lower one.
  }
  port.on('message', (request: RandomWorkerRequest) => {
    if (request === null) {
      port.close();
      return;
    }
    port.postMessage(runChunk(system, properties, data.options, request, data.deadline) satisfies RandomWorkerMessage);
  });
  // A worker's nodeTiming is its own thread's, on the process's time origin, which a worker shares.
  const threadBooted = performance.timeOrigin + performance.nodeTiming.bootstrapComplete;
  const ready: HelperPhases = { threadBooted, engineLoaded, systemLoaded, systemBuilt };
  port.postMessage({ ready } satisfies RandomWorkerMessage);
}
