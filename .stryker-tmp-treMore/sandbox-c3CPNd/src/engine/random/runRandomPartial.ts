// Runs this shard's chunks of a random search in the current thread, in chunk order.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import { randomPartialFormat, trimChunks, ViolationTally, type RandomPartial } from './RandomPartial.ts';
import type { RandomOptions } from './RandomOptions.ts';
import { resolveRandomOptions, type ResolvedRandomOptions } from './RandomOptions.ts';
import { chunkCount, runChunk, type ChunkResult } from './runChunk.ts';

/** Already run by the caller: the results of the first chunks of this shard, when it started, its deadline. */
export interface RandomHeadStart {
  readonly results: readonly ChunkResult[];
  readonly started: number;
  readonly deadline: number | undefined;
}

export function runRandomPartial<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options: RandomOptions = {},
  headStart?: RandomHeadStart,
): RandomPartial {
  const resolved = resolveRandomOptions(options);
  const started = headStart?.started ?? performance.now();
  const deadline =
    headStart !== undefined ? headStart.deadline : resolved.timeLimitMs === undefined ? undefined : Date.now() + resolved.timeLimitMs;
  const ids = properties.map((p) => p.id as string);
  const mine = shardChunks(resolved);
  const chunks: ChunkResult[] = [];
  let runs = 0;
  let steps = 0;
  const tally = new ViolationTally(ids, resolved.counterexamples);
  for (const [done, chunk] of mine.entries()) {
    // Stop once every property has its counterexamples: later chunks cannot change a verdict.
    if (tally.enough()) break;
    const result = headStart?.results[done] ?? runChunk(system, properties, resolved, chunk, deadline);
    chunks.push(result);
    tally.add(result);
    runs += result.runs;
    steps += result.steps;
    options.onProgress?.({ chunksDone: done + 1, chunks: mine.length, runs, steps });
    if (result.interrupted) break;
  }
  return partialOf(system, ids, resolved, chunks, performance.now() - started);
}

/** Chunk indices this shard runs, in increasing order. */
export function shardChunks(options: ResolvedRandomOptions): number[] {
  if (options.onlyChunk !== undefined) return [options.onlyChunk];
  const all = chunkCount(options);
  const mine: number[] = [];
  for (let c = options.shard.index; c < all; c += options.shard.count) mine.push(c);
  return mine;
}

export function partialOf<S, A>(
  system: System<S, A>,
  ids: readonly string[],
  options: ResolvedRandomOptions,
  chunks: readonly ChunkResult[],
  millis: number,
): RandomPartial {
  return {
    format: randomPartialFormat,
    system: system.name,
    config: system.config,
    properties: ids,
    runs: options.runs,
    maxSteps: options.maxSteps,
    seed: options.seed,
    chunkRuns: options.chunkRuns,
    counterexamples: options.counterexamples,
    shard: options.shard,
    onlyChunk: options.onlyChunk,
    chunks: trimChunks(chunks, ids, options.counterexamples),
    millis,
  };
}
