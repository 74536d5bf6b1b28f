// The two streams of the pipelined search (searchPipelined.ts) and what the store thread is given and answers.
// Entries start with a varint code; a record is its byte length in the code, then its bytes.
import type { MessagePort } from 'node:worker_threads';
import type { RecordTableParts } from '../../packing/RecordTable.ts';
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
  /** A successor: code = record length + `successor` (a varint of three bytes when written before the record, whose
   *  length it then did not know), then varint action index, varint tag + 1, the record. */
  successor: 4,
} as const;

/** Store thread -> search thread. */
export const Frontier = {
  /** No state is left to expand (or the store cut the search: its final message says why). */
  done: 0,
  /** The states that follow are one level deeper. */
  nextLevel: 1,
  /** A state to expand, in id order: code = record length + `state`, then varint tag + 1, the record (in one piece,
   *  RingWriter.linear, when it fits the stream's tail: read there in place). */
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
  /** Where the store posts its answer (StoreAnswer), read by the search thread without waiting for its event loop. */
  readonly answers: MessagePort;
}

/** What the search thread posts to start the store: from the initial states (it streams them), or from a search it
 *  ran alone up to a level's end and hands over. */
export interface StoreStart {
  readonly handover?: Handover;
}

/** A one-thread search at the end of a level: what it stored, and the level it is to expand next; all on shared memory
 *  (RecordTable.moveOut, sharedCopy.ts). */
export interface Handover {
  /** Every state's record, at the offsets the search knows them by (its keys). */
  readonly table: RecordTableParts;
  /** The parent log so far (ParentLog.export). */
  readonly parents: Int32Array<SharedArrayBuffer>;
  readonly actions: Uint16Array<SharedArrayBuffer>;
  /** The level to expand, in id order: its states' offsets in the table, and the tags of the steps that reached them
   *  (-1: none). Its first state's id is the states before it, `parents.length - frontier.length`. */
  readonly frontier: Int32Array<SharedArrayBuffer>;
  readonly tags: Int32Array<SharedArrayBuffer>;
}

/** The store thread's answer: its final message, or why it failed. */
export type StoreAnswer = { readonly result: StoreResult } | { readonly error: string };

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
