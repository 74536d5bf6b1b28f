// Worker thread of the parallel exhaustive search: rebuilds the system from its SystemSource and
// runs one LevelExplorer over the states whose fingerprint hashes to this worker.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { explorerOrder } from '../exhaustive/assembleVerdicts.ts';
import { LevelExplorer } from '../exhaustive/LevelExplorer.ts';
import { batchTransferables } from '../exhaustive/Outbox.ts';
import { rebuildFromSource } from '../SystemSource.ts';
import type { ExhaustiveWorkerData, FromWorker, ToWorker, WorkerStatus } from './ExhaustiveWorkerProtocol.ts';

const port = parentPort;
if (port !== null) {
  const data = workerData as ExhaustiveWorkerData;
  const { system, properties } = await rebuildFromSource(data.source, data.properties);
  const { invariants, traceProperties } = explorerOrder(properties);
  const explorer = new LevelExplorer({
    system,
    invariants,
    traceProperties,
    owner: data.owner,
    owners: data.owners,
    initialCapacity: data.initialCapacity,
    maxStates: data.maxStates,
    deadline: data.deadlineEpoch - performance.timeOrigin,
    stopAtFirst: data.stopAtFirst,
    memoryBudget: data.memoryBudgetBytes,
    heapBudget: Math.floor(0.85 * getHeapStatistics().heap_size_limit),
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
        send({ kind: 'expanded', status: status(), batches }, batches.flatMap(batchTransferables));
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

function unreachable(message: never): never {
  throw new Error(`exhaustive worker: unknown message ${JSON.stringify(message)}`);
}
