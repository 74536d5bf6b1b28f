// Exhaustive search of the benchmark model on two threads against one, runs interleaved so that
// load from other work hits every variant alike: the shared-memory search with a helper already
// started (search only), started with the search (including start-up), the adaptive default, and
// the hash-partitioned search that exchanges states by messages (including start-up).
import { systemSource } from '../src/cli/systems.ts';
import { resolveExhaustiveOptions } from '../src/engine/exhaustive/ExhaustiveOptions.ts';
import type { ExhaustiveOutcome } from '../src/engine/exhaustive/ExhaustiveOutcome.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel } from '../src/engine/parallel/searchExhaustiveParallel.ts';
import { searchExhaustivePartitioned } from '../src/engine/parallel/searchExhaustivePartitioned.ts';
import { searchSharedExhaustive, sharedHelpers } from '../src/engine/parallel/searchSharedExhaustive.ts';
import { median } from './median.ts';
import { createBenchmark } from './model/createBenchmark.ts';

/** One way of running the search: median wall time (stats.millis) and its speed-up over one thread. */
export interface ParallelVariant {
  readonly millis: number;
  readonly speedUp: number;
  /** Median number of threads that did work (a helper that was not ready before the end did none). */
  readonly threads: number;
}

export interface ParallelFigures {
  readonly runs: number;
  /** States, transitions, depth, verdicts and trace lengths equal to one thread's in every run of every variant. */
  readonly sameAsSerial: boolean;
  readonly states: number;
  /** One thread, median over the same rounds. */
  readonly serialMillis: number;
  /** Median time for a helper thread to load the sources under tsx and rebuild the system. */
  readonly helperReadyMillis: number;
  /** Helper started and ready before the search: the search alone. */
  readonly warm: ParallelVariant & {
    /** Share of the search time the busiest thread was busy (the rest: level barriers, growth). */
    readonly busyShare: number;
    /** One-thread time over the busiest thread's busy time: the speed-up the work split allows. */
    readonly workSplitSpeedUp: number;
  };
  /** `workers: 2`: the helper starts with the search and joins when ready. */
  readonly cold: ParallelVariant & { readonly joinedAtMillis: number | undefined };
  /** The default: one thread, a helper started after adaptiveStartMs. */
  readonly adaptive: ParallelVariant;
  /** Hash-partitioned workers exchanging states by messages, including their start-up. */
  readonly partitioned: ParallelVariant;
}

function summary(outcome: ExhaustiveOutcome): string {
  const verdicts = outcome.verdicts.map(({ verdict }) => (verdict.kind === 'violated' ? verdict.trace.actions.length : verdict.kind));
  return JSON.stringify([outcome.stats.states, outcome.stats.transitions, outcome.stats.depth, verdicts]);
}

/** `oneThread`: the counts of the one-thread section, which every run must also match. */
export async function measureParallel(maxP: number, runs: number, oneThread: { states: number; transitions: number }): Promise<ParallelFigures> {
  const { system, properties } = createBenchmark({ maxP });
  const source = systemSource('benchmark', { maxP });
  const config = resolveExhaustiveOptions({});
  const first = searchExhaustive(system, properties);
  const reference = summary(first);
  let same = first.stats.states === oneThread.states && first.stats.transitions === oneThread.transitions;
  const rows = { serial: [] as ExhaustiveOutcome[], warm: [] as ExhaustiveOutcome[], cold: [] as ExhaustiveOutcome[], adaptive: [] as ExhaustiveOutcome[], partitioned: [] as ExhaustiveOutcome[] };
  const ready: number[] = [];
  const keep = (list: ExhaustiveOutcome[], outcome: ExhaustiveOutcome | undefined): void => {
    if (outcome === undefined) throw new Error('bench: the shared-memory search did not hold the benchmark model');
    same &&= summary(outcome) === reference;
    list.push(outcome);
  };
  for (let i = 0; i < runs; i++) {
    keep(rows.serial, searchExhaustive(system, properties));
    const team = sharedHelpers(source, properties, 1);
    const began = performance.now();
    await team.ready();
    ready.push(performance.now() - began);
    keep(rows.warm, await searchSharedExhaustive(system, properties, config, { team, startAfterMs: 0 }));
    keep(rows.cold, await searchExhaustiveParallel(system, properties, { workers: 2, source }));
    keep(rows.adaptive, await searchExhaustiveParallel(system, properties, { source }));
    keep(rows.partitioned, await searchExhaustivePartitioned(system, properties, config, 2, source));
  }
  const serialMillis = median(rows.serial.map((o) => o.stats.millis));
  const variant = (list: ExhaustiveOutcome[]): ParallelVariant => {
    const millis = median(list.map((o) => o.stats.millis));
    return { millis, speedUp: serialMillis / millis, threads: median(list.map((o) => o.busyMillis?.filter((b) => b > 0).length ?? 1)) };
  };
  const busiest = (o: ExhaustiveOutcome): number => Math.max(...(o.busyMillis ?? [o.stats.millis]));
  const joined = rows.cold.flatMap((o) => (o.startupMillis === undefined ? [] : [o.startupMillis]));
  return {
    runs,
    sameAsSerial: same,
    states: rows.serial[0]!.stats.states,
    serialMillis,
    helperReadyMillis: median(ready),
    warm: {
      ...variant(rows.warm),
      busyShare: median(rows.warm.map((o) => busiest(o) / o.stats.millis)),
      workSplitSpeedUp: serialMillis / median(rows.warm.map(busiest)),
    },
    cold: { ...variant(rows.cold), joinedAtMillis: joined.length === 0 ? undefined : median(joined) },
    adaptive: variant(rows.adaptive),
    partitioned: variant(rows.partitioned),
  };
}
