// Parent pointers of discovered states, by discovery index: the parent's id and the index of the
// action among the parent's enabled actions. Traces are rebuilt from these, never stored per state.
// Past its first chunk the log grows a chunk at a time, not by doubling: at most one chunk is unused,
// where a doubled array is a third empty on average. An action index takes one byte: states with more than
// 254 enabled actions are rare (the TR world's have a few dozen at most), and their indices are kept apart.
import { StoreLimitError } from '../StoreLimitError.ts';

/** Entries per chunk (80 KiB of parents and actions). */
const chunkBits = 14;
const chunkSize = 1 << chunkBits;
const chunkMask = chunkSize - 1;
/** An action byte that says: the index is in `wideActions`. */
const wideAction = 255;
/** State ids are non-negative int32 numbers. */
export const maxParentLogStates = 2 ** 31;

/** A parent log's arrays (ParentLog.chunks). */
export interface ParentChunks {
  readonly length: number;
  readonly parents: readonly Int32Array[];
  readonly actions: readonly Uint8Array[];
  readonly wide: readonly (readonly [number, number])[];
}

export class ParentLog {
  /** `maxStates`: the log's ceiling (2^31 by default; a test lowers it); pushing past it throws StoreLimitError. */
  constructor(private readonly maxStates: number = maxParentLogStates) {}

  private readonly parentChunks: Int32Array[] = [new Int32Array(1 << 10)];
  private readonly actionChunks: Uint8Array[] = [new Uint8Array(1 << 10)];
  /** Action indices of `wideAction` or more, by state index (the byte holds `wideAction`). */
  private readonly wideActions = new Map<number, number>();
  /** The last chunk, and how many of its entries are in use. */
  private parents = this.parentChunks[0]!;
  private actions = this.actionChunks[0]!;
  private filled = 0;
  length = 0;

  /** `parent` is a state id, or -1 - i for the i-th initial state. */
  push(parent: number, action: number): void {
    if (this.length >= this.maxStates) throw new StoreLimitError('ParentLog', `more than ${this.maxStates} states`);
    if (this.filled === this.parents.length) this.grow();
    this.parents[this.filled] = parent;
    if (action >= wideAction) this.wideActions.set(this.length, action);
    this.actions[this.filled++] = Math.min(action, wideAction);
    this.length++;
  }

  parent(index: number): number {
    return this.parentChunks[index >>> chunkBits]![index & chunkMask]!;
  }

  action(index: number): number {
    const byte = this.actionChunks[index >>> chunkBits]![index & chunkMask]!;
    return byte === wideAction ? this.wideActions.get(index)! : byte;
  }

  /** Bytes allocated (capacity, not just the used part; a wide action's entry counted as 16 bytes, about what a Map
   *  holds for it). */
  get bytes(): number {
    const chunks = this.parentChunks.reduce((sum, chunk) => sum + chunk.byteLength, 0) + this.actionChunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    return chunks + 16 * this.wideActions.size;
  }

  /** The log's own arrays, to move to another thread (their buffers transferred, not copied: a large search's log is
   *  gigabytes) and read there with `ParentLog.of`. The log must not be used after. */
  chunks(): ParentChunks {
    return { length: this.length, parents: this.parentChunks, actions: this.actionChunks, wide: [...this.wideActions] };
  }

  /** A log of the arrays `chunks` gave, for reading. */
  static of(chunks: ParentChunks): ParentLog {
    const log = new ParentLog();
    log.parentChunks.splice(0, 1, ...chunks.parents);
    log.actionChunks.splice(0, 1, ...chunks.actions);
    for (const [index, action] of chunks.wide) log.wideActions.set(index, action);
    log.length = chunks.length;
    return log;
  }

  /** Copies of the used part, for sending to another thread. */
  export(): { parents: Int32Array; actions: Uint16Array } {
    const parents = new Int32Array(this.length);
    const actions = new Uint16Array(this.length);
    this.parentChunks.forEach((chunk, i) => parents.set(chunk.subarray(0, Math.min(chunk.length, this.length - i * chunkSize)), i * chunkSize));
    this.actionChunks.forEach((chunk, i) => actions.set(chunk.subarray(0, Math.min(chunk.length, this.length - i * chunkSize)), i * chunkSize));
    for (const [index, action] of this.wideActions) actions[index] = action;
    return { parents, actions };
  }

  private grow(): void {
    const last = this.parentChunks.length - 1;
    if (this.parents.length < chunkSize) {
      // The first chunk doubles up to a full chunk, so a small search holds a small log.
      const parents = new Int32Array(this.parents.length * 2);
      parents.set(this.parents);
      const actions = new Uint8Array(this.actions.length * 2);
      actions.set(this.actions);
      this.parentChunks[last] = this.parents = parents;
      this.actionChunks[last] = this.actions = actions;
      return;
    }
    this.parentChunks.push((this.parents = new Int32Array(chunkSize)));
    this.actionChunks.push((this.actions = new Uint8Array(chunkSize)));
    this.filled = 0;
  }
}
