// One thread's share of a level-synchronous breadth-first search: expands the current level,
// keeps the states it owns (all of them when alone) and hands the others to one outbox per owner.
// Serial search is this with one owner; the parallel search runs one per worker. Alone, it can
// expand a state through the system's ample set instead of every enabled action, or leave out the steps the
// action that reached the state makes redundant (partial-order reduction: docs/engine.md).

export type { Batch } from './Outbox.ts';
import { isStoreLimit } from '../StoreLimitError.ts';
import type { StateKey, System } from '../System.ts';
import { AmpleExpansion, type AmpleHost } from './AmpleExpansion.ts';
import { checkedCompactKey } from './explorerChecks.ts';
import { Fingerprinter } from './Fingerprinter.ts';
import { FingerprintSet } from './FingerprintSet.ts';
import { KeyBitset } from './KeyBitset.ts';
import { overBudget } from './memoryBudget.ts';
import { mix32 } from './mix32.ts';
import { MonitorTable } from './MonitorTable.ts';
import { Outbox, type Batch } from './Outbox.ts';
import { ParentLog } from './ParentLog.ts';
import { PendingInvariants } from './PendingInvariants.ts';
import type { ExplorerHandover, ExplorerSetup, FoundViolation, ReductionCounts } from './ExplorerSetup.ts';

export type { ExplorerSetup, FoundViolation, ReductionCounts } from './ExplorerSetup.ts';

const checkClockEvery = 1024;
/** The fingerprint high half `register` is told for a state stored exactly (below 2^31: not hashed). */
const exactHigh = 1;

export class LevelExplorer<S, A> {
  /** States seen, by fingerprint; or by key alone (`seen`) when the system's keys are compact, nothing but the key
   *  names a state (no trace monitors) and one explorer sees every state. */
  private readonly visited: FingerprintSet;
  private readonly seen: KeyBitset | undefined;
  readonly parents = new ParentLog();
  readonly found: FoundViolation[] = [];
  private readonly fp = new Fingerprinter();
  private readonly monitors: MonitorTable<S, A>;
  private readonly system: System<S, A>;
  /** A parallel search compares states by keys equal across threads: the system's portable key when it has one. */
  private readonly portableKey: ((state: S) => StateKey) | undefined;
  private readonly owner: number;
  private readonly owners: number;
  private readonly pendingInvariants: PendingInvariants<S>;
  private readonly traceSeen: boolean[];
  private frontier: S[] = [];
  private frontierMonitors: number[] = [];
  private frontierStart = 0;
  private next: S[] = [];
  private nextMonitors: number[] = [];
  /** A system that steps by key (`forEachSuccessorKey`, `stateOfKey`) searched with a bitset of keys keeps its levels
   *  as keys, not states: a state is built from its key when it is expanded and dropped after, so no state object
   *  outlives a level (each one would be promoted to V8's old space and die there: most of a large search's garbage,
   *  its collection time and its resident memory beyond the counted stores, docs/engine.md). */
  private readonly keyed: boolean;
  private frontierKeys: number[] = [];
  private nextKeys: number[] = [];
  /** Level of the frontier's states. */
  depth = 0;
  transitions = 0;
  /** States expanded so far (the clock is read every `checkClockEvery` of them). */
  private expanded = 0;
  hashedStates = 0;
  peakFrontier = 0;
  /** Why this explorer stopped early, if it did. */
  cut: 'states' | 'time' | 'memory' | 'stop-at-first' | undefined;
  /** When a store reached its ceiling (cut 'memory'): which, and what it said. */
  storeLimit: string | undefined;
  /** Parallel only: per owner, the states found for it during the last `expand` (own slot unused). */
  private outboxes: Outbox<S>[] = [];
  /** Partial-order reduction through the system's ample sets; undefined when this explorer does not reduce. */
  private readonly ample: AmpleExpansion<S, A> | undefined;
  /** Whether steps are left out by the action that reached a state (System.leavesOut); how many so far; and the
   *  action that first reached each state of the current level and of the next (undefined: an initial state). */
  readonly leavingOut: boolean;
  leftOut = 0;
  private frontierVia: (A | undefined)[] = [];
  /** Symmetry reduction: the orbit representative of a state, and of a key (ExplorerSetup.canonical). */
  private readonly canonical: ((state: S) => S) | undefined;
  private readonly canonicalKey: ((key: number) => number) | undefined;
  private readonly canonicalVia: ((key: number, action: A) => A) | undefined;
  private nextVia: (A | undefined)[] = [];

  // Hot-path context of the state being expanded, read by `visit`.
  private current!: S;
  private currentId = 0;
  private currentMonitor = 0;
  private actionCounter = 0;

