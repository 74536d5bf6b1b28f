// Partial-order reduction through the system's ample sets (System.ample) in the one-thread level explorer: a state is
// expanded through its ample set when the system offers a proper one and the cycle proviso accepts it, otherwise
// through every enabled action (docs/engine.md, "Partial-order reduction").
//
// The cycle proviso (C3). Ample sets that satisfy C0-C2 are still unsound alone: the search could close a cycle of
// reduced states on which some action stays enabled and is left out at every state, and never take it (the ignoring
// problem; Clarke, Grumberg and Peled, "Model Checking", MIT Press 1999, ch. 10, condition C3: every cycle of the
// reduced graph contains a fully expanded state). A depth-first search checks C3 against its stack; a breadth-first
// one has none, and looks at its levels instead, as the BFS provisos of Bošnački and Holzmann ("Improving Spin's
// partial-order reduction for breadth-first search", SPIN 2005) look at the queue. Ours: a state of level d is reduced
// only if every successor through its ample set lies beyond level d, i.e. is new or was already found at level d + 1
// while expanding level d; a successor at level d (the frontier being expanded) or before makes the state expanded
// fully. Why it suffices: every edge out of a reduced state then goes from level d to level d + 1. Were every state of
// a cycle of the explored graph reduced, levels would strictly increase all the way round it, which cannot be; so
// every such cycle has a fully expanded state, and C3 holds. (The simpler rule "every ample successor is new", i.e.
// every edge a discovery edge, is sound by the same argument on discovery order, but it also refuses every diamond
// where two interleavings meet at the next level, the very case reduction exists for: on the toys of the tests it
// explored up to 19% more states.)
import type { System } from '../System.ts';
import type { Visibility } from '../Visibility.ts';
import type { ReductionCounts } from './ExplorerSetup.ts';
import { checkAmple } from './explorerChecks.ts';
import { FingerprintSet } from './FingerprintSet.ts';
import type { MonitorTable } from './MonitorTable.ts';

/** What the expansion reads and does in the explorer it serves, about the state being expanded. */
export interface AmpleHost<S, A> {
  readonly system: System<S, A>;
  readonly monitors: MonitorTable<S, A>;
  /** The monitor of the state being expanded. */
  monitor(): number;
  /** The fingerprint of `state` under `monitor` (valid until the next call). */
  fingerprint(state: S, monitor: number): { readonly hi: number; readonly lo: number };
  /** Whether a state of this fingerprint is stored. */
  stored(hi: number, lo: number): boolean;
  /** Takes the step by the `index`-th enabled action to `next`: counts it, and stores `next` when new (true). */
  take(next: S, monitor: number, index: number, hi: number, lo: number): boolean;
  /** Whether the search was cut. */
  cut(): boolean;
  traceViolated(property: number, index: number): void;
  /** Takes a step to `next` as a full expansion does. */
  readonly visit: (action: A, next: S) => void;
}

export class AmpleExpansion<S, A> {
  readonly counts: ReductionCounts = { reduced: 0, fullyExpanded: 0, proviso: 0 };
  /** The fingerprints of the next level found so far (the proviso tells them from older states). */
  private nextLevel = new FingerprintSet(1 << 10);
  private readonly ample: NonNullable<System<S, A>['ample']>;

  constructor(
    private readonly host: AmpleHost<S, A>,
    private readonly visible: Visibility,
  ) {
    this.ample = host.system.ample!.bind(host.system);
  }

  /** Expands `state` (the host's current one) through its ample set, or through every enabled action. */
  expand(state: S, fast: ((state: S, visit: (action: A, next: S) => void) => void) | undefined): void {
    const { system, visit } = this.host;
    const actions = system.enabled(state);
    const chosen = actions.length === 0 ? undefined : this.ample(state, actions, this.visible);
    checkAmple(system.name, chosen, actions.length, this.visible);
    if (chosen !== undefined && chosen.length < actions.length && this.tryAmple(state, actions, chosen)) {
      this.counts.reduced++;
      return;
    }
    this.counts.fullyExpanded++;
    // The model's fast path, when it has one, is presumably cheaper than stepping each action again.
    if (fast !== undefined) return fast(state, visit);
    for (let j = 0; j < actions.length; j++) {
      const action = actions[j]!;
      visit(action, system.step(state, action));
    }
  }

  /** A new state of the next level, found while expanding this one. */
  foundNext(hi: number, lo: number): void {
    this.nextLevel.add(hi, lo);
  }

  /** The next level begins, its frontier of `size` states. */
  newLevel(size: number): void {
    this.nextLevel = new FingerprintSet(Math.max(1 << 10, 2 * size));
  }

  get bytes(): number {
    return this.nextLevel.bytes;
  }

  /** Expands the state through the proper ample set `chosen` if the cycle proviso accepts it; false, having changed
   *  nothing in the search, if it does not. */
  private tryAmple(state: S, actions: readonly A[], chosen: readonly number[]): boolean {
    const host = this.host;
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
      const next = host.system.step(state, action);
      let monitor = host.monitor();
      if (host.monitors.count > 0) {
        monitor = host.monitors.advance(monitor, state, action, next, (property) => (violations ??= []).push(property, index));
      }
      const fp = host.fingerprint(next, monitor);
      if (host.stored(fp.hi, fp.lo) && !this.nextLevel.has(fp.hi, fp.lo)) {
        this.counts.proviso++;
        return false;
      }
      nexts[k] = next;
      monitors[k] = monitor;
      hi[k] = fp.hi;
      lo[k] = fp.lo;
    }
    // Accepted: the ample steps are the state's only steps, and their successors all beyond this level.
    for (let v = 0; violations !== undefined && v < violations.length; v += 2) host.traceViolated(violations[v]!, violations[v + 1]!);
    for (let k = 0; k < n && !host.cut(); k++) {
      if (host.take(nexts[k]!, monitors[k]!, chosen[k]!, hi[k]!, lo[k]!)) this.nextLevel.add(hi[k]!, lo[k]!);
    }
    return true;
  }
}
