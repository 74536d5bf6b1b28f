// One thread's part of the shared-memory exhaustive search (the main thread and each helper run one):
// claims chunks of the current level's id range, expands those states and inserts successors into the
// shared visited set with a compare-and-swap, so each distinct state is claimed by exactly one thread.
import type { FoundViolation } from '../exhaustive/LevelExplorer.ts';
import { mix32 } from '../exhaustive/mix32.ts';
import { PendingInvariants } from '../exhaustive/PendingInvariants.ts';
import type { Invariant } from '../Property.ts';
import type { System } from '../System.ts';
import { isStoreLimit } from '../StoreLimitError.ts';
import { blockIds, chunkStates, CutCode, holeParent, Stat, Status, Word, type SharedArrays } from './SharedSearchMemory.ts';

export class SharedExplorer<A> {
  private table!: Int32Array;
  private mask = 0;
  private parents!: Int32Array;
  private actions!: Uint16Array;
  private values!: Float64Array;
  /** This thread's reserved ids: [next, end). */
  private next = 0;
  private end = 0;
  /** Work claimed and not finished: frontier ids [chunkAt, chunkEnd); the first `skip` successors of chunkAt are done. */
  private chunkAt = 0;
  private chunkEnd = 0;
  private skip = 0;
  private levelEnd = 0;
  private depth = 0;
  private status = 0;
  transitions = 0;
  states = 0;
  holes = 0;
  busyMillis = 0;
  readonly found: FoundViolation[] = [];
  private readonly pendingInvariants: PendingInvariants<number>;
  // Hot-path context of the state being expanded, read by `visit`.
  private currentId = 0;
  private actionCounter = 0;

  constructor(
    private readonly system: System<number, A>,
    invariants: readonly Invariant<number>[],
    private readonly control: Int32Array,
    private readonly stats: Float64Array,
    /** Float64 words per thread in `stats` (statsStride of the search's property count). */
    private readonly stride: number,
    private readonly index: number,
    /** performance.now() value after which this thread stops (read only to stop). */
    private readonly deadline: number,
    private readonly stopAtFirst: boolean,
  ) {
    this.pendingInvariants = new PendingInvariants(invariants);
  }

  /** Uses these arrays from now on (after a growth, the same contents in bigger arrays). */
  bind(arrays: SharedArrays): void {
    this.table = new Int32Array(arrays.table);
    this.mask = this.table.length - 1;
    this.parents = new Int32Array(arrays.parents);
    this.actions = new Uint16Array(arrays.actions);
    this.values = new Float64Array(arrays.values);
  }

  /** Level 0 (main thread, alone): stores the initial states. Returns a Status. */
  seed(): number {
    const initial = this.system.initialStates();
    for (let i = 0; i < initial.length; i++) {
      this.currentId = -1 - i;
      this.actionCounter = 0;
      this.depth = -1;
      this.visit(0 as A, initial[i]!);
      if (this.status !== 0) {
        this.publish(this.status);
        return this.status;
      }
    }
    this.releaseBlock();
    // Storing an initial state is not a transition.
    this.transitions = 0;
    this.publish(Status.done);
    return Status.done;
  }

  /** Starts a level: its id range ends at the levelEnd word, its states are at the depth word. */
  beginLevel(): void {
    this.readLevel();
    this.chunkAt = this.chunkEnd = this.skip = 0;
  }

  /** Reads the level under way, keeping any unfinished chunk (a helper parked during a level the
   *  main thread began alone is woken by a growth's resume, and then works on that level too). */
  readLevel(): void {
    this.levelEnd = Atomics.load(this.control, Word.levelEnd);
    this.depth = Atomics.load(this.control, Word.depth);
  }

  /** Works on the level from where this thread stopped, until it is done, blocked or cut; publishes
   *  the figures and returns the Status. `onChunk` runs between chunks (the main thread lets helpers join there). */
  work(onChunk?: () => void): number {
    const began = performance.now();
    this.status = 0;
    const status = this.run(onChunk);
    this.busyMillis += performance.now() - began;
    this.publish(status);
    return status;
  }

  private run(onChunk: (() => void) | undefined): number {
    const control = this.control;
    const parents = this.parents;
    for (;;) {
      while (this.chunkAt < this.chunkEnd) {
        const id = this.chunkAt;
        if (parents[id] !== holeParent) {
          if (!this.expandWithinStores(id)) return Status.cut;
          if (this.status !== 0) return this.status;
        }
        this.chunkAt++;
        this.skip = 0;
      }
      if (Atomics.load(control, Word.cut) !== CutCode.none) return Status.cut;
      if (performance.now() > this.deadline) {
        Atomics.compareExchange(control, Word.cut, CutCode.none, CutCode.time);
        return Status.cut;
      }
      onChunk?.();
      const start = this.claimChunk();
      if (start >= this.levelEnd) {
        this.releaseBlock();
        return Status.done;
      }
      this.chunkAt = start;
      this.chunkEnd = Math.min(start + this.chunkSize(start), this.levelEnd);
    }
  }

  /** Expands state `id`; false when a store could not grow (StoreLimitError or an allocation refused), which cuts
   *  the search for every thread with limit 'memory' (the state may be left half-expanded: nothing is concluded). */
  private expandWithinStores(id: number): boolean {
    try {
      this.expand(id);
      return true;
    } catch (error) {
      if (!isStoreLimit(error)) throw error;
      Atomics.compareExchange(this.control, Word.cut, CutCode.none, CutCode.memory);
      return false;
    }
  }

