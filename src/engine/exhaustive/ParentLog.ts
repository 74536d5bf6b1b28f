// Parent pointers of discovered states, by discovery index: the parent's id and the index of the
// action among the parent's enabled actions. Traces are rebuilt from these, never stored per state.
// Past its first chunk the log grows a chunk at a time, not by doubling: at most one chunk is unused,
// where a doubled array is a third empty on average. An action index takes one byte: states with more than
// 254 enabled actions are rare (the TR world's have a few dozen at most), and their indices are kept apart.
// A parent takes one byte too: a breadth-first search expands its states in the order of their ids, so the parents
// of states in discovery order never decrease, and by little (the states expanded in between that found nothing
// new). The log keeps that difference, and each 64th parent whole, so a parent is read back by summing at most 63
// bytes (only traces read parents); a parent that is not 0-254 above the one before is kept apart.
import { StoreLimitError } from '../StoreLimitError.ts';

/** Entries per chunk (16 KiB of parents, as many of actions, 1 KiB of marks). */
const chunkBits = 14;
const chunkSize = 1 << chunkBits;
const chunkMask = chunkSize - 1;
/** A parent kept whole every 2^markBits entries. */
const markBits = 6;
const markMask = (1 << markBits) - 1;
/** A byte that says: the parent, or the action index, is kept apart (`wideParents`, `wideActions`). */
const wide = 255;
/** State ids are non-negative int32 numbers. */
export const maxParentLogStates = 2 ** 31;

/** A parent log's arrays (ParentLog.chunks). */
export interface ParentChunks {
  readonly length: number;
  /** Per chunk: each 64th parent, whole. */
  readonly marks: readonly Int32Array[];
  /** Per chunk: each parent as its difference from the one before. */
  readonly steps: readonly Uint8Array[];
  readonly actions: readonly Uint8Array[];
  readonly wideParents: readonly (readonly [number, number])[];
  readonly wideActions: readonly (readonly [number, number])[];
}

/** The buffers of a log's arrays, to transfer (not copy) with them to another thread. */
export function chunkBuffers(chunks: ParentChunks): ArrayBuffer[] {
  return [...chunks.marks, ...chunks.steps, ...chunks.actions].map((chunk) => chunk.buffer as ArrayBuffer);
}

export class ParentLog {
  /** `maxStates`: the log's ceiling (2^31 by default; a test lowers it); pushing past it throws StoreLimitError. */
  constructor(private readonly maxStates: number = maxParentLogStates) {}

  private readonly markChunks: Int32Array[] = [new Int32Array(chunkSize >> markBits)];
  private readonly stepChunks: Uint8Array[] = [new Uint8Array(1 << 10)];
  private readonly actionChunks: Uint8Array[] = [new Uint8Array(1 << 10)];
  /** Parents, and action indices, that do not fit their byte, by state index (the byte holds `wide`). */
  private readonly wideParents = new Map<number, number>();
  private readonly wideActions = new Map<number, number>();
  /** The last chunk, and how many of its entries are in use. */
  private marks = this.markChunks[0]!;
  private steps = this.stepChunks[0]!;
  private actions = this.actionChunks[0]!;
  private filled = 0;
  private lastParent = 0;
  length = 0;

  /** `parent` is a state id, or -1 - i for the i-th initial state. */
  push(parent: number, action: number): void {
    if (this.length >= this.maxStates) throw new StoreLimitError('ParentLog', `more than ${this.maxStates} states`);
    if (this.filled === this.steps.length) this.grow();
    const at = this.filled++;
    if ((at & markMask) === 0) this.marks[at >> markBits] = parent;
    else {
      const step = parent - this.lastParent;
      if (step >= 0 && step < wide) this.steps[at] = step;
      else {
        this.steps[at] = wide;
        this.wideParents.set(this.length, parent);
      }
    }
    this.lastParent = parent;
    if (action >= wide) this.wideActions.set(this.length, action);
    this.actions[at] = Math.min(action, wide);
    this.length++;
  }

  parent(index: number): number {
    const chunk = index >>> chunkBits;
    const at = index & chunkMask;
    let parent = 0;
    for (let i = at & ~markMask; i <= at; i++) parent = this.decode(chunk, i, parent);
    return parent;
  }

  /** The parent at place `at` of chunk `chunk`, from the one before it, `before` (none at a mark). */
  private decode(chunk: number, at: number, before: number): number {
    if ((at & markMask) === 0) return this.markChunks[chunk]![at >> markBits]!;
    const step = this.stepChunks[chunk]![at]!;
    return step === wide ? this.wideParents.get((chunk << chunkBits) + at)! : before + step;
  }

  action(index: number): number {
    const byte = this.actionChunks[index >>> chunkBits]![index & chunkMask]!;
    return byte === wide ? this.wideActions.get(index)! : byte;
  }

  /** Bytes allocated (capacity, not just the used part; an entry kept apart counted as 16 bytes, about what a Map
   *  holds for it). */
  get bytes(): number {
    const sum = (chunks: readonly ArrayBufferView[]) => chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
    return sum(this.markChunks) + sum(this.stepChunks) + sum(this.actionChunks) + 16 * (this.wideParents.size + this.wideActions.size);
  }

  /** The log's own arrays, to move to another thread (their buffers transferred, not copied: a large search's log is
   *  gigabytes; `chunkBuffers`) and read there with `ParentLog.of`. The log must not be used after. */
  chunks(): ParentChunks {
    return {
      length: this.length,
      marks: this.markChunks,
      steps: this.stepChunks,
      actions: this.actionChunks,
      wideParents: [...this.wideParents],
      wideActions: [...this.wideActions],
    };
  }

  /** A log of the arrays `chunks` gave, for reading. */
  static of(chunks: ParentChunks): ParentLog {
    const log = new ParentLog();
    log.markChunks.splice(0, 1, ...chunks.marks);
    log.stepChunks.splice(0, 1, ...chunks.steps);
    log.actionChunks.splice(0, 1, ...chunks.actions);
    for (const [index, parent] of chunks.wideParents) log.wideParents.set(index, parent);
    for (const [index, action] of chunks.wideActions) log.wideActions.set(index, action);
    log.length = chunks.length;
    return log;
  }

  /** Copies of the used part, whole, for sending to another thread. */
  export(): { parents: Int32Array; actions: Uint16Array } {
    const parents = new Int32Array(this.length);
    const actions = new Uint16Array(this.length);
    let parent = 0;
    for (let i = 0; i < this.length; i++) {
      parent = this.decode(i >>> chunkBits, i & chunkMask, parent);
      parents[i] = parent;
      actions[i] = this.action(i);
    }
    return { parents, actions };
  }

  private grow(): void {
    const last = this.stepChunks.length - 1;
    if (this.steps.length < chunkSize) {
      // The first chunk doubles up to a full chunk, so a small search holds a small log.
      const steps = new Uint8Array(this.steps.length * 2);
      steps.set(this.steps);
      const actions = new Uint8Array(this.actions.length * 2);
      actions.set(this.actions);
      this.stepChunks[last] = this.steps = steps;
      this.actionChunks[last] = this.actions = actions;
      return;
    }
    this.markChunks.push((this.marks = new Int32Array(chunkSize >> markBits)));
    this.stepChunks.push((this.steps = new Uint8Array(chunkSize)));
    this.actionChunks.push((this.actions = new Uint8Array(chunkSize)));
    this.filled = 0;
  }
}
