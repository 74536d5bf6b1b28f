// Symmetry reduction: a model whose processes are alike (identical devices, say) maps onto itself under a group of
// permutations of them; the exhaustive search then stores one state per orbit, its canonical representative
// (Clarke, Emerson and Sistla, "Exploiting symmetry in temporal logic model checking", FMSD 9, 1996).
import type { Property } from './Property.ts';

/** A group G of permutations of a system's states (and actions), given by a canonical representative per orbit. */
export interface Symmetry<S, A> {
  /** The representative of `state`'s orbit under G: a state π(state) for some π in G, the same for every state of
   *  the orbit. The model guarantees that every π in G is an automorphism of the state graph: π maps initial states
   *  to states of the same orbit as an initial state, `key` respects it, and s -a-> t exactly when
   *  π(s) -π(a)-> π(t), so the successors of π(s) are, up to G, those of s. Pure like `step`. */
  canonical(state: S): S;
  /** Optional, for a system that steps by key (System.forEachSuccessorKey): the key of the canonical representative
   *  of the state whose key is `key`, without building the state when the model can. Absent: the search steps by
   *  state when it reduces by symmetry. */
  canonicalKey?(key: number): number;
  /** Whether `property` is invariant under G: an invariant holds in π(s) exactly when in s; a trace property's
   *  monitor moves alike on a step and on its image under π. The model decides (a property naming one of the
   *  permuted processes is not). The search reduces only when every property it checks is preserved. */
  preserves(property: Property<S, A>): boolean;
  /** Optional, for a system that leaves out steps by the action that reached a state (System.leavesOut): what keeps
   *  that sound under G (docs/engine.md "Symmetry"). `begin()` makes the system leave out steps, from now on, by an
   *  order of the actions that every π in G keeps (an order of the orbits of actions); `via(key, action)` is the image
   *  of `action`, the step that reached the state of key `key`, under the π that takes that state to its
   *  representative: the step that reaches the representative, from π of the parent. Absent: the search leaves out
   *  no step under G. */
  readonly leaveOut?: {
    begin(): void;
    via(key: number, action: A): A;
  };
}

/** Why an exhaustive search of a system with a symmetry did not reduce by it: asked not to, a property the group
 *  does not preserve (named), the system's ample sets in use (the two reductions are not combined), or a search on
 *  several threads. */
export type SymmetryOffReason = 'turned-off' | 'property' | 'ample-sets' | 'parallel';

/** Present only for systems with `System.symmetry`. */
export type SymmetryStats =
  | { readonly applied: true }
  | { readonly applied: false; readonly reason: SymmetryOffReason; readonly property?: string };
