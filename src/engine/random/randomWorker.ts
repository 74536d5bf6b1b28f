// Worker thread of the parallel random search: rebuilds the system from its registered name and
// configuration, then runs the chunks it is sent and posts each ChunkResult back.
import { parentPort, workerData } from 'node:worker_threads';
import { rebuildFromSource, type SystemSource } from '../SystemSource.ts';
import type { ResolvedRandomOptions } from './RandomOptions.ts';
import { runChunk } from './runChunk.ts';

export interface RandomWorkerData {
  readonly source: SystemSource;
  readonly properties: readonly string[];
  readonly options: ResolvedRandomOptions;
  readonly deadline: number | undefined;
}

/** Main thread -> worker: a chunk to run, or null to finish. */
export type RandomWorkerRequest = number | null;

const port = parentPort;
if (port !== null) {
  const data = workerData as RandomWorkerData;
  const { system, properties } = await rebuildFromSource(data.source, data.properties);
  port.on('message', (request: RandomWorkerRequest) => {
    if (request === null) {
      port.close();
      return;
    }
    port.postMessage(runChunk(system, properties, data.options, request, data.deadline));
  });
  port.postMessage('ready');
}
