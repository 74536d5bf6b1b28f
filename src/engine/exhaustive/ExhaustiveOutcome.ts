// What an exhaustive search returns beyond the verdicts: how fingerprints were stored and the memory used.
import type { SearchOutcome } from '../Verdict.ts';

export interface ExhaustiveOutcome extends SearchOutcome {
  readonly fingerprints: {
    /** States stored exactly (numeric keys below 2^53, small monitor tuples): no collision possible. */
    readonly exact: number;
    /** States stored as 63-bit hashes (string keys or large monitor tuples). */
    readonly hashed: number;
    /** Upper bound on the probability that hash compaction merged two distinct states (so some
     *  state may have been omitted): n(n-1)/2 / 2^63 over the n hashed states; 0 when all are exact. */
    readonly omissionBound: number;
  };
  readonly memory: {
    /** Bytes of the visited-set tables. */
    readonly visitedBytes: number;
    /** Bytes of parent pointers (parent id and action index per state). */
    readonly parentBytes: number;
    /** Largest breadth-first level held in memory, in states. */
    readonly peakFrontier: number;
    /** When a store reached its own ceiling and ended the search (limit 'memory'): which store, and what it said. */
    readonly storeLimit?: string;
  };
  /** Threads the search ran on (2: for all of it, or from a level on: stats.twoThreads). */
  readonly workers: number;
  /** Parallel search: milliseconds each worker spent exploring (not waiting at level barriers). */
  readonly busyMillis?: readonly number[];
  /** Parallel search: milliseconds until every worker had rebuilt the system and seeded (partitioned),
   *  or until the first helper joined the search under way (shared memory; absent if none did), or until the store
   *  thread was ready (pipelined).
   *  Included in stats.millis. */
  readonly startupMillis?: number;
}

export function omissionBound(hashed: number): number {
  return hashed < 2 ? 0 : (hashed * (hashed - 1)) / 2 / 2 ** 63;
}
