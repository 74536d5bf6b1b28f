// Two-worker exhaustive search on the benchmark model against one thread: wall time with and
// without worker start-up (each worker loads the sources under tsx and rebuilds the system).
import { systemsModule } from '../src/cli/systems.ts';
import { searchExhaustiveParallel } from '../src/engine/parallel/searchExhaustiveParallel.ts';
import { median } from './median.ts';
import { createBenchmark } from './model/createBenchmark.ts';

export interface ParallelFigures {
  readonly workers: number;
  readonly states: number;
  readonly transitions: number;
  readonly sameAsSerial: boolean;
  readonly millis: number;
  readonly startupMillis: number;
  readonly searchMillis: number;
  /** Share of the search time the workers were busy (the rest: waiting at level barriers, messages). */
  readonly busyShare: number;
  readonly speedUp: number;
  readonly speedUpWithStartup: number;
  /** One-thread time over the busiest worker's busy time: the speed-up the work split allows when
   *  each worker has a core to itself (busy time is itself inflated when the machine is loaded). */
  readonly workSplitSpeedUp: number;
}

export async function measureParallel(maxP: number, runs: number, serial: { states: number; transitions: number; millis: number }): Promise<ParallelFigures> {
  const { system, properties } = createBenchmark({ maxP });
  const source = { module: systemsModule, name: 'benchmark', config: { maxP } };
  const outcomes = [];
  for (let i = 0; i < runs; i++) outcomes.push(await searchExhaustiveParallel(system, properties, { workers: 2, source }));
  const last = outcomes.at(-1)!;
  const millis = median(outcomes.map((o) => o.stats.millis));
  const startupMillis = median(outcomes.map((o) => o.startupMillis ?? 0));
  const searchMillis = median(outcomes.map((o) => o.stats.millis - (o.startupMillis ?? 0)));
  const busy = median(outcomes.map((o) => Math.max(...(o.busyMillis ?? [0])) / (o.stats.millis - (o.startupMillis ?? 0))));
  return {
    workers: last.workers,
    states: last.stats.states,
    transitions: last.stats.transitions,
    sameAsSerial: outcomes.every((o) => o.stats.states === serial.states && o.stats.transitions === serial.transitions),
    millis,
    startupMillis,
    searchMillis,
    busyShare: busy,
    speedUp: serial.millis / searchMillis,
    speedUpWithStartup: serial.millis / millis,
    workSplitSpeedUp: serial.millis / median(outcomes.map((o) => Math.max(...(o.busyMillis ?? [Number.NaN])))),
  };
}
