// Runs this shard's chunks of a random search on worker threads (both cores by default).
// The first chunks run here and tell whether the rest pays for starting workers; chunks are then
// handed out a few at a time and merged by chunk index, so the outcome is runRandomPartial's.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Property } from '../Property.ts';
import { startWorker } from '../startWorker.ts';
import type { System } from '../System.ts';
import { enoughViolations, ViolationTally, type RandomPartial } from './RandomPartial.ts';
import { resolveRandomOptions, type RandomOptions } from './RandomOptions.ts';
import { runChunk, type ChunkResult } from './runChunk.ts';
import { partialOf, runRandomPartial, shardChunks } from './runRandomPartial.ts';
import type { RandomWorkerData, RandomWorkerRequest } from './randomWorker.ts';

const sum = (xs: readonly ChunkResult[], f: (c: ChunkResult) => number): number => xs.reduce((n, c) => n + f(c), 0);

/** Chunks this thread would still run: all the rest, unless every property was violated in every chunk so far,
 *  in which case the search ends once each has its counterexamples (runRandomPartial stops there), a few chunks on. */
function chunksLikelyLeft(head: readonly ChunkResult[], properties: readonly string[], wanted: number, total: number): number {
  const all = total - head.length;
  const everyTime = properties.every((p) => head.every((c) => c.violations.some((v) => v.property === p)));
  return everyTime ? Math.min(all, Math.max(0, wanted - head.length)) : all;
}

/** Chunks queued at each worker at a time. */
const chunksInFlight = 4;

export async function runRandomPartialParallel<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options: RandomOptions = {},
): Promise<RandomPartial> {
  const resolved = resolveRandomOptions(options, availableParallelism());
  const source = options.source;
  if (resolved.workers <= 1 || source === undefined) return runRandomPartial(system, properties, options);
  const started = performance.now();
  const deadline = resolved.timeLimitMs === undefined ? undefined : Date.now() + resolved.timeLimitMs;
  const ids = properties.map((p) => p.id as string);
  const queue = shardChunks(resolved);
  const total = queue.length;
  // The first chunks run here and tell whether the rest is long enough to pay for starting workers. The first one
  // runs cold (the JIT has not compiled the model's code yet) and overstates the rest several times over: with more
  // than two chunks the estimate is taken from the second, warm one.
  const head: ChunkResult[] = [];
  let estimate = 0;
  for (let i = 0; i < Math.min(total, total > 2 ? 2 : 1); i++) {
    const t0 = performance.now();
    const result = runChunk(system, properties, resolved, queue[i]!, deadline);
    head.push(result);
    estimate = (performance.now() - t0) * chunksLikelyLeft(head, ids, resolved.counterexamples, total);
    options.onProgress?.({ chunksDone: head.length, chunks: total, runs: sum(head, (c) => c.runs), steps: sum(head, (c) => c.steps) });
    if (result.interrupted || enoughViolations(head, ids, resolved.counterexamples)) break;
  }
  const done = head.some((c) => c.interrupted) || enoughViolations(head, ids, resolved.counterexamples) || head.length === total;
  if (done || estimate < resolved.parallelThresholdMs * resolved.workers) {
    return runRandomPartial(system, properties, options, { results: head, started, deadline });
  }
  const results: ChunkResult[] = [...head];
  let runs = sum(head, (c) => c.runs);
  let steps = sum(head, (c) => c.steps);
  const data: RandomWorkerData = { source, properties: ids, options: resolved, deadline };
  const tally = new ViolationTally(ids, resolved.counterexamples);
  for (const c of head) tally.add(c);
  let nextIndex = head.length;
  let interrupted = false;
  // The next chunk still needed: not if every property already has its counterexamples in lower chunks.
  const takeChunk = (): number | undefined => {
    while (!interrupted && nextIndex < queue.length) {
      const chunk = queue[nextIndex++]!;
      if (!tally.enough(chunk)) return chunk;
    }
    return undefined;
  };
  const record = (result: ChunkResult): void => {
    results.push(result);
    tally.add(result);
    interrupted ||= result.interrupted;
    runs += result.runs;
    steps += result.steps;
    options.onProgress?.({ chunksDone: results.length, chunks: total, runs, steps });
  };
  // This thread keeps running chunks while the helpers load (their start-up can take longer than the chunks left),
  // yielding between chunks so their messages are served: the default is then never much slower than one thread.
  const here = async (): Promise<void> => {
    for (let chunk = takeChunk(); chunk !== undefined; chunk = takeChunk()) {
      record(runChunk(system, properties, resolved, chunk, deadline));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const work = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      // A few chunks queued per worker, so it never waits for the main thread between chunks.
      let inFlight = 0;
      const fill = (): void => {
        while (inFlight < chunksInFlight) {
          const chunk = takeChunk();
          if (chunk === undefined) break;
          inFlight++;
          worker.postMessage(chunk satisfies RandomWorkerRequest);
        }
        if (inFlight === 0) {
          worker.postMessage(null satisfies RandomWorkerRequest);
          resolve();
        }
      };
      worker.on('message', (message: ChunkResult | 'ready') => {
        if (message !== 'ready') {
          inFlight--;
          record(message);
        }
        fill();
      });
      worker.on('error', reject);
      // A worker that ends on its own before its last chunk would leave the search waiting forever
      // (after `resolve`, when it is terminated below, this does nothing).
      worker.on('exit', (code) => reject(new Error(`random search: a worker exited with code ${code} mid-search`)));
    });
  // This thread is one of the `workers`: it starts one helper fewer.
  const workers = Array.from({ length: resolved.workers - 1 }, () => startWorker(new URL('./randomWorker.ts', import.meta.url), data));
  try {
    await Promise.all([here(), ...workers.map(work)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return partialOf(system, ids, resolved, results, performance.now() - started);
}
