// Runs this shard's chunks of a random search on worker threads (both cores by default).
// The first chunk runs here and tells whether the rest pays for starting workers; chunks are then
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
  // The first chunk runs here: it tells whether the rest is long enough to pay for starting workers.
  const first = runChunk(system, properties, resolved, queue[0]!, deadline);
  const rest = (performance.now() - started) * (total - 1);
  options.onProgress?.({ chunksDone: 1, chunks: total, runs: first.runs, steps: first.steps });
  const done = first.interrupted || enoughViolations([first], ids, resolved.counterexamples);
  if (done || rest < resolved.parallelThresholdMs * resolved.workers) {
    return runRandomPartial(system, properties, options, { results: [first], started, deadline });
  }
  const results: ChunkResult[] = [first];
  let runs = first.runs;
  let steps = first.steps;
  const data: RandomWorkerData = { source, properties: ids, options: resolved, deadline };
  const tally = new ViolationTally(ids, resolved.counterexamples);
  tally.add(first);
  let nextIndex = 1;
  let interrupted = false;
  // The next chunk still needed: not if every property already has its counterexamples in lower chunks.
  const takeChunk = (): number | undefined => {
    while (!interrupted && nextIndex < queue.length) {
      const chunk = queue[nextIndex++]!;
      if (!tally.enough(chunk)) return chunk;
    }
    return undefined;
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
          results.push(message);
          tally.add(message);
          interrupted ||= message.interrupted;
          runs += message.runs;
          steps += message.steps;
          options.onProgress?.({ chunksDone: results.length, chunks: total, runs, steps });
        }
        fill();
      });
      worker.on('error', reject);
      // A worker that ends on its own before its last chunk would leave the search waiting forever
      // (after `resolve`, when it is terminated below, this does nothing).
      worker.on('exit', (code) => reject(new Error(`random search: a worker exited with code ${code} mid-search`)));
    });
  const workers = Array.from({ length: resolved.workers }, () => startWorker(new URL('./randomWorker.ts', import.meta.url), data));
  try {
    await Promise.all(workers.map(work));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return partialOf(system, ids, resolved, results, performance.now() - started);
}
