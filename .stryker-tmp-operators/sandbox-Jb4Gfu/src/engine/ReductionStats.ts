// What partial-order reduction did in an exhaustive search, so that a verdict can say which space it covers.

/** Why a search did not reduce although the system offers ample sets: asked not to (`reduction: false`), a depth
 *  bound (a reduced graph may reach a state only by a longer path, so a bound would cut it off), or a search on
 *  several threads (whose explorers do not reduce). */
export type ReductionOffReason = 'turned-off' | 'depth-bound' | 'parallel';

/** Present only for systems with `System.ample`: the others are always explored fully. */
export type ReductionStats =
  | {
      readonly applied: true;
      /** States expanded through a proper ample set. */
      readonly reduced: number;
      /** States expanded with every enabled action (no ample set offered, or the cycle proviso forced it). */
      readonly fullyExpanded: number;
      /** Of `fullyExpanded`: states whose ample set was refused by the cycle proviso (C3). */
      readonly proviso: number;
    }
  | { readonly applied: false; readonly reason: ReductionOffReason };

/** Whether the explored graph is smaller than the reachable one: some state was expanded through a proper ample
 *  set. Then verdicts cover the reduced state space (sound for the properties checked, given the model's ample
 *  sets), and counterexamples are not necessarily shortest. With none reduced the search was a full one. */
export function spaceWasReduced(reduction: ReductionStats | undefined): boolean {
  return reduction !== undefined && reduction.applied && reduction.reduced > 0;
}
