// One thread's share of a level-synchronous breadth-first search: expands the current level,
// keeps the states it owns (all of them when alone) and hands the others to one outbox per owner.
// Serial search is this with one owner; the parallel search runs one per worker. Alone, it can
// expand a state through the system's ample set instead of every enabled action, or leave out the steps the
// action that reached the state makes redundant (partial-order reduction: docs/engine.md).

export type { Batch } from './Outbox.ts';
import type { Invariant, TraceProperty } from '../Property.ts';
import { isStoreLimit } from '../StoreLimitError.ts';
import type { StateKey, System } from '../System.ts';
import type { Visibility } from '../Visibility.ts';
import { checkAmple, checkedCompactKey } from './explorerChecks.ts';
import { Fingerprinter } from './Fingerprinter.ts';
import { FingerprintSet } from './FingerprintSet.ts';
import { KeyBitset } from './KeyBitset.ts';
import { overBudget } from './memoryBudget.ts';
import { mix32 } from './mix32.ts';
import { MonitorTable } from './MonitorTable.ts';
import { Outbox, type Batch } from './Outbox.ts';
import { ParentLog } from './ParentLog.ts';
import { PendingInvariants } from './PendingInvariants.ts';

/** Where a violation was first seen by this explorer: a state (invariant) or a step into it (trace property). */
export interface FoundViolation {
  /** Index into the properties given to the explorer (invariants first, then trace properties). */
  readonly property: number;
  /** Trace length. */
  readonly depth: number;
  /** Global id of the violating state (invariant) or of the state the violating step leaves (trace). */
  readonly state: number;
  /** Trace properties: index of the violating action among `state`'s enabled actions; -1 for invariants. */
  readonly action: number;
}

export interface ExplorerSetup<S, A> {
  readonly system: System<S, A>;
  readonly invariants: readonly Invariant<S>[];
  readonly traceProperties: readonly TraceProperty<S, A, unknown>[];
  readonly owner: number;
  readonly owners: number;
  readonly initialCapacity: number;
  readonly maxStates: number;
  /** performance.now() value after which the search stops (read only to stop). */
  readonly deadline: number;
  /** Bytes in use (V8's heap plus the memory outside it: the typed arrays of record pools, interning tables, the
   *  visited set and the parent log) past which the search stops, inconclusive, rather than let the process be
   *  aborted with no verdict (read every `checkClockEvery` states, like the clock). Absent: no budget. */
  readonly memoryBudget?: number;
  /** V8 heap bytes in use past which the search stops likewise (V8 aborts the process at its heap limit, whatever
   *  the memory outside the heap). Absent: no budget. */
  readonly heapBudget?: number;
  readonly stopAtFirst: boolean;
  /** Partial-order reduction (one owner only): what the properties read, for System.ample. Absent: every state is
   *  expanded fully. */
  readonly visible?: Visibility;
  /** Partial-order reduction by the action that reached a state (System.leavesOut), for a system that steps by key
   *  searched with a bitset of keys: every state is still found, at its depth. */
  readonly leaveOut?: boolean;
}