  /** Claims the next chunk of the level; its start (at or past levelEnd when none is left). */
  private claimChunk(): number {
    const control = this.control;
    for (;;) {
      const at = Atomics.load(control, Word.cursor);
      if (at >= this.levelEnd) return at;
      if (Atomics.compareExchange(control, Word.cursor, at, at + this.chunkSize(at)) === at) return at;
    }
  }

  /** Chunks shrink towards a level's end (an eighth of what is left, at least 16 states), so the
   *  threads reach the barrier at nearly the same time. */
  private chunkSize(at: number): number {
    return Math.max(16, Math.min(chunkStates, (this.levelEnd - at) >> 3));
  }

  private expand(id: number): void {
    const system = this.system;
    const state = this.values[id]!;
    this.currentId = id;
    this.actionCounter = 0;
    if (system.forEachSuccessor !== undefined) {
      system.forEachSuccessor(state, this.visit);
    } else {
      const actions = system.enabled(state);
      for (let j = 0; j < actions.length && this.status === 0; j++) this.visit(actions[j]!, system.step(state, actions[j]!));
    }
  }

  private readonly visit = (_action: A, next: number): void => {
    const actionIndex = this.actionCounter++;
    if (this.status !== 0 || actionIndex < this.skip) return;
    const key = typeof next === 'number' ? this.system.key(next) : -1;
    // Only numeric states with keys below 2^32 - 1 fit the shared arrays; the caller falls back otherwise.
    if (typeof key !== 'number' || key >>> 0 !== key || key === 0xffffffff) {
      this.status = Status.unpackable;
      return;
    }
    const stored = (key + 1) | 0;
    const table = this.table;
    const mask = this.mask;
    let slot = mix32(1, key) & mask;
    for (;;) {
      let v = table[slot]!;
      if (v === 0) {
        // A new state needs an id before it can be claimed; without one, wait at the barrier and redo this step.
        if (this.next === this.end && !this.reserve()) {
          this.status = Status.blocked;
          this.skip = actionIndex;
          return;
        }
        v = Atomics.compareExchange(table, slot, 0, stored);
        if (v === 0) {
          this.transitions++;
          this.register(next, actionIndex);
          return;
        }
      }
      if (v === stored) {
        this.transitions++;
        return;
      }
      slot = (slot + 1) & mask;
    }
  };

  private register(state: number, actionIndex: number): void {
    if (actionIndex > 0xffff) throw new RangeError('more than 65536 actions enabled in one state');
    const id = this.next++;
    this.parents[id] = this.currentId;
    this.actions[id] = actionIndex;
    this.values[id] = state;
    this.states++;
    if (!this.pendingInvariants.allHold(state)) this.reportViolations(state, id);
  }

  /** Rare, so kept out of `register`: each invariant `state` breaks is found once (`publish` has
   *  room for one entry per invariant). */
  private reportViolations(state: number, id: number): void {
    for (const property of this.pendingInvariants.violatedBy(state) ?? []) this.found.push({ property, depth: this.depth + 1, state: id, action: -1 });
    if (this.stopAtFirst) {
      Atomics.compareExchange(this.control, Word.cut, CutCode.none, CutCode.stopAtFirst);
      this.status = Status.cut;
    }
  }

  /** Reserves the next block of ids under the idLimit word; false when none is left. */
  private reserve(): boolean {
    const control = this.control;
    for (;;) {
      const at = Atomics.load(control, Word.nextId);
      const limit = Atomics.load(control, Word.idLimit);
      if (at >= limit) return false;
      const take = Math.min(blockIds, limit - at);
      if (Atomics.compareExchange(control, Word.nextId, at, at + take) === at) {
        this.next = at;
        this.end = at + take;
        return true;
      }
    }
  }

  /** At a level's end: the unused rest of the reserved block goes back to the counter if no block was
   *  reserved after it (always, on a level the main thread does alone); else it becomes holes, which
   *  the next level skips. */
  private releaseBlock(): void {
    if (this.next < this.end && Atomics.compareExchange(this.control, Word.nextId, this.end, this.next) === this.end) {
      this.next = this.end = 0;
      return;
    }
    for (let id = this.next; id < this.end; id++) this.parents[id] = holeParent;
    this.holes += this.end - this.next;
    this.next = this.end = 0;
  }

  private publish(status: number): void {
    const base = this.index * this.stride;
    const stats = this.stats;
    stats[base + Stat.status] = status;
    stats[base + Stat.transitions] = this.transitions;
    stats[base + Stat.states] = this.states;
    stats[base + Stat.holes] = this.holes;
    stats[base + Stat.busyMillis] = this.busyMillis;
    stats[base + Stat.found] = this.found.length;
    this.found.forEach((f, i) => {
      const at = base + Stat.first + 4 * i;
      stats[at] = f.property;
      stats[at + 1] = f.depth;
      stats[at + 2] = f.state;
      stats[at + 3] = f.action;
    });
  }
}

/** The figures a thread published at its last barrier. */
export function readStats(stats: Float64Array, stride: number, index: number): {
  status: number;
  transitions: number;
  states: number;
  holes: number;
  busyMillis: number;
  found: FoundViolation[];
} {
  const base = index * stride;
  const found: FoundViolation[] = [];
  for (let i = 0; i < stats[base + Stat.found]!; i++) {
    const at = base + Stat.first + 4 * i;
    found.push({ property: stats[at]!, depth: stats[at + 1]!, state: stats[at + 2]!, action: stats[at + 3]! });
  }
  return {
    status: stats[base + Stat.status]!,
    transitions: stats[base + Stat.transitions]!,
    states: stats[base + Stat.states]!,
    holes: stats[base + Stat.holes]!,
    busyMillis: stats[base + Stat.busyMillis]!,
    found,
  };
}
