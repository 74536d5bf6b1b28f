// Child process of the ratio figure: one model, alone in its own process (searching both models in one process
// makes the engine's code polymorphic and slowed the TR world by a third). It builds the system, runs a warm-up
// search and prints one JSON line with the states; then, for each line on its input (a count), it runs that many
// searches of the same system and prints one JSON line with each search's milliseconds. It ends with its input.
import { createInterface } from 'node:readline';
import { worldSystem } from '../models/world/worldSystem.ts';
import { searchedProperties } from '../src/cli/check/runCheckJob.ts';
import { splitProperties } from '../src/engine/searchProperties.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { threatSuitePlan } from './measureThreats.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

const [which, scenario, bound] = process.argv.slice(2);

function serve<S, A>(system: Parameters<typeof searchExhaustive<S, A>>[0], properties: Parameters<typeof searchExhaustive<S, A>>[1]): void {
  const states = searchExhaustive(system, properties).stats.states;
  process.stdout.write(`${JSON.stringify({ states })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const millis = Array.from({ length: Number(line) }, () => searchExhaustive(system, properties).stats.millis);
    process.stdout.write(`${JSON.stringify({ millis })}\n`);
  });
}

if (which === 'tr') {
  const job = threatSuitePlan().jobs.find((j) => j.config.name === scenario);
  if (job === undefined) {
    process.stderr.write(`bench/rateProcess.ts: no threat scenario ${scenario}\n`);
    process.exit(2);
  }
  serve(worldSystem(job.config), splitProperties(searchedProperties(job)).safety);
} else {
  const { system, properties } = createBenchmark({ maxP: Number(bound) });
  serve(system, properties);
}
