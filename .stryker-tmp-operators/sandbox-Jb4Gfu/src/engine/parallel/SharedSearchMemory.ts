// Memory the threads of the shared-memory exhaustive search work on: control words (barriers, the
// frontier cursor, the id counter), per-thread figures, and the growable shared arrays (visited set,
// then per global state id: parent id, action index, state value).

/** Indices into the control Int32Array (never replaced, so it is shared once at start-up). */
export const Word = {
  /** Bumped by the main thread to wake the helpers for the command in `command`. */
  gen: 0,
  command: 1,
  /** Helpers arrived at the current barrier. */
  arrived: 2,
  /** Next frontier id to claim (chunks of `chunkStates`). */
  cursor: 3,
  /** End of the frontier's id range (exclusive). */
  levelEnd: 4,
  /** Next free global state id (threads reserve blocks of `blockIds`). */
  nextId: 5,
  /** Ids beyond this may not be reserved (capacity, table load, states limit): a thread that needs one waits at the barrier. */
  idLimit: 6,
  /** Why the search stopped early: 0 not, see `CutCode`. */
  cut: 7,
  /** Level of the frontier's states. */
  depth: 8,
  /** A helper failed (its error reaches the main thread as the worker's error event). */
  failed: 9,
  /** Helper i sets word `ready + i` once it has rebuilt the system. */
  ready: 16,
  /** The main thread sets word `join + i` to 1 when helper i may join (its arrays are in its port), to 2 when the search ended first. */
  join: 16 + 64,
  size: 16 + 128,
} as const;

export const Command = { expandLevel: 1, resume: 2, stop: 3, rehash: 4 } as const;
export const CutCode = { none: 0, time: 1, stopAtFirst: 2, memory: 3 } as const;
/** Why a thread arrived at a barrier. */
export const Status = { done: 1, blocked: 2, unpackable: 3, cut: 4 } as const;

/** Parent value marking an id reserved but never used (a hole); real parents are ids >= 0 or -1 - i. */
export const holeParent = -0x80000000;
/** Frontier states claimed at a time: the clock, the cut flag and joining helpers are checked per chunk. */
export const chunkStates = 256;
/** Ids reserved at a time, so the shared id counter is touched once per this many new states. */
export const blockIds = 256;
/** Visited-set load at which the table must grow (as in FingerprintSet). */
export const maxLoad = 0.75;

/** Per-thread figures in the stats Float64Array, stride `statsStride(invariants)`. */
export const Stat = { status: 0, transitions: 1, states: 2, holes: 3, busyMillis: 4, found: 5, first: 8 } as const;

export function statsStride(invariants: number): number {
  return Stat.first + 4 * invariants;
}

/** The arrays that grow (replaced by bigger ones at a barrier, then sent to the helpers). */
export interface SharedArrays {
  readonly table: SharedArrayBuffer;
  readonly parents: SharedArrayBuffer;
  readonly actions: SharedArrayBuffer;
  readonly values: SharedArrayBuffer;
}

export function allocateArrays(slots: number, ids: number): SharedArrays {
  return {
    table: new SharedArrayBuffer(slots * 4),
    parents: new SharedArrayBuffer(ids * 4),
    actions: new SharedArrayBuffer(ids * 2),
    values: new SharedArrayBuffer(ids * 8),
  };
}

export function tableLimit(arrays: SharedArrays): number {
  return Math.floor((arrays.table.byteLength / 4) * maxLoad);
}

export function idCapacity(arrays: SharedArrays): number {
  return arrays.parents.byteLength / 4;
}
