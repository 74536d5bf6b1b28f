// Claims about what stays possible or what eventually happens, decided on the explicit state graph
// (src/engine/liveness/): recoverability (AG EF goal) and recurrence under weak fairness (GF goal).
import type { Property, PropertyId } from './Property.ts';

/** AG EF goal: from every reachable state, a goal state remains reachable (by `recovery` steps only, when given).
 *  A counterexample is a finite trace to a state from which no goal state is reachable. */
export interface Recoverable<S, A> {
  readonly kind: 'recoverable';
  readonly id: PropertyId;
  readonly description: string;
  goal(state: S): boolean;
  /** Optional: the steps a recovery may take (for example the honest roles' steps, not the attacker's or faults).
   *  Absent: any step. The path to the state the property judges may take any step. */
  recovery?(state: S, action: A): boolean;
  /** A phrase naming the steps `recovery` allows, for the verdict (for example "the honest roles' steps"). */
  readonly recoveryNote?: string;
  /** Optional: a sentence for the state the trace ends in, where no goal is reachable. */
  explain?(state: S): string;
}

/** GF goal under weak fairness (System.fairness): every fair run passes through a goal state infinitely often; a
 *  run that ends stays in its last state, which must then be a goal state. A counterexample is a lasso: a stem to a
 *  cycle of non-goal states on which every fairness class is taken or disabled somewhere (Trace.loop), or a stem to
 *  a non-goal state where no fair step is enabled (the run stutters there forever).
 *  For a goal that, once reached, holds for good (service established), this is "eventually goal". */
export interface InfinitelyOften<S, A> {
  readonly kind: 'infinitely-often';
  readonly id: PropertyId;
  readonly description: string;
  goal(state: S): boolean;
  /** Optional: steps assumed to happen only finitely often (faults, an attacker's moves): no counterexample's cycle
   *  takes one, though its stem may. Absent: none. */
  finitely?(state: S, action: A): boolean;
  /** A sentence naming what `finitely` assumes, for the verdict (for example "faults stop"). */
  readonly finitelyNote?: string;
  explain?(state: S): string;
}

export type LivenessProperty<S, A> = Recoverable<S, A> | InfinitelyOften<S, A>;

/** Any claim the engine checks: safety (Property.ts, by the level explorer) or liveness (on the state graph). */
export type AnyProperty<S, A> = Property<S, A> | LivenessProperty<S, A>;

export function isLiveness<S, A>(property: AnyProperty<S, A>): property is LivenessProperty<S, A> {
  return property.kind === 'recoverable' || property.kind === 'infinitely-often';
}
