// Child process of the ratio figure: one model, alone in a fresh process (searching both models in one process
// makes the engine's code polymorphic and slowed the TR world by a third): a warm-up search, then `searches`
// searches of the same system. Prints one JSON line: the states and each measured search's milliseconds.
import { worldSystem } from '../models/world/worldSystem.ts';
import { searchedProperties } from '../src/cli/check/runCheckJob.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { threatSuitePlan } from './measureThreats.ts';
import { createBenchmark } from './model/createBenchmark.ts';

const [which, scenario, bound, count] = process.argv.slice(2);
const searches = Number(count);

function measure<S, A>(system: Parameters<typeof searchExhaustive<S, A>>[0], properties: Parameters<typeof searchExhaustive<S, A>>[1]): void {
  searchExhaustive(system, properties);
  const runs = Array.from({ length: searches }, () => searchExhaustive(system, properties).stats);
  process.stdout.write(`${JSON.stringify({ states: runs[0]!.states, millis: runs.map((s) => s.millis) })}\n`);
}

if (which === 'tr') {
  const job = threatSuitePlan().jobs.find((j) => j.config.name === scenario);
  if (job === undefined) {
    process.stderr.write(`bench/rateProcess.ts: no threat scenario ${scenario}\n`);
    process.exit(2);
  }
  measure(worldSystem(job.config), searchedProperties(job));
} else {
  const { system, properties } = createBenchmark({ maxP: Number(bound) });
  measure(system, properties);
}
