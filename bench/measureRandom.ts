// Random-engine figures on the benchmark model: steps/s over runs that never stop early, and the
// deep (16-step) violation found and shrunk with the default options, over a fixed set of seeds.
import { propertyId, type Invariant } from '../src/engine/Property.ts';
import { searchRandom } from '../src/engine/random/searchRandom.ts';
import { median } from './median.ts';
import { createBenchmark, type BenchmarkState } from './model/createBenchmark.ts';

/** Seeds of the shrinking figures: fixed, so the figures compare across runs of the bench. */
const shrinkSeeds = Array.from({ length: 20 }, (_, i) => i + 1);

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
  /** The deep violation with the default options (runs, steps, counterexamples) for each of `shrinkSeeds`. */
  readonly shrinking: {
    readonly seeds: readonly number[];
    readonly found: number;
    /** Shrunk length per seed where found, in seed order. */
    readonly lengths: readonly number[];
    readonly min: number;
    readonly median: number;
    readonly max: number;
    readonly atMost17: number;
    /** Wall time of each whole search (finding and shrinking its counterexamples). */
    readonly medianMillis: number;
    readonly maxMillis: number;
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
  const deep = searchRandom(system, [deepProperty], { seed });
  const verdict = deep.verdicts[0]!.verdict;
  const lengths: number[] = [];
  const millis: number[] = [];
  for (const s of shrinkSeeds) {
    const started = performance.now();
    const found = searchRandom(system, [deepProperty], { seed: s }).verdicts[0]!.verdict;
    millis.push(performance.now() - started);
    if (found.kind === 'violated') lengths.push(found.trace.actions.length);
  }
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
    shrinking: {
      seeds: shrinkSeeds,
      found: lengths.length,
      lengths,
      min: Math.min(...lengths),
      median: median(lengths),
      max: Math.max(...lengths),
      atMost17: lengths.filter((l) => l <= 17).length,
      medianMillis: median(millis),
      maxMillis: Math.max(...millis),
    },
  };
}
