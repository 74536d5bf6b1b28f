// What a LevelExplorer is given (ExplorerSetup) and what it reports (FoundViolation, ReductionCounts, ExplorerHandover).

import type { Invariant, TraceProperty } from '../Property.ts';
import type { System } from '../System.ts';
import type { Visibility } from '../Visibility.ts';
import type { PendingInvariants } from './PendingInvariants.ts';

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
  /** Symmetry reduction (one owner, no ample sets): the canonical representative of a state's orbit
   *  (System.symmetry); every state found is stored as it, so one state is kept per orbit. Leaving out steps is off
   *  with it unless `canonicalVia` is given (the argument is about the states themselves, not their representatives). */
  readonly canonical?: (state: S) => S;
  /** With `canonical`, for a system that steps by key: the canonical representative's key of a key. Absent: the
   *  explorer steps by state. */
  readonly canonicalKey?: (key: number) => number;
  /** With `canonicalKey`: the step that reaches the representative of the state of key `key`, reached by `action`
   *  (Symmetry.leaveOut.via), so that steps are left out under symmetry too. */
  readonly canonicalVia?: (key: number, action: A) => A;
}

/** What partial-order reduction did so far (states expanded through an ample set, fully, and fully because of C3). */
export interface ReductionCounts {
  reduced: number;
  fullyExpanded: number;
  proviso: number;
}

/** A keyed explorer between two levels (LevelExplorer.handover): the level it expands next, as keys, the action that
 *  first reached each of its states, the id of its first state, and the violations found and invariants pending. */
export interface ExplorerHandover<A> {
  readonly keys: readonly number[];
  readonly via: readonly (A | undefined)[];
  readonly frontierStart: number;
  readonly found: FoundViolation[];
  readonly pending: PendingInvariants<unknown>;
}
