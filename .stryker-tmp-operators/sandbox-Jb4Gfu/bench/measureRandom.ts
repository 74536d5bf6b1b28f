// Random-engine figures on the benchmark model: steps/s of a search that finds nothing (so nothing is shrunk),
// and the deep (16-step) violation found and shrunk with the default options, over a fixed set of seeds, with the
// steps of the search and the steps spent shrinking counted apart.
import { propertyId, type Invariant } from '../src/engine/Property.ts';
import { searchRandom } from '../src/engine/random/searchRandom.ts';
import { median } from './median.ts';
import { createBenchmark, type BenchmarkState } from '../examples/benchmark/createBenchmark.ts';

/** Seeds of the shrinking figures: fixed, so the figures compare across runs of the bench. */
const shrinkSeeds = Array.from({ length: 20 }, (_, i) => i + 1);

export interface RandomFigures {
  readonly runs: number;
  readonly maxSteps: number;
  /** Steps of the throughput search's runs (fast-check draws each run's length from 0 to maxSteps). */
  readonly steps: number;
  /** Steps spent shrinking in the throughput search: 0 unless the invariant it checks was violated. */
  readonly shrinkSteps: number;
  readonly meanRunSteps: number;
  readonly millis: number;
  readonly stepsPerSecond: number;
  readonly deep: {
    readonly property: string;
    readonly seed: number;
    readonly found: boolean;
    readonly shrunkSteps: number | undefined;
    /** Steps of the search's runs, and steps spent shrinking its counterexamples. */
    readonly searchSteps: number;
    readonly shrinkSteps: number;
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
    /** Medians over the seeds of the steps of the search's runs and of the steps spent shrinking. */
    readonly medianSearchSteps: number;
    readonly medianShrinkSteps: number;
  };
}

export function measureRandom(maxP: number, seed: number): RandomFigures {
  const { system, properties } = createBenchmark({ maxP });
  // For throughput only: a cheap invariant the model keeps by construction, so no run is cut short by a violation
  // and nothing is shrunk. Runs still end before maxSteps: fast-check draws each run's length from 0 to maxSteps
  // (meanRunSteps says what they came to), and a run stops where no action is enabled.
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
  const searchSteps: number[] = [];
  const shrinkSteps: number[] = [];
  for (const s of shrinkSeeds) {
    const started = performance.now();
    const outcome = searchRandom(system, [deepProperty], { seed: s });
    millis.push(performance.now() - started);
    searchSteps.push(outcome.stats.transitions);
    shrinkSteps.push(outcome.stats.shrinkSteps ?? 0);
    const found = outcome.verdicts[0]!.verdict;
    if (found.kind === 'violated') lengths.push(found.trace.actions.length);
  }
  return {
    runs,
    maxSteps,
    steps: throughput.stats.transitions,
    shrinkSteps: throughput.stats.shrinkSteps ?? 0,
    meanRunSteps: throughput.stats.transitions / runs,
    millis: throughput.stats.millis,
    stepsPerSecond: (throughput.stats.transitions / throughput.stats.millis) * 1000,
    deep: {
      property: deepProperty.id,
      seed,
      found: verdict.kind === 'violated',
      shrunkSteps: verdict.kind === 'violated' ? verdict.trace.actions.length : undefined,
      searchSteps: deep.stats.transitions,
      shrinkSteps: deep.stats.shrinkSteps ?? 0,
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
      medianSearchSteps: median(searchSteps),
      medianShrinkSteps: median(shrinkSteps),
    },
  };
}
