// The invariants an explorer has not yet seen violated, checked on every new state. Each is dropped
// once it fails, so it is reported once (at its shallowest violation, since states come level by
// level) and costs nothing afterwards. Shared by LevelExplorer and SharedExplorer.
import type { Invariant } from '../Property.ts';

export class PendingInvariants<S> {
  /** The invariants still pending (replaced, never mutated; read-only outside). Explorers loop over
   *  it inline, since this runs once per new state, and call `violatedBy` only when one fails. */
  current: readonly Invariant<S>[];
  private indices: readonly number[];

  constructor(invariants: readonly Invariant<S>[]) {
    this.current = invariants;
    this.indices = invariants.map((_, index) => index);
  }

  /** The indices (into the invariants given) that `state` violates for the first time, or undefined. */
  violatedBy(state: S): number[] | undefined {
    const invariants = this.current;
    let violated: number[] | undefined;
    for (let i = 0; i < invariants.length; i++) {
      if (!invariants[i]!.holds(state)) (violated ??= []).push(i);
    }
    if (violated === undefined) return undefined;
    // Every invariant that failed leaves at once, so that two failing in one state are both dropped.
    const indices = this.indices;
    this.current = invariants.filter((_, i) => !violated.includes(i));
    this.indices = indices.filter((_, i) => !violated.includes(i));
    return violated.map((i) => indices[i]!);
  }
}
