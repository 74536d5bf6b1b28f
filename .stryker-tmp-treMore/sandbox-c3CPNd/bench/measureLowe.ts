// Lowe's man-in-the-middle attack on Needham-Schroeder public key (examples/needham-schroeder):
// time for each engine to find it, and the fixed protocol's verdicts.
import { buildSystem } from '../src/cli/systems.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { searchRandom } from '../src/engine/random/searchRandom.ts';
import type { SearchOutcome } from '../src/engine/Verdict.ts';

export interface LoweFigures {
  readonly exhaustive: { readonly millis: number; readonly states: number; readonly verdicts: readonly VerdictRow[] };
  readonly random: { readonly millis: number; readonly seed: number; readonly verdicts: readonly VerdictRow[] };
  readonly fixed: { readonly millis: number; readonly states: number; readonly verdicts: readonly VerdictRow[] };
}

export interface VerdictRow {
  readonly property: string;
  readonly kind: string;
  readonly steps: number | undefined;
}

const rows = (outcome: SearchOutcome): VerdictRow[] =>
  outcome.verdicts.map(({ property, verdict }) => ({
    property,
    kind: verdict.kind,
    steps: verdict.kind === 'violated' ? verdict.trace.actions.length : undefined,
  }));

export function measureLowe(seed: number): LoweFigures {
  const attacked = buildSystem('needham-schroeder', {});
  const fixed = buildSystem('needham-schroeder-lowe', {});
  const exhaustive = searchExhaustive(attacked.system, attacked.properties);
  const random = searchRandom(attacked.system, attacked.properties, { seed, runs: 10_000, maxSteps: 20 });
  const proof = searchExhaustive(fixed.system, fixed.properties);
  return {
    exhaustive: { millis: exhaustive.stats.millis, states: exhaustive.stats.states, verdicts: rows(exhaustive) },
    random: { millis: random.stats.millis, seed, verdicts: rows(random) },
    fixed: { millis: proof.stats.millis, states: proof.stats.states, verdicts: rows(proof) },
  };
}
