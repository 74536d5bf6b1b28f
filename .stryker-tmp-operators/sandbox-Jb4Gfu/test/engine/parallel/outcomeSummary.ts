// What a parallel search must report exactly as the one-thread search does.
import type { ExhaustiveOutcome } from '../../../src/engine/exhaustive/ExhaustiveOutcome.ts';

/** What must not depend on the number of threads: counts, depth, verdict kinds, bounds and trace lengths. */
export function summary(outcome: ExhaustiveOutcome): unknown {
  return {
    states: outcome.stats.states,
    transitions: outcome.stats.transitions,
    depth: outcome.stats.depth,
    verdicts: outcome.verdicts.map(({ property, verdict }) => ({
      property,
      kind: verdict.kind,
      limit: verdict.kind === 'inconclusive' ? verdict.limit : undefined,
      steps: verdict.kind === 'violated' ? verdict.trace.actions.length : undefined,
      depthBound: verdict.kind === 'holds-exhaustively' ? verdict.depthBound : undefined,
      complete: verdict.kind === 'holds-exhaustively' ? verdict.complete : undefined,
    })),
  };
}
