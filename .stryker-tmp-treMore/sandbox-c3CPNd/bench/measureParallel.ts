// Exhaustive search of the benchmark model on two threads against one. Every two-thread run is paired with a
// one-thread run next to it (before it in odd rounds, after it in even ones), so that load from other work hits
// both alike, and a speed-up is the median over rounds of the same round's ratio. Variants: the shared-memory
// search with a helper already started (search only), started with the search (including start-up), the adaptive
// default, and the hash-partitioned search that exchanges states by messages (including start-up).
import { systemSource } from '../src/cli/systems.ts';
import { resolveExhaustiveOptions } from '../src/engine/exhaustive/ExhaustiveOptions.ts';
import type { ExhaustiveOutcome } from '../src/engine/exhaustive/ExhaustiveOutcome.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel } from '../src/engine/parallel/searchExhaustiveParallel.ts';
import { searchExhaustivePartitioned } from '../src/engine/parallel/searchExhaustivePartitioned.ts';
import { searchSharedExhaustive, sharedHelpers } from '../src/engine/parallel/searchSharedExhaustive.ts';
import { explainSuperLinear, type ParallelRound } from './explainSuperLinear.ts';
import { median } from './median.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

/** Threads of every two-thread variant: a speed-up above it is impossible, and explained when it reads so. */
export const parallelThreads = 2;

/** One way of running the search on two threads. */
export interface ParallelVariant {
  /** Median wall time (stats.millis) of its runs. */
  readonly millis: number;
  readonly rounds: readonly ParallelRound[];
  /** Median over the rounds of (one-thread ms / two-thread ms), not the ratio of the medians. */
  readonly speedUp: number;
  /** Median number of threads that did work (a helper that was not ready before the end did none). */
  readonly threads: number;
  /** Why the speed-up reads above `parallelThreads`, with the numbers; absent when it does not. */
  readonly superLinear?: string;
}

export interface ParallelFigures {
  readonly runs: number;
  /** States, transitions, depth, verdicts and trace lengths equal to one thread's in every run of every variant. */
  readonly sameAsSerial: boolean;
  readonly states: number;
  /** Median of all the one-thread runs paired with two-thread runs. */
  readonly serialMillis: number;
  /** The dedicated one-thread figure (the exhaustive section's median), which explanations compare with. */
  readonly dedicatedMillis: number;
  /** Median time for a helper thread to load the sources under tsx and rebuild the system. */
  readonly helperReadyMillis: number;
  /** Helper started and ready before the search: the search alone. */
  readonly warm: ParallelVariant & {
    /** Share of the search time the busiest thread was busy (the rest: level barriers, growth). */
    readonly busyShare: number;
    /** Both threads' busy time over the busiest thread's (median over rounds): the speed-up the split of the work
     *  allows, at most the thread count; what the threads spent apart from it (barriers, growth) is not in it. */
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

type Variant = 'warm' | 'cold' | 'adaptive' | 'partitioned';

/** `oneThread`: the one-thread section's counts, which every run must also match, and its median time. */
export async function measureParallel(
  maxP: number,
  runs: number,
  oneThread: { states: number; transitions: number; millis: number },
): Promise<ParallelFigures> {
  const { system, properties } = createBenchmark({ maxP });
  const source = systemSource('benchmark', { maxP });
  const config = resolveExhaustiveOptions({});
  const first = searchExhaustive(system, properties);
  const reference = summary(first);
  let same = first.stats.states === oneThread.states && first.stats.transitions === oneThread.transitions;
  const serial: ExhaustiveOutcome[] = [];
  const rows: Record<Variant, { outcome: ExhaustiveOutcome; serialMillis: number }[]> = { warm: [], cold: [], adaptive: [], partitioned: [] };
  const ready: number[] = [];
  const check = (outcome: ExhaustiveOutcome | undefined): ExhaustiveOutcome => {
    if (outcome === undefined) throw new Error('bench: the shared-memory search did not hold the benchmark model');
    same &&= summary(outcome) === reference;
    return outcome;
  };
  /** One two-thread run and the one-thread run paired with it, in the order of the round. */
  const pair = async (variant: Variant, round: number, run: () => Promise<ExhaustiveOutcome | undefined>): Promise<void> => {
    const serialFirst = round % 2 === 0;
    const before = serialFirst ? check(searchExhaustive(system, properties)) : undefined;
    const outcome = check(await run());
    const one = before ?? check(searchExhaustive(system, properties));
    serial.push(one);
    rows[variant].push({ outcome, serialMillis: one.stats.millis });
  };
  for (let i = 0; i < runs; i++) {
    const team = sharedHelpers(source, properties, 1);
    const began = performance.now();
    await team.ready();
    ready.push(performance.now() - began);
    await pair('warm', i, () => searchSharedExhaustive(system, properties, config, { team, startAfterMs: 0 }));
    await pair('cold', i, () => searchExhaustiveParallel(system, properties, { workers: 2, source }));
    await pair('adaptive', i, () => searchExhaustiveParallel(system, properties, { source }));
    await pair('partitioned', i, () => searchExhaustivePartitioned(system, properties, config, 2, source));
  }
  const variant = (name: Variant): ParallelVariant => {
    const list = rows[name];
    const rounds = list.map(({ outcome, serialMillis }) => ({ serialMillis, millis: outcome.stats.millis, speedUp: serialMillis / outcome.stats.millis }));
    const speedUp = median(rounds.map((r) => r.speedUp));
    const superLinear = explainSuperLinear(speedUp, rounds, parallelThreads, oneThread.millis);
    return {
      millis: median(list.map((r) => r.outcome.stats.millis)),
      rounds,
      speedUp,
      threads: median(list.map((r) => r.outcome.busyMillis?.filter((b) => b > 0).length ?? 1)),
      ...(superLinear === undefined ? {} : { superLinear }),
    };
  };
  const warm = rows.warm.map((r) => r.outcome);
  const busy = (o: ExhaustiveOutcome): readonly number[] => o.busyMillis ?? [o.stats.millis];
  const busiest = (o: ExhaustiveOutcome): number => Math.max(...busy(o));
  const joined = rows.cold.flatMap((r) => (r.outcome.startupMillis === undefined ? [] : [r.outcome.startupMillis]));
  return {
    runs,
    sameAsSerial: same,
    states: first.stats.states,
    serialMillis: median(serial.map((o) => o.stats.millis)),
    dedicatedMillis: oneThread.millis,
    helperReadyMillis: median(ready),
    warm: {
      ...variant('warm'),
      busyShare: median(warm.map((o) => busiest(o) / o.stats.millis)),
      workSplitSpeedUp: median(warm.map((o) => busy(o).reduce((a, b) => a + b, 0) / busiest(o))),
    },
    cold: { ...variant('cold'), joinedAtMillis: joined.length === 0 ? undefined : median(joined) },
    adaptive: variant('adaptive'),
    partitioned: variant('partitioned'),
  };
}
