// Child-process script of the bench: from a cold start, builds the benchmark model (MAXP=6), runs the
// exhaustive search until the first violation and prints it as one JSON line. The bench times it from spawn to exit.
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

const { system, properties } = createBenchmark({ maxP: 6 });
const outcome = searchExhaustive(system, properties, { stopAtFirst: true });
const violated = outcome.verdicts.find((v) => v.verdict.kind === 'violated');
process.stdout.write(
  `${JSON.stringify({
    property: violated?.property,
    steps: violated?.verdict.kind === 'violated' ? violated.verdict.trace.actions.length : undefined,
    states: outcome.stats.states,
    searchMillis: outcome.stats.millis,
  })}\n`,
);
