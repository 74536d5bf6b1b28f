// The TR world's rate against the benchmark model's, measured in the same process so that the ratio, unlike
// either rate, hardly depends on the machine or its load: the figure `npm run bench:quick` guards.
import { planCheck } from '../src/cli/check/planCheck.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { measureThreatScenario } from './measureThreats.ts';
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
 *  work falls on both alike; each rate is the median over the rounds. The benchmark model gets a warm-up run (0.6 s),
 *  the TR scenario none (one would cost as much as a round): its first run is usually the slowest (about 1.3x
 *  here), and the median leaves it out. */
export function measureRatio(rounds: number): MeasuredRatio {
  const plan = planCheck({ threat: ['t2'] });
  const job = plan.jobs.find((j) => j.config.name === ratioScenario);
  // The scenario is a constant of the threat suite; losing it is a programming error the bench cannot work around.
  if (job === undefined) throw new Error(`bench: threat scenario ${ratioScenario} not found; update ratioScenario in bench/measureRatio.ts`);
  const { system, properties } = createBenchmark({ maxP: ratioMaxP });
  searchExhaustive(system, properties); // warm-up: JIT, and the lifecycle memo table
  const tr = [];
  const benchmark = [];
  for (let i = 0; i < rounds; i++) {
    tr.push(measureThreatScenario(job, plan.search));
    benchmark.push(searchExhaustive(system, properties).stats);
  }
  const trStatesPerSecond = median(tr.map((t) => t.statesPerSecond));
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
