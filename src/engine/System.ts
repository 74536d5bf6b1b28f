// The engine's view of a model: states, enabled actions, a pure step, a canonical key.
// The engine knows nothing of any protocol; models and examples implement this.

/** Canonical state key: two states are equal exactly when their keys are equal.
 *  A non-negative safe integer lets the engine store the state itself (packed states);
 *  a string is hashed to a 64-bit fingerprint. */
export type StateKey = number | string;

export interface System<S, A> {
  /** Registered name: replay rebuilds the system from `name` and `config`. */
  readonly name: string;
  /** The resolved configuration the system was built with (JSON-safe). */
  readonly config: unknown;
  /** Initial states, in a fixed order. */
  initialStates(): readonly S[];
  /** Actions enabled in `state`, in a fixed order: traces and seeds depend on it. */
  enabled(state: S): readonly A[];
  /** Successor of `state` under an enabled action. Pure: same inputs, same output. */
  step(state: S, action: A): S;
  /** Optional fast path: calls `visit` for each enabled action and its successor, in `enabled` order. */
  forEachSuccessor?(state: S, visit: (action: A, next: S) => void): void;
  key(state: S): StateKey;
  /** Stable printable label of an action ("SERVE(2)"); a trace stores labels, replay matches them. */
  actionLabel(action: A): string;
  /** JSON-safe view of a state, for traces and reports. */
  describeState(state: S): unknown;
}
