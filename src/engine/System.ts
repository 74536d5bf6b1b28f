// The engine's view of a model: states, enabled actions, a pure step, a canonical key.
// The engine knows nothing of any protocol; models and examples implement this.
import type { Invariant } from './Property.ts';
import type { RecordSteps } from './RecordSteps.ts';
import type { Symmetry } from './Symmetry.ts';
import type { Visibility } from './Visibility.ts';

/** Canonical state key: two states are equal exactly when their keys are equal.
 *  A non-negative safe integer lets the engine store the state itself (packed states);
 *  a string is hashed to a 64-bit fingerprint. */
export type StateKey = number | string;

/** States (and actions) must survive structuredClone (worker-parallel searches send them between threads, where
 *  class instances would lose their methods; plain objects, arrays, Maps and Sets are fine), unless the system
 *  gives `portable` and `revive`, which the searches then use to move states. */
export interface System<S, A> {
  /** Registered name: replay rebuilds the system from `name` and `config`. */
  readonly name: string;
  /** The resolved configuration the system was built with (JSON-safe). */
  readonly config: unknown;
  /** Optional: the version of the model's definition. A trace records it, and replay refuses a trace recorded on
   *  another version rather than re-execute it on a model it was not found on. */
  readonly modelVersion?: string;
  /** Initial states, in a fixed order. */
  initialStates(): readonly S[];
  /** Actions enabled in `state`, in a fixed order: traces and seeds depend on it. */
  enabled(state: S): readonly A[];
  /** Successor of `state` under an enabled action. Pure: same inputs, same output. */
  step(state: S, action: A): S;
  /** Optional fast path: calls `visit` for each enabled action and its successor, in `enabled` order. */
  forEachSuccessor?(state: S, visit: (action: A, next: S) => void): void;
  /** Optional partial-order reduction: an ample set of the actions enabled in `state`, as indices into `actions`
   *  (which is `enabled(state)`, in its order), strictly increasing; undefined (or every index) expands `state`
   *  fully. Only the one-thread exhaustive search without a depth bound calls it, never on a state without enabled
   *  actions, and it enforces the cycle condition C3 itself (Clarke, Grumberg and Peled, "Model Checking", ch. 10).
   *  The model must guarantee the other three, in the full state graph, for every state it is called on:
   *  - C0: the set is not empty.
   *  - C1 (persistence): on every path from `state`, each action taken before the first action of the set is
   *    independent of every action of the set, whether it is enabled in `state` or becomes enabled later. Two
   *    actions are independent when, in every state where both are enabled, taking one leaves the other enabled
   *    and both orders reach states of equal key; otherwise they depend on each other.
   *  - C2 (invisibility): if the set leaves out any enabled action, every action in it is invisible to `visible`:
   *    in no state does it change a part of the state that `visible` names, and no name in `visible` stands for it
   *    (Property.reads). With 'all', every action is visible: return undefined (the engine refuses a proper subset).
   *  Pure like `step`: the same state, actions and visibility give the same set. */
  ample?(state: S, actions: readonly A[], visible: Visibility): readonly number[] | undefined;
  /** Canonical key of `state`: equal states have equal keys. Equal across instances built from the same name and
   *  config too, since parallel search compares keys computed in different worker threads, unless the system
   *  gives `portableKey`: then `key` may be made of this instance's own ids (exact small numbers), and searches
   *  that compare states across threads or instances use `portableKey`. */
  key(state: S): StateKey;
  /** Optional: every `key` is a non-negative integer below 2^31, and keys are handed out compactly (from a counter,
   *  or as offsets into an append-only store), so a one-thread search keeps the states it has seen as a bitset
   *  over keys, not a hash table. A system whose keys spread over their range must not set it. */
  readonly compactKeys?: boolean;
  /** Optional, with `compactKeys`: `forEachSuccessor` giving each successor's key instead of the successor, and the
   *  state a key names, so a search builds only the states it has not seen (most steps reach a known one). Given
   *  `via`, the action by which the search first reached `state`, every action that `leavesOut(via, action, state)`
   *  says may be left out is visited with key -1, its successor not computed (and so may be an action whose
   *  successor is that of one visited before with a key). */
  forEachSuccessorKey?(state: S, visit: (action: A, key: number) => void, via?: A): void;
  stateOfKey?(key: number): S;
  /** Optional, with `forEachSuccessorKey`: partial-order reduction by the action that reached a state
   *  (docs/engine.md, "Steps left out"). True for `state` = s only if, for every state q in which `via` is enabled
   *  with s = q.via (the answer may depend on s, never on which q): `action` is enabled in q, `via` is enabled in
   *  q.action, and q.action.via = q.via.action; and `action` comes before `via` in one strict total order of the
   *  actions, the same for every pair. A search then leaves out such an action of a state first reached by `via`:
   *  its target is reached, at the same depth, from another state. `forEachSuccessorKey` may also leave out an
   *  action whose successor is that of an action it visited before with a key, in the same call. */
  leavesOut?(via: A, action: A, state: S): boolean;
  /** Optional, with `compactKeys` and `leavesOut`: the states as byte records, for the search on two threads that keeps
   *  the records on one and expands them on the other (src/engine/pipeline). */
  readonly records?: RecordSteps<S, A>;
  /** Optional: the part of a state `invariant` reads and nothing else, when the system knows it, as an id: the
   *  invariant's answer is then a function of that id within one search, and a search asks each part's invariants
   *  once per id of the part, together (PendingInvariants). Undefined: the invariant is asked in every state. */
  partOf?(invariant: Invariant<S>): StatePart<S> | undefined;
  /** Optional symmetry reduction (Symmetry.ts): a group of permutations of like processes that maps the state graph
   *  onto itself. The one-thread exhaustive search, when asked (ExhaustiveOptions.symmetry) and when every property
   *  checked is preserved by the group, stores one state per orbit (its canonical representative), and maps a
   *  counterexample back to a real trace of the system before re-executing it. */
  readonly symmetry?: Symmetry<S, A>;
  /** Optional: a reduction the system makes on an assumption about its own state graph that it checks at every step
   *  it takes (a relay taken as steady while the role that makes it is seen never to stop making it). The one-thread
   *  exhaustive search asks `brokenBy()` when it ends: a step that broke the assumption (described), or undefined;
   *  broken, it searches `without()` instead, a system with the same states and steps but no such reduction, and says
   *  so (ExplorationStats.assumption). The threaded searches search `without()` from the start. Every run of the
   *  reduced system is one of `without()`, and `step` takes the actions of both. */
  readonly assumed?: AssumedReduction<S, A>;
  /** Optional: a key equal across instances, for systems whose `key` is instance-local. */
  portableKey?(state: S): StateKey;
  /** Optional, with `revive`: a structuredClone-safe form of `state` that any instance built from the same name
   *  and config turns back into its own state, for systems whose states hold instance-local ids. */
  portable?(state: S): unknown;
  revive?(portable: unknown): S;
  /** Optional, for liveness (LivenessProperty.ts): the weak-fairness class of an action enabled in `state`, or
   *  undefined when the action is not assumed fair (an attacker's move, a fault, an optional decision). Weak
   *  fairness per class: a run on which some action of a class stays enabled from some point on takes an action of
   *  that class infinitely often. Absent: no action is fair, and a run may stop anywhere. */
  fairness?(state: S, action: A): string | undefined;
  /** Stable printable label of an action ("SERVE(2)"); a trace stores labels, replay matches them. */
  actionLabel(action: A): string;
  /** JSON-safe view of a state, for traces and reports. */
  describeState(state: S): unknown;
  /** Optional cross-check used by replay: re-executes `actions` from `initial` on live actors (not the pure
   *  step) and returns the `describeState` view of every state reached, initial state first. */
  liveReplay?(initial: S, actions: readonly A[]): readonly unknown[];
}

export interface AssumedReduction<S, A> {
  /** What is assumed, in a few words ("kept relays"). */
  readonly name: string;
  brokenBy(): string | undefined;
  without(): System<S, A>;
}

/** A part of a state (System.partOf), named, with an id a non-negative integer: equal parts, equal ids, in one search. */
export interface StatePart<S> {
  readonly name: string;
  id(state: S): number;
}