/** What partial-order reduction did so far (states expanded through an ample set, fully, and fully because of C3). */
export interface ReductionCounts {
  reduced: number;
  fullyExpanded: number;
  proviso: number;
}

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
  /** Counts of partial-order reduction; undefined when this explorer does not reduce. */
  readonly reduction: ReductionCounts | undefined;
  /** Reducing only: the fingerprints of the next level found so far (the cycle proviso tells them from older states). */
  private nextLevel: FingerprintSet | undefined;
  private readonly ample: ((state: S, actions: readonly A[], visible: Visibility) => readonly number[] | undefined) | undefined;
  /** Whether steps are left out by the action that reached a state (System.leavesOut); how many so far; and the
   *  action that first reached each state of the current level and of the next (undefined: an initial state). */
  readonly leavingOut: boolean;
  leftOut = 0;
  private frontierVia: (A | undefined)[] = [];
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
    this.pendingInvariants = new PendingInvariants(setup.invariants);
    this.traceSeen = setup.traceProperties.map(() => false);
    if (reduce && setup.owners !== 1) throw new Error('LevelExplorer: partial-order reduction needs one owner (its cycle proviso reads the whole visited set)');
    this.ample = reduce ? setup.system.ample!.bind(setup.system) : undefined;
    this.reduction = reduce ? { reduced: 0, fullyExpanded: 0, proviso: 0 } : undefined;
    this.nextLevel = reduce ? new FingerprintSet(1 << 10) : undefined;
    const system = setup.system;
    this.leavingOut =
      setup.leaveOut === true && this.seen !== undefined && system.leavesOut !== undefined && system.forEachSuccessorKey !== undefined && system.stateOfKey !== undefined;
  }

  get states(): number {
    return this.parents.length;
  }

  get frontierSize(): number {
    return this.frontier.length;
  }

  /** Global id of this explorer's local state `index`. */
  globalId(index: number): number {
    return index * this.owners + this.owner;
  }

  /** Level 0: keeps the initial states this explorer owns. */
  seed(): void {
    this.withinStores(() => this.seedStates());
    this.promote();
  }

  private seedStates(): void {
    const initial = this.system.initialStates();
    for (let i = 0; i < initial.length; i++) {
      const state = initial[i]!;
      const monitor = this.monitors.initial(state);
      if (this.seen !== undefined) {
        if (this.seen.add(this.compactKey(state))) {
          this.register(state, monitor, -1 - i, 0, exactHigh);
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
    const fast = system.forEachSuccessor?.bind(system);
    const byKey = this.seen !== undefined && system.stateOfKey !== undefined ? system.forEachSuccessorKey?.bind(system) : undefined;
    if (this.owners > 1) this.outboxes = Array.from({ length: this.owners }, () => new Outbox<S>(this.monitors.count > 0));
    for (let i = 0; i < frontier.length && this.cut === undefined; i++) {
      const state = frontier[i]!;
      this.current = state;
      this.currentId = this.globalId(this.frontierStart + i);
      this.currentMonitor = this.monitors.count > 0 ? this.frontierMonitors[i]! : 0;
      this.actionCounter = 0;
      if (this.ample !== undefined) {
        this.expandWithAmple(state, fast);
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
    return { visited: this.visited.bytes + (this.seen?.bytes ?? 0) + (this.nextLevel?.bytes ?? 0), parents: this.parents.bytes };
  }

  private readonly visit = (action: A, next: S): void => {
    const actionIndex = this.actionCounter++;
    if (this.cut !== undefined) return;
    this.transitions++;
    if (this.seen !== undefined) {
      if (this.seen.add(this.compactKey(next))) this.register(next, 0, this.currentId, actionIndex, exactHigh);
      return;
    }
    let monitor = this.currentMonitor;
    if (this.monitors.count > 0) {
      monitor = this.monitors.advance(monitor, this.current, action, next, (property) => this.traceViolated(property, actionIndex));
    }
    this.fingerprint(next, monitor);
    const owner = this.owners > 1 ? this.ownerOf() : this.owner;
    if (owner !== this.owner) {
      const portable = this.system.portable === undefined ? next : (this.system.portable(next) as S);
      this.outboxes[owner]!.push(this.fp.hi, this.fp.lo, this.currentId, actionIndex, portable, this.monitors, monitor);
      return;
    }
    if (this.visited.add(this.fp.hi, this.fp.lo)) {
      this.nextLevel?.add(this.fp.hi, this.fp.lo);
      this.register(next, monitor, this.currentId, actionIndex, this.fp.hi);
    }
  };

  /** `visit` for a system with compact keys that steps by key: the successor is built only when it is new. Key -1:
   *  a step the system left out (System.leavesOut). */
  private readonly visitKey = (action: A, key: number): void => {
    const actionIndex = this.actionCounter++;
    if (this.cut !== undefined) return;
    if (key === -1 && this.leavingOut) {
      this.leftOut++;
      return;
    }
    this.transitions++;
    if (this.seen!.add(checkedCompactKey(this.system.name, key))) {
      const level = this.next.length;
      this.register(this.system.stateOfKey!(key), 0, this.currentId, actionIndex, exactHigh);
      // The action that first reached the state, unless the state limit kept it out of the next level.
      if (this.leavingOut && this.next.length > level) this.nextVia.push(action);
    }
  };

  /** Expands the current state through its ample set, if the system offers a proper one and the cycle proviso
   *  accepts it; otherwise through every enabled action.
   *
   *  The cycle proviso (C3). Ample sets that satisfy C0-C2 (System.ample) are still unsound alone: the search could
   *  close a cycle of reduced states on which some action stays enabled and is left out at every state, and never
   *  take it (the ignoring problem; Clarke, Grumberg and Peled, "Model Checking", MIT Press 1999, ch. 10, condition
   *  C3: every cycle of the reduced graph contains a fully expanded state). A depth-first search checks C3 against
   *  its stack; a breadth-first one has none, and looks at its levels instead, as the BFS provisos of Bošnački and
   *  Holzmann ("Improving Spin's partial-order reduction for breadth-first search", SPIN 2005) look at the queue.
   *  Ours: a state of level d is reduced only if every successor through its ample set lies beyond level d, i.e. is
   *  new or was already found at level d + 1 while expanding level d; a successor at level d (the frontier being
   *  expanded) or before makes the state expanded fully.
   *  Why it suffices: every edge out of a reduced state then goes from level d to level d + 1. Were every state of
   *  a cycle of the explored graph reduced, levels would strictly increase all the way round it, which cannot be;
   *  so every such cycle has a fully expanded state, and C3 holds. (The simpler rule "every ample successor is
   *  new", i.e. every edge a discovery edge, is sound by the same argument on discovery order, but it also refuses
   *  every diamond where two interleavings meet at the next level, the very case reduction exists for: on the
   *  toys of the tests it explored up to 19% more states.) */
  private expandWithAmple(state: S, fast: ((state: S, visit: (action: A, next: S) => void) => void) | undefined): void {
    const actions = this.system.enabled(state);
    const visible = this.setup.visible!;
    const chosen = actions.length === 0 ? undefined : this.ample!(state, actions, visible);
    checkAmple(this.system.name, chosen, actions.length, visible);
    if (chosen !== undefined && chosen.length < actions.length && this.tryAmple(state, actions, chosen)) {
      this.reduction!.reduced++;
      return;
    }
    this.reduction!.fullyExpanded++;
    // The model's fast path, when it has one, is presumably cheaper than stepping each action again.
    if (fast !== undefined) return fast(state, this.visit);
    for (let j = 0; j < actions.length; j++) {
      const action = actions[j]!;
      this.visit(action, this.system.step(state, action));
    }
  }

  /** Expands the current state through the proper ample set `chosen` if the cycle proviso accepts it (see
   *  expandWithAmple); false, having changed nothing in the search, if it does not. */
  private tryAmple(state: S, actions: readonly A[], chosen: readonly number[]): boolean {
    const system = this.system;
    // First look, without touching the search: successors, monitors and fingerprints, each checked against C3.
    const n = chosen.length;
    const nexts: S[] = new Array(n);
    const monitors: number[] = new Array(n);
    const hi: number[] = new Array(n);
    const lo: number[] = new Array(n);
    let violations: number[] | undefined;
    for (let k = 0; k < n; k++) {
      const index = chosen[k]!;
      const action = actions[index]!;
      const next = system.step(state, action);
      let monitor = this.currentMonitor;
      if (this.monitors.count > 0) {
        monitor = this.monitors.advance(monitor, state, action, next, (property) => (violations ??= []).push(property, index));
      }
      this.fingerprint(next, monitor);
      if (this.visited.has(this.fp.hi, this.fp.lo) && !this.nextLevel!.has(this.fp.hi, this.fp.lo)) {
        this.reduction!.proviso++;
        return false;
      }
      nexts[k] = next;
      monitors[k] = monitor;
      hi[k] = this.fp.hi;
      lo[k] = this.fp.lo;
    }
    // Accepted: the ample steps are the state's only steps, and their successors all beyond this level.
    for (let v = 0; violations !== undefined && v < violations.length; v += 2) this.traceViolated(violations[v]!, violations[v + 1]!);
    for (let k = 0; k < n && this.cut === undefined; k++) {
      this.transitions++;
      if (this.visited.add(hi[k]!, lo[k]!)) {
        this.nextLevel!.add(hi[k]!, lo[k]!);
        this.register(nexts[k]!, monitors[k]!, this.currentId, chosen[k]!, hi[k]!);
      }
    }
    return true;
  }

  private promote(): void {
    this.frontierVia = this.nextVia;
    this.nextVia = [];
    this.frontierStart = this.parents.length - this.next.length;
    this.frontier = this.next;
    this.frontierMonitors = this.nextMonitors;
    this.next = [];
    this.nextMonitors = [];
    if (this.nextLevel !== undefined) this.nextLevel = new FingerprintSet(Math.max(1 << 10, 2 * this.frontier.length));
    if (this.frontier.length > this.peakFrontier) this.peakFrontier = this.frontier.length;
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

  /** Records a new state; `hi` is its fingerprint's high half (hashed fingerprints have the top bit set). */
  private register(state: S, monitor: number, parent: number, action: number, hi: number): void {
    if (this.parents.length >= this.setup.maxStates) {
      this.cut = 'states';
      return;
    }
    if (action > 0xffff) throw new RangeError('more than 65536 actions enabled in one state');
    const index = this.parents.length;
    this.parents.push(parent, action);
    if (hi >= 0x80000000) this.hashedStates++;
    this.next.push(state);
    if (this.monitors.count > 0) this.nextMonitors.push(monitor);
    const invariants = this.pendingInvariants.current;
    for (let i = 0; i < invariants.length; i++) {
      if (!invariants[i]!.holds(state)) return this.reportViolations(state, parent < 0 ? 0 : this.depth + 1, this.globalId(index));
    }
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
