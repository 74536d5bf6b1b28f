// A system whose states are byte records it steps without storing them: the pipelined search
// (src/engine/pipeline) keeps the records, their parents and the visited set on a thread of its own, and hands each
// new record back to be expanded.

import type { RecordTable } from '../packing/RecordTable.ts';

export interface RecordSteps<S, A> {
  /** The record of `state` (an initial state): equal states, equal records. */
  recordOf(state: S): Uint8Array;
  /** Each enabled action of `state`, in `enabled` order, with its successor's record (`bytes[start .. end - 1]`,
   *  valid until the call returns: records of equal states are equal bytes), or start -1 for an action left out
   *  (System.leavesOut); and the action's tag, a number in [0, 2^31) that the search keeps with the state the action
   *  first reaches and gives back as `via` when it expands that state. `via` -1: none, and no action is left out. */
  forEachSuccessorRecord(state: S, via: number, visit: (action: A, bytes: Uint8Array, start: number, end: number, tag: number) => void): void;
  /** The state of the record `bytes[start .. end - 1]` (the caller's bytes: the state may keep them). */
  stateOfRecord(bytes: Uint8Array, start: number, end: number): S;
  /** The tag `forEachSuccessorRecord` gives the step of `action` (a one-thread search handed over keeps its actions). */
  tagOf(action: A): number;
  /** The table whose offsets are the system's keys (System.compactKeys), when every record in it is a state a search
   *  of the system found: a one-thread search hands it to the store thread at a level's end (switchToPipeline.ts). */
  keyTable(): RecordTable;
}
