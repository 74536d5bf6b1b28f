// Exhaustive search on worker threads by hash partitioning (for systems the shared-memory search
// cannot hold: object states, string keys, trace properties): a level-synchronous breadth-first
// search where every state has one owner worker, chosen by its fingerprint; states found for
// another owner are sent to it at the end of each level. The states, transitions, depth and verdicts
// are those of searchExhaustive (trace lengths too; among equally short traces another may be
// chosen). Under a states or time limit both say inconclusive, but the counts may differ.
import type { Worker } from 'node:worker_threads';
import { assembleVerdicts, explorerOrder, type SearchEnding } from '../exhaustive/assembleVerdicts.ts';
import type { ExhaustiveConfig } from '../exhaustive/ExhaustiveOptions.ts';
import { omissionBound, type ExhaustiveOutcome } from '../exhaustive/ExhaustiveOutcome.ts';
import { batchTransferables } from '../exhaustive/Outbox.ts';
import { exploredDepth, levelEnding } from '../exhaustive/levelEnding.ts';
import { traceOfViolation } from '../exhaustive/traceOfViolation.ts';
import type { Property } from '../Property.ts';
import { startWorker } from '../startWorker.ts';
import type { System } from '../System.ts';
import type { SystemSource } from '../SystemSource.ts';
import type { ExhaustiveWorkerData, FromWorker, ToWorker, WorkerStatus } from './ExhaustiveWorkerProtocol.ts';

export async function searchExhaustivePartitioned<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  config: ExhaustiveConfig,
  owners: number,
  source: SystemSource,
): Promise<ExhaustiveOutcome> {
  const started = performance.now();
  const { ordered } = explorerOrder(properties);
  const workers: ThreadHandle[] = [];
  try {
    // Started inside the try, so that a worker that fails to start does not leave the others running.
    for (let owner = 0; owner < owners; owner++) {
      const workerData: ExhaustiveWorkerData = {
        source,
        properties: properties.map((p) => p.id),
        owner,
        owners,
        maxStates: config.maxStates,
        deadlineEpoch: performance.timeOrigin + started + config.timeLimitMs,
        stopAtFirst: config.stopAtFirst,
        initialCapacity: Math.max(16, Math.ceil(config.initialCapacity / owners)),
        // Each worker watches its own heap and what it holds outside it: its share of the whole budget.
        memoryBudgetBytes: Math.floor(config.memoryBudgetBytes / owners),
      };
      workers.push(new ThreadHandle(startWorker(new URL('./exhaustiveWorker.ts', import.meta.url), workerData)));
    }
    let statuses = (await Promise.all(workers.map((w) => w.reply()))).map((m) => statusOf(m));
    const startupMillis = performance.now() - started;
    let depth = 0;
    let ending: SearchEnding | undefined;
    while ((ending = levelEnding(cutOf(statuses, config.maxStates), sum(statuses, (s) => s.frontier), depth, config.maxDepth)) === undefined) {
      const expanded = await Promise.all(workers.map((w) => w.ask({ kind: 'expand' })));
      statuses = expanded.map((m) => statusOf(m));
      const expandCut = cutOf(statuses, config.maxStates);
      if (expandCut !== undefined) {
        ending = { kind: 'cut', limit: expandCut };
        break;
      }
      // sent[from][to]: what worker `from` found for worker `to`; each buffer is transferred once, to its owner.
      const sent = expanded.map((m) => (m.kind === 'expanded' ? m.batches : []));
      const absorbed = await Promise.all(
        workers.map((w, owner) => {
          const incoming = sent.flatMap((batches, from) => (from === owner || batches[owner] === undefined ? [] : [batches[owner]]));
          return w.ask({ kind: 'absorb', batches: incoming }, incoming.flatMap(batchTransferables));
        }),
      );
      statuses = absorbed.map((m) => statusOf(m));
      if (cutOf(statuses, config.maxStates) === undefined) depth++;
      config.onProgress?.({ states: sum(statuses, (s) => s.states), transitions: sum(statuses, (s) => s.transitions), depth });
    }
    const states = sum(statuses, (s) => s.states);
    const stats = {
      states,
      transitions: sum(statuses, (s) => s.transitions),
      depth: exploredDepth(ending, depth),
      millis: performance.now() - started,
      hashed: sum(statuses, (s) => s.hashed),
    };
    const found = statuses.flatMap((s) => s.found);
    const logs = found.length === 0 ? [] : await Promise.all(workers.map((w) => w.ask({ kind: 'parents' })));
    const lookup = {
      parent: (id: number) => parentLog(logs, id % owners).parents[Math.floor(id / owners)]!,
      action: (id: number) => parentLog(logs, id % owners).actions[Math.floor(id / owners)]!,
    };
    const verdicts = assembleVerdicts(properties, ordered, found, ending, stats, (violation, property) =>
      traceOfViolation(system, violation, property, lookup),
    );
    const hashed = stats.hashed;
    return {
      verdicts,
      stats,
      fingerprints: { exact: states - hashed, hashed, omissionBound: omissionBound(hashed) },
      memory: {
        visitedBytes: sum(statuses, (s) => s.visitedBytes),
        parentBytes: sum(statuses, (s) => s.parentBytes),
        peakFrontier: sum(statuses, (s) => s.peakFrontier),
      },
      workers: owners,
      busyMillis: statuses.map((s) => s.busyMillis),
      startupMillis,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** One worker and its replies, one per request, in order. */
class ThreadHandle {
  private readonly waiting: { resolve(m: FromWorker): void; reject(e: unknown): void }[] = [];
  private readonly early: FromWorker[] = [];
  private failure: unknown;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      const next = this.waiting.shift();
      if (next === undefined) this.early.push(message);
      else next.resolve(message);
    });
    worker.on('error', (error) => this.fail(error));
    // A worker that ends on its own (not terminated by us) would leave the search waiting forever.
    worker.on('exit', (code) => this.fail(new Error(`parallel exhaustive search: a worker exited with code ${code} mid-search`)));
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }

  reply(): Promise<FromWorker> {
    const message = this.early.shift();
    if (message !== undefined) return Promise.resolve(message);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  ask(message: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    try {
      this.worker.postMessage(message, transfer);
    } catch (error) {
      return Promise.reject(error);
    }
    // Replies arrive as events, never during postMessage, so waiting can start after sending.
    return this.reply();
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

function statusOf(message: FromWorker): WorkerStatus {
  // The protocol answers 'ready', 'expanded' and 'absorbed' with a status; 'parents' only when asked.
  if (message.kind === 'parents') throw new Error('parallel exhaustive search: a worker sent parents unasked');
  return message.status;
}

function cutOf(statuses: readonly WorkerStatus[], maxStates: number): WorkerStatus['cut'] {
  for (const s of statuses) if (s.cut !== undefined) return s.cut;
  // Each worker bounds its own share; the whole is bounded here, at level ends.
  if (sum(statuses, (s) => s.states) > maxStates) return 'states';
  return undefined;
}

function sum(statuses: readonly WorkerStatus[], of: (s: WorkerStatus) => number): number {
  let total = 0;
  for (const s of statuses) total += of(s);
  return total;
}

function parentLog(logs: readonly FromWorker[], owner: number): { parents: Int32Array; actions: Uint16Array } {
  const log = logs[owner];
  if (log?.kind !== 'parents') throw new Error(`parallel exhaustive search: no parent log from worker ${owner}`);
  return log;
}
