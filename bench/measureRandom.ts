// Random-engine figures on the benchmark model: steps/s over runs that never stop early, and the
// deep (16-step) violation found and shrunk.
import { propertyId, type Invariant } from '../src/engine/Property.ts';
import { searchRandom } from '../src/engine/random/searchRandom.ts';
import { createBenchmark, type BenchmarkState } from './model/createBenchmark.ts';

export interface RandomFigures {
  readonly runs: number;
  readonly maxSteps: number;
  readonly steps: number;
  readonly millis: number;
  readonly stepsPerSecond: number;
  readonly deep: {
    readonly property: string;
    readonly seed: number;
    readonly found: boolean;
    readonly shrunkSteps: number | undefined;
    readonly millis: number;
    readonly path: string | undefined;
  };
}

export function measureRandom(maxP: number, seed: number): RandomFigures {
  const { system, properties } = createBenchmark({ maxP });
  // For throughput only: a cheap invariant the model keeps by construction, so every run goes to
  // its full length and the figure is steps of search, not shrinking.
  const servedWithinBound: Invariant<BenchmarkState> = {
    kind: 'invariant',
    id: propertyId('bench.servedWithinMaxP'),
    description: 'served never exceeds MAXP',
    holds: (s) => (system.describeState(s) as { served: number }).served <= maxP,
  };
  const runs = 4000;
  const maxSteps = 50;
  searchRandom(system, [servedWithinBound], { seed, runs: 200, maxSteps }); // warm-up
  const throughput = searchRandom(system, [servedWithinBound], { seed, runs, maxSteps });
  const deepProperty = properties[1]!;
  const deep = searchRandom(system, [deepProperty], { seed, runs: 10_000, maxSteps: 60 });
  const verdict = deep.verdicts[0]!.verdict;
  return {
    runs,
    maxSteps,
    steps: throughput.stats.transitions,
    millis: throughput.stats.millis,
    stepsPerSecond: (throughput.stats.transitions / throughput.stats.millis) * 1000,
    deep: {
      property: deepProperty.id,
      seed,
      found: verdict.kind === 'violated',
      shrunkSteps: verdict.kind === 'violated' ? verdict.trace.actions.length : undefined,
      millis: deep.stats.millis,
      path: verdict.kind === 'violated' ? verdict.trace.path : undefined,
    },
  };
}