  constructor(private readonly setup: ExplorerSetup<S, A>) {
    this.system = setup.system;
    this.owner = setup.owner;
    this.owners = setup.owners;
    this.portableKey = setup.owners > 1 ? setup.system.portableKey?.bind(setup.system) : undefined;
    this.monitors = new MonitorTable(setup.traceProperties);
    const reduce = setup.visible !== undefined && setup.system.ample !== undefined;
    this.seen = setup.system.compactKeys === true && this.monitors.count === 0 && setup.owners === 1 && !reduce ? new KeyBitset() : undefined;
    this.visited = new FingerprintSet(this.seen === undefined ? setup.initialCapacity : 0);
    this.pendingInvariants = new PendingInvariants(setup.invariants, setup.system);
    this.traceSeen = setup.traceProperties.map(() => false);
    if (setup.canonical !== undefined && (setup.owners !== 1 || reduce)) throw new Error('LevelExplorer: symmetry reduction needs one owner and no ample sets');
    this.canonical = setup.canonical;
    this.canonicalKey = setup.canonicalKey;
    if (reduce && setup.owners !== 1) throw new Error('LevelExplorer: partial-order reduction needs one owner (its cycle proviso reads the whole visited set)');
    this.ample = reduce ? new AmpleExpansion(this.ampleHost(), setup.visible!) : undefined;
    const system = setup.system;
    this.leavingOut =
      setup.leaveOut === true && (setup.canonical === undefined || (setup.canonicalKey !== undefined && setup.canonicalVia !== undefined)) && this.seen !== undefined &&
      system.leavesOut !== undefined && system.forEachSuccessorKey !== undefined && system.stateOfKey !== undefined;
    this.canonicalVia = setup.canonicalVia;
    this.keyed = this.seen !== undefined && system.forEachSuccessorKey !== undefined && system.stateOfKey !== undefined;
  }

  get states(): number {
    return this.parents.length;
  }

  /** Counts of partial-order reduction; undefined when this explorer does not reduce. */
  get reduction(): ReductionCounts | undefined {
    return this.ample?.counts;
  }

  /** What the ample-set expansion reads and does here. */
  private ampleHost(): AmpleHost<S, A> {
    return {
      system: this.system,
      monitors: this.monitors,
      monitor: () => this.currentMonitor,
      fingerprint: (state, monitor) => {
        this.fingerprint(state, monitor);
        return this.fp;
      },
      stored: (hi, lo) => this.visited.has(hi, lo),
      take: (next, monitor, index, hi, lo) => {
        this.transitions++;
        if (!this.visited.add(hi, lo)) return false;
        this.register(next, monitor, this.currentId, index, hi);
        return true;
      },
      cut: () => this.cut !== undefined,
      traceViolated: (property, index) => this.traceViolated(property, index),
      visit: this.visit,
    };
  }

  get frontierSize(): number {
    return this.keyed ? this.frontierKeys.length : this.frontier.length;
  }

  /** States of the next level found so far. */
  private get nextSize(): number {
    return this.keyed ? this.nextKeys.length : this.next.length;
  }

  /** Global id of this explorer's local state `index`. */
  globalId(index: number): number {
    return index * this.owners + this.owner;
  }

  /** What a search on two threads goes on from (src/engine/pipeline/switchToPipeline.ts), between levels, when this
   *  explorer keeps its levels as keys of a system of records, alone, with nothing but invariants and no reduction
   *  but steps left out, and is not cut: the level to expand next, and the action that first reached each of its
   *  states (undefined: an initial state, or none kept when nothing is left out). */
  handover(): ExplorerHandover<A> | undefined {
    if (!this.keyed || this.owners !== 1 || this.monitors.count > 0 || this.ample !== undefined || this.canonical !== undefined || this.cut !== undefined) return undefined;
    return { keys: this.frontierKeys, via: this.frontierVia, frontierStart: this.frontierStart, found: this.found, pending: this.pendingInvariants };
  }

  /** Level 0: keeps the initial states this explorer owns. */
  seed(): void {
    this.withinStores(() => this.seedStates());
    this.promote();
  }

  private seedStates(): void {
    const initial = this.system.initialStates();
    for (let i = 0; i < initial.length; i++) {
      const state = this.canonical === undefined ? initial[i]! : this.canonical(initial[i]!);
      const monitor = this.monitors.initial(state);
      if (this.seen !== undefined) {
        const key = this.compactKey(state);
        if (this.seen.add(key)) {
          this.register(state, monitor, -1 - i, 0, exactHigh, key);
          if (this.leavingOut) this.nextVia.push(undefined);
        }
        continue;
      }
      this.fingerprint(state, monitor);
      if (this.owners > 1 && this.ownerOf() !== this.owner) continue;
      if (this.visited.add(this.fp.hi, this.fp.lo)) this.register(state, monitor, -1 - i, 0, this.fp.hi);
    }
  }

