// A system whose states are byte records it steps without storing them: the pipelined search
// (src/engine/pipeline) keeps the records, their parents and the visited set on a thread of its own, and hands each
// new record back to be expanded.

import type { RecordTable, RecordTableParts } from '../packing/RecordTable.ts';

/** Where `writeSuccessors` writes: the search's stream to its store, each record in place (no copy of it). */
export interface RecordSink {
  /** The next enabled action is left out: no record. */
  leftOut(): void;
  /** Room for the next action's successor record, of at most `maxBytes` bytes, its step tagged `tag`: the bytes to
   *  write it into from `at`, then `wrote` with where it ends. */
  begin(maxBytes: number, tag: number): Uint8Array;
  readonly at: number;
  wrote(end: number): void;
}

export interface RecordSteps<S, A> {
  /** The record of `state` (an initial state): equal states, equal records. */
  recordOf(state: S): Uint8Array;
  /** Each enabled action of `state`, in `enabled` order: its successor's record written into `sink` (records of equal
   *  states are equal bytes), or left out (System.leavesOut); with the action's tag, a number in [0, 2^31) that the
   *  search keeps with the state the action first reaches and gives back as `via` when it expands that state. `via`
   *  -1: none, and no action is left out. */
  writeSuccessors(state: S, via: number, sink: RecordSink): void;
  /** The state of the record `bytes[start .. end - 1]` (the caller's bytes: the state may keep them). */
  stateOfRecord(bytes: Uint8Array, start: number, end: number): S;
  /** The tag `writeSuccessors` gives the step of `action` (a one-thread search handed over keeps its actions). */
  tagOf(action: A): number;
  /** The table whose offsets are the system's keys (System.compactKeys), when every record in it is a state a search
   *  of the system found: a one-thread search hands it (`moveKeyTable`) to the store thread at a level's end
   *  (switchToPipeline.ts). */
  keyTable(): RecordTable;
  /** `keyTable`'s records and slots, moved out for the store thread (RecordTable.moveOut): the system holds none of
   *  them after, and a later search of it builds its table anew. */
  moveKeyTable(): RecordTableParts;
}
