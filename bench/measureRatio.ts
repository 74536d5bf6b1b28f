// The TR world's rate against the benchmark model's, measured in the same process so that the ratio, unlike
// either rate, hardly depends on the machine or its load: the figure `npm run bench:quick` guards.
import { worldSystem } from '../models/world/worldSystem.ts';
import { sanityProperty } from '../properties/index.ts';
import { planCheck } from '../src/cli/check/planCheck.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { median } from './median.ts';
import { createBenchmark } from './model/createBenchmark.ts';

/** The largest threat scenario (most states), searched as `npm run check` searches it. */
export const ratioScenario = 't2-replay-after-delete';
/** The benchmark model's bound, as in the full bench. */
export const ratioMaxP = 6;

export interface MeasuredRatio {
  readonly scenario: string;
  readonly maxP: number;
  readonly rounds: number;
  /** Distinct states of one exhaustive one-thread search, and the median rate over the rounds. */
  readonly trStates: number;
  readonly trStatesPerSecond: number;
  readonly trRunsMillis: readonly number[];
  readonly benchmarkStates: number;
  readonly benchmarkStatesPerSecond: number;
  readonly benchmarkRunsMillis: readonly number[];
  /** trStatesPerSecond / benchmarkStatesPerSecond. */
  readonly ratio: number;
}

/** `rounds` rounds, each one search of the TR scenario then one of the benchmark model, so that load from other
 *  work falls on both alike; each rate is the median over the rounds. Both are measured alike: one system each,
 *  a warm-up search (JIT; the benchmark's lifecycle table, the world's tables of local steps, messages and
 *  knowledge), then searches of the same system with its properties (the scenario's and the sanity goal, as
 *  `check` gives them). The first search of a fresh world, as one `check` pays it, is in measureThreats. */
export function measureRatio(rounds: number): MeasuredRatio {
  const plan = planCheck({ threat: ['t2'] });
  const job = plan.jobs.find((j) => j.config.name === ratioScenario);
  // The scenario is a constant of the threat suite; losing it is a programming error the bench cannot work around.
  if (job === undefined) throw new Error(`bench: threat scenario ${ratioScenario} not found; update ratioScenario in bench/measureRatio.ts`);
  const { system, properties } = createBenchmark({ maxP: ratioMaxP });
  const world = worldSystem(job.config);
  const worldProperties = [...job.properties.map((p) => p.property), sanityProperty];
  searchExhaustive(system, properties);
  searchExhaustive(world, worldProperties);
  const tr = [];
  const benchmark = [];
  for (let i = 0; i < rounds; i++) {
    tr.push(searchExhaustive(world, worldProperties).stats);
    benchmark.push(searchExhaustive(system, properties).stats);
  }
  const trStatesPerSecond = median(tr.map((s) => (s.states * 1000) / s.millis));
  const benchmarkStatesPerSecond = median(benchmark.map((s) => (s.states * 1000) / s.millis));
  return {
    scenario: ratioScenario,
    maxP: ratioMaxP,
    rounds,
    trStates: tr[0]!.states,
    trStatesPerSecond,
    trRunsMillis: tr.map((t) => t.millis),
    benchmarkStates: benchmark[0]!.states,
    benchmarkStatesPerSecond,
    benchmarkRunsMillis: benchmark.map((s) => s.millis),
    ratio: trStatesPerSecond / benchmarkStatesPerSecond,
  };
}
