// Worker thread of the parallel random search: rebuilds the system from its registered name and
// configuration, then runs the chunks it is sent and posts each ChunkResult back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { ResolvedRandomOptions, SystemSource } from './RandomOptions.ts';
import { runChunk } from './runChunk.ts';

/** What the module named in a SystemSource exports. */
export interface SystemModule {
  buildSystem(name: string, config: unknown): { system: System<any, any>; properties: readonly Property<any, any>[] };
}

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
  const module = (await import(data.source.module)) as SystemModule;
  const built = module.buildSystem(data.source.name, data.source.config);
  const properties = data.properties.map((id) => {
    const property = built.properties.find((p) => p.id === id);
    // The main thread built the same system from the same source, so the ids exist.
    if (property === undefined) throw new Error(`random worker: system ${data.source.name} has no property ${id}`);
    return property;
  });
  port.on('message', (request: RandomWorkerRequest) => {
    if (request === null) {
      port.close();
      return;
    }
    port.postMessage(runChunk(built.system, properties, data.options, request, data.deadline));
  });
  port.postMessage('ready');
}
