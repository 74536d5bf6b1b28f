// The two streams of the pipelined search (searchPipelined.ts) and what the store thread is given and answers.
// Entries start with a varint code; a record is its byte length in the code, then its bytes.
import type { ParentChunks } from '../exhaustive/ParentLog.ts';

/** Search thread -> store thread. */
export const Candidate = {
  /** The state being expanded has no more successors: the next one is expanded. */
  endOfState: 0,
  /** The search thread stopped (the search ended, or it cut it): the store answers with its final message. */
  finish: 1,
  /** An initial state: varint record length, the record. */
  initial: 2,
  /** Every initial state was sent. */
  seeded: 3,
  /** A successor: code = record length + `successor`, then varint action index, varint tag + 1, the record. */
  successor: 4,
} as const;

/** Store thread -> search thread. */
export const Frontier = {
  /** No state is left to expand (or the store cut the search: its final message says why). */
  done: 0,
  /** The states that follow are one level deeper. */
  nextLevel: 1,
  /** A state to expand, in id order: code = record length + `state`, then varint tag + 1, the record. */
  state: 2,
} as const;

export interface StoreData {
  readonly control: SharedArrayBuffer;
  readonly candidates: SharedArrayBuffer;
  readonly frontier: SharedArrayBuffer;
  readonly maxStates: number;
  /** The record pool's ceiling (RecordTable: this thread's, which a test may have lowered). */
  readonly maxPoolBytes: number;
  readonly memoryBudget?: number;
  readonly heapBudget?: number;
}

/** The store thread's final message. */
export interface StoreResult {
  readonly states: number;
  /** The store's parent log, its arrays moved here (ParentLog.chunks). */
  readonly parents: ParentChunks;
  /** Why the store cut the search, if it did. */
  readonly cut?: 'states' | 'memory';
  readonly storeLimit?: string;
  readonly visitedBytes: number;
  readonly parentBytes: number;
  readonly peakFrontier: number;
}
