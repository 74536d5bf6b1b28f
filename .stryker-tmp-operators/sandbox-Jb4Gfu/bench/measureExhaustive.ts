// Exhaustive-engine figures on the benchmark model: distinct states/s and transitions/s (one
// thread, median of runs), memory per visited state from typed-array sizes and from the heap (measureHeapGrowth).
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { measureHeapGrowth, type HeapGrowth } from './measureHeapGrowth.ts';
import { median } from './median.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

export interface ExhaustiveFigures {
  readonly maxP: number;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly shortest: Record<string, number | undefined>;
  readonly runsMillis: readonly number[];
  readonly millis: number;
  readonly statesPerSecond: number;
  readonly transitionsPerSecond: number;
  readonly memory: {
    readonly visitedBytesPerState: number;
    readonly parentBytesPerState: number;
    readonly queueBytesPerState: number;
    readonly totalBytesPerState: number;
    /** Largest (heapUsed + arrayBuffers) growth seen at level ends, after a full GC, per state, in a fresh
     *  process; not trusted when below what the visited set and parent pointers alone hold. */
    readonly heapGrowth: HeapGrowth;
  };
}

export function measureExhaustive(maxP: number, runs: number): ExhaustiveFigures {
  const { system, properties } = createBenchmark({ maxP });
  searchExhaustive(system, properties); // warm-up: JIT, and the lifecycle memo table
  const outcomes = Array.from({ length: runs }, () => searchExhaustive(system, properties));
  const last = outcomes.at(-1)!;
  const millis = median(outcomes.map((o) => o.stats.millis));
  const states = last.stats.states;
  const shortest = Object.fromEntries(
    last.verdicts.map(({ property, verdict }) => [property, verdict.kind === 'violated' ? verdict.trace.actions.length : undefined]),
  );
  // Frontier entries are numbers in a JS array: 8 bytes each (doubles) at worst.
  const queueBytes = last.memory.peakFrontier * 8 * 2;
  return {
    maxP,
    states,
    transitions: last.stats.transitions,
    depth: last.stats.depth,
    shortest,
    runsMillis: outcomes.map((o) => o.stats.millis),
    millis,
    statesPerSecond: (states / millis) * 1000,
    transitionsPerSecond: (last.stats.transitions / millis) * 1000,
    memory: {
      visitedBytesPerState: last.memory.visitedBytes / states,
      parentBytesPerState: last.memory.parentBytes / states,
      queueBytesPerState: queueBytes / states,
      totalBytesPerState: (last.memory.visitedBytes + last.memory.parentBytes + queueBytes) / states,
      heapGrowth: measureHeapGrowth(maxP),
    },
  };
}
