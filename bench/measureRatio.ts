// The TR world's rate against the benchmark model's, measured in the same run (rounds alternating the two) so that
// the ratio, unlike either rate, depends less on the machine or its load: the figure `npm run bench:quick` guards.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './median.ts';

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
  /** The median over the rounds of each round's TR rate over its benchmark rate. */
  readonly ratio: number;
}

/** `rounds` rounds, each measuring both models (in alternating order) so that load from other work falls on both
 *  alike; each rate is the median over the rounds, and the ratio the median of the rounds' ratios (this machine
 *  runs fast and slow for minutes at a time: a ratio of medians could pair a fast round of one model with a slow
 *  round of the other). Each model runs alone in a fresh child process
 *  (bench/rateProcess.ts): a warm-up search (JIT; the benchmark's lifecycle table, the world's tables of local
 *  steps, messages and knowledge), then the fastest of three searches of the same system with its properties (the scenario's and the
 *  sanity goal, as `check` gives them). The first search of a fresh world, as one `check` pays it, is in
 *  measureThreats. */
export function measureRatio(rounds: number): MeasuredRatio {
  const tr: number[] = [];
  const benchmark: number[] = [];
  let trStates = 0;
  let benchmarkStates = 0;
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (['tr', 'benchmark'] as const) : (['benchmark', 'tr'] as const);
    for (const which of order) {
      const run = searchAlone(which);
      if (which === 'tr') {
        trStates = run.states;
        tr.push(run.millis);
      } else {
        benchmarkStates = run.states;
        benchmark.push(run.millis);
      }
    }
  }
  const trStatesPerSecond = (trStates * 1000) / median(tr);
  const benchmarkStatesPerSecond = (benchmarkStates * 1000) / median(benchmark);
  return {
    scenario: ratioScenario,
    maxP: ratioMaxP,
    rounds,
    trStates,
    trStatesPerSecond,
    trRunsMillis: tr,
    benchmarkStates,
    benchmarkStatesPerSecond,
    benchmarkRunsMillis: benchmark,
    ratio: ratioOfRounds(trStates, tr, benchmarkStates, benchmark),
  };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Searches of one model measured warm, alone in a fresh process: its states and the fastest of 3 (the least
 *  disturbed by other work and by the collector; the rounds' median then takes out a slow round). */
function searchAlone(which: 'tr' | 'benchmark'): { readonly states: number; readonly millis: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/rateProcess.ts', which, ratioScenario, String(ratioMaxP), '3'], { cwd: root, encoding: 'utf8' });
  // The bench cannot give a ratio without both rates; a failing child is a bug to see, not to paper over.
  if (child.error !== undefined || child.status !== 0) throw new Error(`bench: the ${which} rate process failed: ${child.error?.message ?? child.stderr.trim()}`);
  const { states, millis } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { states: number; millis: number[] };
  return { states, millis: Math.min(...millis) };
}

/** The median over rounds of the TR world's rate over the benchmark model's, round `i` being `trMillis[i]` and
 *  `benchmarkMillis[i]`. */
export function ratioOfRounds(trStates: number, trMillis: readonly number[], benchmarkStates: number, benchmarkMillis: readonly number[]): number {
  return median(trMillis.map((millis, i) => trStates / millis / (benchmarkStates / benchmarkMillis[i]!)));
}
