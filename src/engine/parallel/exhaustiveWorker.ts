// Worker thread of the parallel exhaustive search: rebuilds the system from its SystemSource and
// runs one LevelExplorer over the states whose fingerprint hashes to this worker.
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { explorerOrder } from '../exhaustive/assembleVerdicts.ts';
import { LevelExplorer, type Batch } from '../exhaustive/LevelExplorer.ts';
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { ExhaustiveWorkerData, FromWorker, ToWorker, WorkerStatus } from './ExhaustiveWorkerProtocol.ts';

interface SystemModule {
  buildSystem(name: string, config: unknown): { system: System<unknown, unknown>; properties: readonly Property<unknown, unknown>[] };
}

const port = parentPort;
if (port !== null) {
  const data = workerData as ExhaustiveWorkerData;
  const module = (await import(data.source.module)) as SystemModule;
  const built = module.buildSystem(data.source.name, data.source.config);
  const properties = data.properties.map((id) => {
    const property = built.properties.find((p) => p.id === id);
    // The main thread built the same system from the same source, so the ids exist.
    if (property === undefined) throw new Error(`exhaustive worker: system ${data.source.name} has no property ${id}`);
    return property;
  });
  const { invariants, traceProperties } = explorerOrder(properties);
  const explorer = new LevelExplorer({
    system: built.system,
    invariants,
    traceProperties,
    owner: data.owner,
    owners: data.owners,
    initialCapacity: data.initialCapacity,
    maxStates: data.maxStates,
    deadline: performance.now() + data.timeLeftMs,
    stopAtFirst: data.stopAtFirst,
  });
  const status = (): WorkerStatus => ({
    states: explorer.states,
    transitions: explorer.transitions,
    frontier: explorer.frontierSize,
    hashed: explorer.hashedStates,
    peakFrontier: explorer.peakFrontier,
    visitedBytes: explorer.bytes.visited,
    parentBytes: explorer.bytes.parents,
    cut: explorer.cut,
    found: explorer.found,
    busyMillis,
  });
  let busyMillis = 0;
  const send = (message: FromWorker, transfer: TransferListItem[] = []): void => port.postMessage(message, transfer);
  explorer.seed();
  send({ kind: 'ready', status: status() });
  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'expand': {
        const began = performance.now();
        explorer.expand();
        busyMillis += performance.now() - began;
        const batches = explorer.takeOutboxes();
        send({ kind: 'expanded', status: status(), batches }, batches.flatMap(transferables));
        return;
      }
      case 'absorb': {
        const began = performance.now();
        for (const batch of message.batches) explorer.absorb(batch);
        if (explorer.cut === undefined) explorer.endLevel();
        busyMillis += performance.now() - began;
        send({ kind: 'absorbed', status: status() });
        return;
      }
      case 'parents': {
        const { parents, actions } = explorer.parents.export();
        send({ kind: 'parents', parents, actions }, [parents.buffer as ArrayBuffer, actions.buffer as ArrayBuffer]);
        port.close();
        return;
      }
      default:
        return unreachable(message);
    }
  });
}

function transferables(batch: Batch<unknown>): TransferListItem[] {
  const list = [batch.hi.buffer, batch.lo.buffer, batch.parent.buffer, batch.action.buffer] as ArrayBuffer[];
  if (batch.states instanceof Float64Array) list.push(batch.states.buffer as ArrayBuffer);
  return list;
}

function unreachable(message: never): never {
  throw new Error(`exhaustive worker: unknown message ${JSON.stringify(message)}`);
}
