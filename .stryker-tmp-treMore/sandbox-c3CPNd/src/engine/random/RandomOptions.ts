// Options of the random search, resolved into a complete configuration in this one place.
// Defaults are documented on each field of `RandomOptions`.
import type { SystemSource } from '../SystemSource.ts';

/** Which part of the run chunks this process executes: chunks c with c % count === index. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface RandomOptions {
  /** Random runs in all (over every shard). Default 1000. */
  readonly runs?: number;
  /** Longest run, in steps. Default 50. */
  readonly maxSteps?: number;
  /** Seed of the whole search (unsigned 32-bit). Default 42, so an unseeded run is still reproducible. */
  readonly seed?: number;
  /** Wall-clock limit in milliseconds; stopping before `runs` makes the verdict inconclusive. Default: none. */
  readonly timeLimitMs?: number;
  /** Runs per chunk: the unit of seeding, sharding and parallel work. Default 100. */
  readonly chunkRuns?: number;
  /** Chunks whose counterexample is shrunk per property (the first ones that violate it); the shortest
   *  trace is kept. Default 3: shrinking searches only near the run it starts from, so a run of another shape can end shorter. */
  readonly counterexamples?: number;
  /** Part of the chunks to run here. Default: all (shard 0 of 1). */
  readonly shard?: Shard;
  /** The path of a random counterexample ("chunk.round"): run only the chunk it names,
   *  which reproduces that counterexample byte for byte without re-running the others. Default: none. */
  readonly path?: string;
  /** Threads, this one included (searchRandomParallel only), at most the chunk count. Helpers start only when the work
   *  left pays for their start-up (helperStartupMs). Default: the available cores, and a helper only for a core the
   *  load average leaves free. */
  readonly workers?: number;
  /** What a helper thread costs to start, for the decision to start helpers (searchRandomParallel only): they start
   *  when the chunks left, timed on warm chunks here, would take clearly longer (decideHelpers). Default: as measured
   *  for this system in this process once a helper of it has run, else a conservative figure (helperStartupCost.ts). */
  readonly helperStartupMs?: number;
  /** Needed for workers: how a worker rebuilds the system. */
  readonly source?: SystemSource;
  /** Called after every chunk with counters so far (for progress displays). */
  readonly onProgress?: (progress: RandomProgress) => void;
}

export interface RandomProgress {
  readonly chunksDone: number;
  readonly chunks: number;
  readonly runs: number;
  readonly steps: number;
}

export interface ResolvedRandomOptions {
  readonly runs: number;
  readonly maxSteps: number;
  readonly seed: number;
  readonly timeLimitMs: number | undefined;
  readonly chunkRuns: number;
  readonly counterexamples: number;
  readonly shard: Shard;
  /** Set from `path`: the one chunk to run. */
  readonly onlyChunk: number | undefined;
  readonly workers: number;
  /** Undefined: measured in this process, or assumed (helperStartupCost). */
  readonly helperStartupMs: number | undefined;
}

export const randomDefaults = {
  runs: 1000,
  maxSteps: 50,
  seed: 42,
  chunkRuns: 100,
  counterexamples: 3,
} as const;

/** Fills in defaults and rejects impossible values (a programming error: the CLI validates user input first). */
export function resolveRandomOptions(options: RandomOptions = {}, cores = 1): ResolvedRandomOptions {
  const runs = options.runs ?? randomDefaults.runs;
  const maxSteps = options.maxSteps ?? randomDefaults.maxSteps;
  const seed = options.seed ?? randomDefaults.seed;
  const chunkRuns = options.chunkRuns ?? randomDefaults.chunkRuns;
  const counterexamples = options.counterexamples ?? randomDefaults.counterexamples;
  const shard = options.shard ?? { index: 0, count: 1 };
  requireInteger('runs', runs, 1);
  requireInteger('maxSteps', maxSteps, 0);
  requireInteger('chunkRuns', chunkRuns, 1);
  requireInteger('counterexamples', counterexamples, 1);
  requireInteger('shard.count', shard.count, 1);
  requireInteger('shard.index', shard.index, 0);
  if (shard.index >= shard.count) throw new RangeError(`shard index ${shard.index} must be below the shard count ${shard.count}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer in 0..4294967295, got ${seed}`);
  }
  if (options.timeLimitMs !== undefined && !(options.timeLimitMs > 0)) throw new RangeError('timeLimitMs must be positive');
  const chunks = Math.ceil(runs / chunkRuns);
  const onlyChunk = options.path === undefined ? undefined : chunkOfPath(options.path);
  if (onlyChunk !== undefined && onlyChunk >= chunks) {
    throw new RangeError(`path ${options.path} names chunk ${onlyChunk}, but ${runs} runs have ${chunks} chunks`);
  }
  const workers = Math.max(1, Math.min(options.workers ?? cores, chunks));
  const helperStartupMs = options.helperStartupMs;
  if (helperStartupMs !== undefined && !(helperStartupMs >= 0)) throw new RangeError(`helperStartupMs must be >= 0, got ${helperStartupMs}`);
  const timeLimitMs = options.timeLimitMs;
  return { runs, maxSteps, seed, timeLimitMs, chunkRuns, counterexamples, shard, onlyChunk, workers, helperStartupMs };
}

function requireInteger(what: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
}

/** The chunk a counterexample path ("chunk.round") was found in. */
function chunkOfPath(path: string): number {
  const match = /^(\d+)\.(\d+)$/.exec(path);
  if (match === null) throw new RangeError(`path must look like "3.0" (chunk.round), got "${path}"`);
  return Number(match[1]);
}