  /** Expands every state of the current level; new states go to the next level or the outbox. */
  expand(): void {
    this.withinStores(() => this.expandLevel());
  }

  /** Runs `work`; a store that cannot grow (StoreLimitError, or an allocation refused) ends the search with limit
   *  'memory' and what was explored so far, like the memory budget. The state being expanded may have been left
   *  half-expanded: the search is inconclusive, and every violation found so far has its whole path in the log. */
  private withinStores(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (!isStoreLimit(error)) throw error;
      this.cut = 'memory';
      this.storeLimit = error instanceof Error ? error.message : String(error);
    }
  }

  private expandLevel(): void {
    const system = this.system;
    const frontier = this.frontier;
    const keys = this.frontierKeys;
    const size = this.frontierSize;
    const fast = system.forEachSuccessor?.bind(system);
    const byKey =
      this.seen !== undefined && system.stateOfKey !== undefined && (this.canonical === undefined || this.canonicalKey !== undefined)
        ? system.forEachSuccessorKey?.bind(system)
        : undefined;
    if (this.owners > 1) this.outboxes = Array.from({ length: this.owners }, () => new Outbox<S>(this.monitors.count > 0));
    for (let i = 0; i < size && this.cut === undefined; i++) {
      const state = this.keyed ? system.stateOfKey!(keys[i]!) : frontier[i]!;
      this.current = state;
      this.currentId = this.globalId(this.frontierStart + i);
      this.currentMonitor = this.monitors.count > 0 ? this.frontierMonitors[i]! : 0;
      this.actionCounter = 0;
      if (this.ample !== undefined) {
        this.ample.expand(state, fast);
      } else if (byKey !== undefined) {
        // The action that reached the state (none kept when this explorer leaves nothing out).
        byKey(state, this.visitKey, this.frontierVia[i]);
      } else if (fast !== undefined) {
        fast(state, this.visit);
      } else {
        const actions = system.enabled(state);
        for (let j = 0; j < actions.length; j++) {
          const action = actions[j]!;
          this.visit(action, system.step(state, action));
        }
      }
      if ((++this.expanded & (checkClockEvery - 1)) === 0) {
        if (performance.now() > this.setup.deadline) this.cut = 'time';
        else if (this.overBudget()) this.cut = 'memory';
      }
    }
  }

  private overBudget(): boolean {
    return overBudget(this.setup.memoryBudget, this.setup.heapBudget);
  }

  /** Parallel only: what the last `expand` found for each owner (index = owner; this explorer's own entry is empty). */
  takeOutboxes(): Batch<S>[] {
    const batches = this.outboxes.map((outbox) => outbox.seal());
    this.outboxes = [];
    return batches;
  }

  /** Adds states another explorer discovered for this one (they belong to the next level). */
  absorb(batch: Batch<S>): void {
    this.withinStores(() => this.absorbBatch(batch));
  }

  private absorbBatch(batch: Batch<S>): void {
    for (let i = 0; i < batch.length && this.cut === undefined; i++) {
      const hi = batch.hi[i]!;
      if (!this.visited.add(hi, batch.lo[i]!)) continue;
      const sent = batch.states[i];
      const state = this.system.revive === undefined ? (sent as S) : this.system.revive(sent);
      const monitor = batch.monitors === undefined ? 0 : this.monitors.fromPortable(batch.monitors[i]!);
      this.register(state, monitor, batch.parent[i]!, batch.action[i]!, hi);
    }
  }

  /** Makes the next level current. */
  endLevel(): void {
    this.promote();
    this.depth++;
  }

  /** Bytes of the visited set (with the next level's set of the cycle proviso, when reducing) and parent pointers. */
  get bytes(): { readonly visited: number; readonly parents: number } {
    return { visited: this.visited.bytes + (this.seen?.bytes ?? 0) + (this.ample?.bytes ?? 0), parents: this.parents.bytes };
  }

  private readonly visit = (action: A, successor: S): void => {
    const actionIndex = this.actionCounter++;
    if (this.cut !== undefined) return;
    this.transitions++;
    let monitor = this.currentMonitor;
    if (this.monitors.count > 0) {
      monitor = this.monitors.advance(monitor, this.current, action, successor, (property) => this.traceViolated(property, actionIndex));
    }
    // Under symmetry the monitor reads the real step; the state is stored as its orbit's representative.
    const next = this.canonical === undefined ? successor : this.canonical(successor);
    if (this.seen !== undefined) {
      const key = this.compactKey(next);
      if (this.seen.add(key)) this.register(next, 0, this.currentId, actionIndex, exactHigh, key);
      return;
    }
    this.fingerprint(next, monitor);
    const owner = this.owners > 1 ? this.ownerOf() : this.owner;
    if (owner !== this.owner) {
      const portable = this.system.portable === undefined ? next : (this.system.portable(next) as S);
      this.outboxes[owner]!.push(this.fp.hi, this.fp.lo, this.currentId, actionIndex, portable, this.monitors, monitor);
      return;
    }
    if (this.visited.add(this.fp.hi, this.fp.lo)) {
      this.ample?.foundNext(this.fp.hi, this.fp.lo);
      this.register(next, monitor, this.currentId, actionIndex, this.fp.hi);
    }
  };

  /** `visit` for a system with compact keys that steps by key: the successor is built only when it is new. Key -1:
   *  a step the system left out (System.leavesOut). */
  private readonly visitKey = (action: A, successorKey: number): void => {
    const actionIndex = this.actionCounter++;
    if (this.cut !== undefined) return;
    if (successorKey === -1 && this.leavingOut) {
      this.leftOut++;
      return;
    }
    this.transitions++;
    const key = this.canonicalKey === undefined ? successorKey : this.canonicalKey(checkedCompactKey(this.system.name, successorKey));
    if (this.seen!.add(checkedCompactKey(this.system.name, key))) {
      const level = this.nextSize;
      this.registerKey(key, this.currentId, actionIndex);
      // The action that first reached the state (under symmetry, its representative), unless the state limit kept it
      // out of the next level.
      if (this.leavingOut && this.nextSize > level) this.nextVia.push(this.canonicalVia === undefined ? action : this.canonicalVia(successorKey, action));
    }
  };

  private promote(): void {
    this.frontierVia = this.nextVia;
    this.nextVia = [];
    this.frontierStart = this.parents.length - this.nextSize;
    this.frontier = this.next;
    this.frontierKeys = this.nextKeys;
    this.frontierMonitors = this.nextMonitors;
    this.next = [];
    this.nextKeys = [];
    this.nextMonitors = [];
    this.ample?.newLevel(this.frontier.length);
    if (this.frontierSize > this.peakFrontier) this.peakFrontier = this.frontierSize;
  }

  private fingerprint(state: S, monitor: number): void {
    const key = this.portableKey === undefined ? this.system.key(state) : this.portableKey(state);
    this.fp.of(key, this.monitors.codes[monitor]!, this.monitors.texts[monitor]!);
  }

  private compactKey(state: S): number {
    return checkedCompactKey(this.system.name, this.system.key(state));
  }

  private ownerOf(): number {
    return (mix32(this.fp.lo, this.fp.hi) >>> 16) % this.owners;
  }

  /** Records a new state; `hi` is its fingerprint's high half (hashed fingerprints have the top bit set); `key` its
   *  compact key, which a keyed explorer keeps in the level instead of the state. */
  private register(state: S, monitor: number, parent: number, action: number, hi: number, key = -1): void {
    const index = this.admit(parent, action);
    if (index < 0) return;
    if (hi >= 0x80000000) this.hashedStates++;
    if (this.keyed) this.nextKeys.push(key);
    else this.next.push(state);
    if (this.monitors.count > 0) this.nextMonitors.push(monitor);
    this.checkInvariants(state, parent, index);
  }

  /** `register` for a keyed explorer's new state by its key: the state is built only while some invariant is still
   *  to be checked, and dropped after. */
  private registerKey(key: number, parent: number, action: number): void {
    const index = this.admit(parent, action);
    if (index < 0) return;
    this.nextKeys.push(key);
    if (this.pendingInvariants.current.length > 0) this.checkInvariants(this.system.stateOfKey!(key), parent, index);
  }

  /** The index of a new state, its parent logged; -1 (the search cut) past the state limit. */
  private admit(parent: number, action: number): number {
    if (this.parents.length >= this.setup.maxStates) {
      this.cut = 'states';
      return -1;
    }
    if (action > 0xffff) throw new RangeError('more than 65536 actions enabled in one state');
    const index = this.parents.length;
    this.parents.push(parent, action);
    return index;
  }

  private checkInvariants(state: S, parent: number, index: number): void {
    if (!this.pendingInvariants.allHold(state)) this.reportViolations(state, parent < 0 ? 0 : this.depth + 1, this.globalId(index));
  }

  /** A step out of the current state, by its `actionIndex`-th enabled action, violates trace property `property`. */
  private traceViolated(property: number, actionIndex: number): void {
    if (this.traceSeen[property]) return;
    this.traceSeen[property] = true;
    this.report({ property: this.setup.invariants.length + property, depth: this.depth + 1, state: this.currentId, action: actionIndex });
  }

  /** Rare, so kept out of `register`: each invariant `state` breaks is reported once. */
  private reportViolations(state: S, depth: number, id: number): void {
    for (const property of this.pendingInvariants.violatedBy(state) ?? []) this.report({ property, depth, state: id, action: -1 });
  }

  private report(violation: FoundViolation): void {
    this.found.push(violation);
    if (this.setup.stopAtFirst) this.cut = 'stop-at-first';
  }
}
