// Verdicts that never overstate: what was shown, by which search, within which bounds.
import type { PropertyId } from './Property.ts';
import type { ReductionStats } from './ReductionStats.ts';
import type { SymmetryStats } from './Symmetry.ts';
import type { Trace } from './Trace.ts';

export interface ExplorationStats {
  readonly states: number;
  readonly transitions: number;
  /** Deepest BFS level completed (exhaustive) or longest run (random). */
  readonly depth: number;
  readonly millis: number;
  /** Exhaustive search: states stored as 63-bit fingerprints rather than exactly (a merge of two is then possible,
   *  with the probability formatVerdict prints). Absent or 0: every state was stored exactly. */
  readonly hashed?: number;
  /** Exhaustive search of a system with ample sets: whether partial-order reduction was applied and how many
   *  states it reduced. Absent: the system has none, so the whole reachable space was explored. */
  readonly reduction?: ReductionStats;
  /** Exhaustive search of a system that leaves out steps by the action that reached a state (System.leavesOut):
   *  enabled steps left out, apart from `transitions` (the steps taken). Each one's target is reached at the same
   *  depth from another state: every reachable state is still explored, and counterexamples are still shortest.
   *  Absent: the search took every enabled step. */
  readonly leftOut?: number;
  /** Exhaustive search of a system with a symmetry (System.symmetry): whether one state per orbit was stored, and
   *  if not, why. Verdicts are those of the whole space either way (the properties checked are preserved by it).
   *  Absent: the system declares no symmetry. */
  readonly symmetry?: SymmetryStats;
  /** Exhaustive search of a system that reduces on an assumption it checks (System.assumed): its name, and whether it
   *  held over the whole search ('held'), or a step broke it (`brokenBy`) and the verdicts are those of the search
   *  without it, redone ('broken'), or the search made none ('not-made': threads). Absent: the system makes none. */
  readonly assumption?: { readonly name: string; readonly outcome: 'held' | 'broken' | 'not-made'; readonly brokenBy?: string };
  /** Exhaustive search that ran on two threads, the pipelined search (src/engine/pipeline): from its start (level 0),
   *  or from the end of the level where a one-thread search handed itself over (ExhaustiveOptions.twoThreads), with
   *  the states found and the milliseconds run by then. Absent: one thread. */
  readonly twoThreads?: { readonly fromLevel: number; readonly fromStates: number; readonly fromMillis: number };
  /** Random search: steps executed while shrinking counterexamples, apart from `transitions` (the steps of the
   *  search's runs). Absent for exhaustive search. */
  readonly shrinkSteps?: number;
}

export type Verdict =
  /** A reachable violation, with the trace that shows it. */
  | { readonly kind: 'violated'; readonly property: PropertyId; readonly trace: Trace; readonly stats: ExplorationStats; readonly assumes?: string }
  /** Every trace up to `depthBound` steps was explored (or the whole state space, when `complete`; under
   *  partial-order reduction, see `stats.reduction`, the reduced state space, which is sound for these properties). */
  | {
      readonly kind: 'holds-exhaustively';
      readonly depthBound: number;
      readonly complete: boolean;
      readonly stats: ExplorationStats;
      readonly assumes?: string;
    }
  /** Random search: `runs` runs of at most `maxSteps` steps found nothing. Not a proof. */
  | {
      readonly kind: 'no-violation-found';
      readonly runs: number;
      readonly maxSteps: number;
      readonly seed: number;
      readonly stats: ExplorationStats;
    }
  /** A limit cut the search short before any conclusion ('stop-at-first': asked to stop at the first violation of another
   *  property; 'depth': a liveness property under a depth bound, which a bounded search cannot prove). */
  | {
      readonly kind: 'inconclusive';
      readonly limit: 'states' | 'time' | 'memory' | 'stop-at-first' | 'depth';
      readonly stats: ExplorationStats;
      readonly assumes?: string;
    };

// `assumes` (liveness verdicts only, LivenessProperty.ts): what the verdict takes for granted, in a sentence (the
// fairness of the run, the steps assumed to happen finitely often, the steps a recovery may take).

export type VerdictKind = Verdict['kind'];

/** What one search returns: a verdict per property checked, and what was explored in all. */
export interface SearchOutcome {
  readonly verdicts: ReadonlyArray<{ readonly property: PropertyId; readonly verdict: Verdict }>;
  readonly stats: ExplorationStats;
}
