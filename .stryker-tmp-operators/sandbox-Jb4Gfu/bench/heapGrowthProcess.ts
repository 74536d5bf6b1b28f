// Child process of the bench's heap figure (run with --expose-gc): one exhaustive search of the benchmark model in a
// fresh process, so no garbage of earlier searches is freed while it runs; live memory is sampled after a full GC
// at each level end. Prints one JSON line: the peak growth and the search's own typed-array sizes.
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  process.stderr.write('bench/heapGrowthProcess.ts: run it with node --expose-gc\n');
  process.exit(2);
}
const { system, properties } = createBenchmark({ maxP: Number(process.argv[2]) });
const live = (): number => {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const before = live();
let peakBytes = 0;
const outcome = searchExhaustive(system, properties, { onProgress: () => void (peakBytes = Math.max(peakBytes, live() - before)) });
process.stdout.write(
  `${JSON.stringify({ peakBytes, states: outcome.stats.states, visitedBytes: outcome.memory.visitedBytes, parentBytes: outcome.memory.parentBytes })}\n`,
);
