// The engine's view of a model: states, enabled actions, a pure step, a canonical key.
// The engine knows nothing of any protocol; models and examples implement this.

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
  /** Canonical key of `state`: equal states have equal keys. Equal across instances built from the same name and
   *  config too, since parallel search compares keys computed in different worker threads, unless the system
   *  gives `portableKey`: then `key` may be made of this instance's own ids (exact small numbers), and searches
   *  that compare states across threads or instances use `portableKey`. */
  key(state: S): StateKey;
  /** Optional: a key equal across instances, for systems whose `key` is instance-local. */
  portableKey?(state: S): StateKey;
  /** Optional, with `revive`: a structuredClone-safe form of `state` that any instance built from the same name
   *  and config turns back into its own state, for systems whose states hold instance-local ids. */
  portable?(state: S): unknown;
  revive?(portable: unknown): S;
  /** Stable printable label of an action ("SERVE(2)"); a trace stores labels, replay matches them. */
  actionLabel(action: A): string;
  /** JSON-safe view of a state, for traces and reports. */
  describeState(state: S): unknown;
  /** Optional cross-check used by replay: re-executes `actions` from `initial` on live actors (not the pure
   *  step) and returns the `describeState` view of every state reached, initial state first. */
  liveReplay?(initial: S, actions: readonly A[]): readonly unknown[];
}
