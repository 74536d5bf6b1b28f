// Worker of the bench's parallel-capacity check: one single-threaded exhaustive search of the
// benchmark model (after a warm-up run); posts its time.
import { parentPort, workerData } from 'node:worker_threads';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { createBenchmark } from '../examples/benchmark/createBenchmark.ts';

const { system, properties } = createBenchmark({ maxP: (workerData as { maxP: number }).maxP });
searchExhaustive(system, properties);
parentPort?.postMessage(searchExhaustive(system, properties).stats.millis);
