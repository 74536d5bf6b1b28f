// Runs this shard's chunks of a random search here and, when the work left pays for them, on helper threads too.
// The first chunks run here: they warm the JIT and measure what a chunk costs. Helpers start only when the chunks
// left would clearly take longer than a helper's start-up for this system (decideHelpers), and this thread never
// waits for them (shareChunks). Chunks are merged by index, so the outcome is runRandomPartial's.
import { availableParallelism, loadavg } from 'node:os';
import type { Property } from '../Property.ts';
import { startWorker } from '../startWorker.ts';
import type { System } from '../System.ts';
import { decideHelpers } from './decideHelpers.ts';
import { helperStartupCost, rememberHelperStartup, type HelperStartupSample } from './helperStartupCost.ts';
import { ViolationTally, type RandomPartial } from './RandomPartial.ts';
import { resolveRandomOptions, type RandomOptions } from './RandomOptions.ts';
import { runChunk, type ChunkResult } from './runChunk.ts';
import { partialOf, runRandomPartial, shardChunks } from './runRandomPartial.ts';
import type { RandomWorkerData, RandomWorkerMessage, RandomWorkerRequest } from './randomWorker.ts';
import { shareChunks, type ChunkHelper, type HelperEvents, type HelperTimes } from './shareChunks.ts';

/** Chunks queued at each helper at a time. */
const chunksInFlight = 4;

/** Nice value (Linux: per thread) a helper loads at. A helper loading at nice 0 slowed the one-thread random search
 *  of the TR world beside it 2.3x (279 ms alone, 643 ms; medians of 5 on 2 busy cores), at nice 10 1.45x (406 ms). */
const bootNice = 10;

/** Helpers that would each get a core: as many as the 1-minute load average (this search included) leaves free.
 *  On a busy machine a helper competes with other work: with the load average at 7 on 2 cores, a helper of the TR
 *  world took 3-9 s to deliver its first chunk (0.7 s at 2-3), and slowed this thread meanwhile. */
function helpersWithACore(wanted: number): number {
  return Math.max(0, Math.min(wanted, Math.floor(availableParallelism() - loadavg()[0]! + 0.5)));
}

/** Chunks this thread would still run: all the rest, unless every property was violated in every chunk so far,
 *  in which case the search ends once each has its counterexamples (runRandomPartial stops there), a few chunks on. */
function chunksLikelyLeft(head: readonly ChunkResult[], properties: readonly string[], wanted: number, total: number): number {
  const all = total - head.length;
  const everyTime = properties.every((p) => head.every((c) => c.violations.some((v) => v.property === p)));
  return everyTime ? Math.min(all, Math.max(0, wanted - head.length)) : all;
}

/** A warm chunk's cost: the median of the last three, leaving out the first, which runs before the JIT has compiled
 *  the model's code (on the TR world the first chunk took 5-20 times a warm one, the second still 2-5 times). */
function warmChunkMillis(costs: readonly number[]): number {
  const recent = (costs.length > 1 ? costs.slice(1) : costs).slice(-3).sort((a, b) => a - b);
  const mid = Math.floor(recent.length / 2);
  return recent.length % 2 === 1 ? recent[mid]! : (recent[mid - 1]! + recent[mid]!) / 2;
}

/** What one search saw of a helper's start-up: until its first chunk came back, less that chunk run warm. */
function startupSample(times: HelperTimes, chunkMillis: number, endedAt: number): HelperStartupSample {
  if (times.firstResultAt !== undefined) return { millis: times.firstResultAt - times.startedAt - chunkMillis, complete: true };
  return { millis: (times.readyAt ?? endedAt) - times.startedAt, complete: false };
}

/** A helper thread running chunks of this search. */
function startRandomHelper(data: RandomWorkerData, events: HelperEvents): ChunkHelper {
  const worker = startWorker(new URL('./randomWorker.ts', import.meta.url), data);
  let stopped = false;
  worker.on('message', (message: RandomWorkerMessage) => ('ready' in message ? events.ready() : events.result(message)));
  worker.on('error', (error) => {
    if (!stopped) events.failed(error);
  });
  // A helper that ends on its own mid-search is a fault (its module failed to load, or it ran out of memory).
  worker.on('exit', (code) => {
    if (!stopped) events.failed(new Error(`random search: a helper thread exited with code ${code} mid-search`));
  });
  return {
    run: (chunk) => worker.postMessage(chunk satisfies RandomWorkerRequest),
    stop: () => {
      stopped = true;
      // Not awaited: a helper still loading is of no use, and the search does not wait for it.
      void worker.terminate();
    },
  };
}

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
  const helperStartMillis = resolved.helperStartupMs ?? helperStartupCost(source);
  const results: ChunkResult[] = [];
  const tally = new ViolationTally(ids, resolved.counterexamples);
  let runs = 0;
  let steps = 0;
  const collect = (result: ChunkResult): void => {
    results.push(result);
    runs += result.runs;
    steps += result.steps;
    options.onProgress?.({ chunksDone: results.length, chunks: total, runs, steps });
  };
  // The head runs here until its chunks have taken half a helper's start-up (and two chunks at least): the estimate
  // of the rest is then taken from warm chunks, and a start that pays comes at most half a start-up late.
  const costs: number[] = [];
  let headMillis = 0;
  const headGoesOn = (): boolean =>
    results.length < total &&
    !tally.enough() &&
    !results.some((c) => c.interrupted) &&
    (results.length < 2 || headMillis < helperStartMillis / 2);
  while (headGoesOn()) {
    const t0 = performance.now();
    const result = runChunk(system, properties, resolved, queue[results.length]!, deadline);
    costs.push(performance.now() - t0);
    headMillis += costs.at(-1)!;
    tally.add(result);
    collect(result);
  }
  const head = [...results];
  const ended = head.length === total || tally.enough() || head.some((c) => c.interrupted);
  const chunkMillis = warmChunkMillis(costs);
  const decision = decideHelpers({
    chunkMillis,
    chunksLeft: chunksLikelyLeft(head, ids, resolved.counterexamples, total),
    helperStartMillis,
    // Threads asked for explicitly are used whatever the load; by default only those a core is free for.
    helpers: options.workers === undefined ? helpersWithACore(resolved.workers - 1) : resolved.workers - 1,
    millisLeft: deadline === undefined ? undefined : deadline - Date.now(),
  });
  if (ended || !decision.start) return runRandomPartial(system, properties, options, { results: head, started, deadline });
  const data: RandomWorkerData = { source, properties: ids, options: resolved, deadline, bootNice };
  const helperTimes = await shareChunks({
    queue: queue.slice(head.length),
    tally,
    runHere: (chunk) => runChunk(system, properties, resolved, chunk, deadline),
    helpers: Array.from({ length: decision.helpers }, () => (events: HelperEvents) => startRandomHelper(data, events)),
    inFlight: chunksInFlight,
    onResult: collect,
  });
  const endedAt = performance.now();
  for (const times of helperTimes) rememberHelperStartup(source, startupSample(times, chunkMillis, endedAt));
  return partialOf(system, ids, resolved, results, endedAt - started);
}
