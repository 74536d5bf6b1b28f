// One thread's share of a level-synchronous breadth-first search: expands the current level,
// keeps the states it owns (all of them when alone) and hands the others to one outbox per owner.
// Serial search is this with one owner; the parallel search runs one per worker.

export type { Batch } from './Outbox.ts';
import type { Invariant, TraceProperty } from '../Property.ts';
import type { StateKey, System } from '../System.ts';
import { Fingerprinter } from './Fingerprinter.ts';
import { FingerprintSet } from './FingerprintSet.ts';
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
  /** Heap bytes in use past which the search stops, inconclusive, rather than let V8 abort it with no verdict
   *  (read every `checkClockEvery` states, like the clock). Absent: no budget. */
  readonly memoryBudget?: number;
  readonly stopAtFirst: boolean;
}

const checkClockEvery = 1024;

export class LevelExplorer<S, A> {
  readonly visited: FingerprintSet;
  readonly parents = new ParentLog();
  readonly found: FoundViolation[] = [];
  private readonly fp = new Fingerprinter();
  private readonly monitors: MonitorTable<S, A>;
  private readonly system: System<S, A>;
  /** The key this search compares states by: a parallel search needs keys equal across threads. */
  private readonly keyOf: (state: S) => StateKey;
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
  /** Parallel only: per owner, the states found for it during the last `expand` (own slot unused). */
  private outboxes: Outbox<S>[] = [];

  // Hot-path context of the state being expanded, read by `visit`.
  private current!: S;
  private currentId = 0;
  private currentMonitor = 0;
  private actionCounter = 0;

  constructor(private readonly setup: ExplorerSetup<S, A>) {
    this.system = setup.system;
    this.owner = setup.owner;
    this.owners = setup.owners;
    const portableKey = setup.owners > 1 ? setup.system.portableKey : undefined;
    this.keyOf = portableKey === undefined ? (state) => this.system.key(state) : (state) => portableKey.call(this.system, state);
    this.visited = new FingerprintSet(setup.initialCapacity);
    this.monitors = new MonitorTable(setup.traceProperties);
    this.pendingInvariants = new PendingInvariants(setup.invariants);
    this.traceSeen = setup.traceProperties.map(() => false);
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
    const initial = this.system.initialStates();
    for (let i = 0; i < initial.length; i++) {
      const state = initial[i]!;
      const monitor = this.monitors.initial(state);
      this.fingerprint(state, monitor);
      if (this.owners > 1 && this.ownerOf() !== this.owner) continue;
      if (this.visited.add(this.fp.hi, this.fp.lo)) this.register(state, monitor, -1 - i, 0, this.fp.hi);
    }
    this.promote();
  }

  /** Expands every state of the current level; new states go to the next level or the outbox. */
  expand(): void {
    const system = this.system;
    const frontier = this.frontier;
    const fast = system.forEachSuccessor?.bind(system);
    if (this.owners > 1) this.outboxes = Array.from({ length: this.owners }, () => new Outbox<S>(this.monitors.count > 0));
    for (let i = 0; i < frontier.length && this.cut === undefined; i++) {
      const state = frontier[i]!;
      this.current = state;
      this.currentId = this.globalId(this.frontierStart + i);
      this.currentMonitor = this.monitors.count > 0 ? this.frontierMonitors[i]! : 0;
      this.actionCounter = 0;
      if (fast !== undefined) {
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
        else if (this.setup.memoryBudget !== undefined && process.memoryUsage().heapUsed > this.setup.memoryBudget) this.cut = 'memory';
      }
    }
  }

  /** Parallel only: what the last `expand` found for each owner (index = owner; this explorer's own entry is empty). */
  takeOutboxes(): Batch<S>[] {
    const batches = this.outboxes.map((outbox) => outbox.seal());
    this.outboxes = [];
    return batches;
  }

  /** Adds states another explorer discovered for this one (they belong to the next level). */
  absorb(batch: Batch<S>): void {
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

  /** Bytes of the visited set and parent pointers. */
  get bytes(): { readonly visited: number; readonly parents: number } {
    return { visited: this.visited.bytes, parents: this.parents.bytes };
  }

  private readonly visit = (action: A, next: S): void => {
    const actionIndex = this.actionCounter++;
    if (this.cut !== undefined) return;
    this.transitions++;
    let monitor = this.currentMonitor;
    if (this.monitors.count > 0) {
      monitor = this.monitors.advance(monitor, this.current, action, next, (property) => {
        if (this.traceSeen[property]) return;
        this.traceSeen[property] = true;
        this.report({
          property: this.setup.invariants.length + property,
          depth: this.depth + 1,
          state: this.currentId,
          action: actionIndex,
        });
      });
    }
    this.fingerprint(next, monitor);
    const owner = this.owners > 1 ? this.ownerOf() : this.owner;
    if (owner !== this.owner) {
      const portable = this.system.portable === undefined ? next : (this.system.portable(next) as S);
      this.outboxes[owner]!.push(this.fp.hi, this.fp.lo, this.currentId, actionIndex, portable, this.monitors, monitor);
      return;
    }
    if (this.visited.add(this.fp.hi, this.fp.lo)) this.register(next, monitor, this.currentId, actionIndex, this.fp.hi);
  };

  private promote(): void {
    this.frontierStart = this.parents.length - this.next.length;
    this.frontier = this.next;
    this.frontierMonitors = this.nextMonitors;
    this.next = [];
    this.nextMonitors = [];
    if (this.frontier.length > this.peakFrontier) this.peakFrontier = this.frontier.length;
  }

  private fingerprint(state: S, monitor: number): void {
    this.fp.of(this.keyOf(state), this.monitors.codes[monitor]!, this.monitors.texts[monitor]!);
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

  /** Rare, so kept out of `register`: each invariant `state` breaks is reported once. */
  private reportViolations(state: S, depth: number, id: number): void {
    for (const property of this.pendingInvariants.violatedBy(state) ?? []) this.report({ property, depth, state: id, action: -1 });
  }

  private report(violation: FoundViolation): void {
    this.found.push(violation);
    if (this.setup.stopAtFirst) this.cut = 'stop-at-first';
  }
}
