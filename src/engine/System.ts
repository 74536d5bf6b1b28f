// The engine's view of a model: states, enabled actions, a pure step, a canonical key.
// The engine knows nothing of any protocol; models and examples implement this.

/** Canonical state key: two states are equal exactly when their keys are equal.
 *  A non-negative safe integer lets the engine store the state itself (packed states);
 *  a string is hashed to a 64-bit fingerprint. */
export type StateKey = number | string;

/** States (and actions) must survive structuredClone: worker-parallel searches send them between
 *  threads, where class instances would lose their methods. Plain objects, arrays, Maps and Sets are fine. */
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
  /** Canonical key of `state`; also equal across instances built from the same name and config,
   *  since parallel search compares keys computed in different worker threads. */
  key(state: S): StateKey;
  /** Stable printable label of an action ("SERVE(2)"); a trace stores labels, replay matches them. */
  actionLabel(action: A): string;
  /** JSON-safe view of a state, for traces and reports. */
  describeState(state: S): unknown;
  /** Optional cross-check used by replay: re-executes `actions` from `initial` on live actors (not the pure
   *  step) and returns the `describeState` view of every state reached, initial state first. */
  liveReplay?(initial: S, actions: readonly A[]): readonly unknown[];
}
