// The random search's default (helper threads only when the work left pays for their start-up) against one thread,
// in alternating rounds so that load from other work hits both alike; and where a helper's start-up goes, beside
// the one-thread search it would share.
import { isDeepStrictEqual } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { buildSystem, systemSource } from '../src/cli/systems.ts';
import { helperStartupCost, unmeasuredHelperStartupMs } from '../src/engine/random/helperStartupCost.ts';
import { mergeRandomPartials } from '../src/engine/random/mergeRandomPartials.ts';
import { resolveRandomOptions } from '../src/engine/random/RandomOptions.ts';
import type { RandomWorkerData, RandomWorkerMessage, RandomWorkerRequest } from '../src/engine/random/randomWorker.ts';
import { runChunk } from '../src/engine/random/runChunk.ts';
import { runRandomPartial } from '../src/engine/random/runRandomPartial.ts';
import { runRandomPartialParallel } from '../src/engine/random/runRandomPartialParallel.ts';
import { startWorker } from '../src/engine/startWorker.ts';
import type { SearchOutcome } from '../src/engine/Verdict.ts';
import { median } from './median.ts';

export interface RandomDefaultCase {
  /** What is searched, as printed. */
  readonly label: string;
  readonly system: string;
  readonly config: unknown;
  readonly runs: number;
}

/** The searches of issue 9: the benchmark model at 1,000 runs, the TR world's first flow at 3,000. */
export const randomDefaultCases = (maxP: number): readonly RandomDefaultCase[] => [
  { label: `benchmark model, MAXP=${maxP}`, system: 'benchmark', config: { maxP }, runs: 1000 },
  { label: 'TR world, initial-3gpp', system: 'tr33812-alt1a', config: { flow: 'initial-3gpp' }, runs: 3000 },
];

/** A helper's start-up, from starting its thread (medians; the one-thread search runs beside it meanwhile). */
export interface HelperStartup {
  readonly threadBootMillis: number;
  /** Registering the TypeScript loader and loading the engine's modules. */
  readonly engineLoadMillis: number;
  readonly systemLoadMillis: number;
  readonly buildMillis: number;
  /** The helper's first chunk, run cold. */
  readonly firstChunkMillis: number;
  /** From starting the thread to its first chunk delivered, had the chunk been sent as soon as it was ready. */
  readonly totalMillis: number;
}

export interface RandomDefaultFigures extends RandomDefaultCase {
  readonly rounds: number;
  readonly oneThreadMillis: number;
  readonly defaultMillis: number;
  /** Median of the per-round ratios default / one thread. */
  readonly ratio: number;
  /** Verdicts, traces and counts equal in every round. */
  readonly sameOutcome: boolean;
  /** This thread's warm chunk (median over the one-thread rounds). */
  readonly warmChunkMillis: number;
  /** The helper start-up the default assumed in its last round: measured once a helper of the system has run in
   *  this process, else unmeasuredHelperStartupMs. */
  readonly assumedStartupMillis: number;
  /** A helper of the system ran in this process (the default started one in some round). */
  readonly helpersRan: boolean;
  readonly helper: HelperStartup;
}

/** Outcomes without wall-clock times. */
const timeless = (outcome: SearchOutcome): unknown => JSON.parse(JSON.stringify(outcome, (key, value: unknown) => (key === 'millis' ? 0 : value)));

function message(worker: Worker): Promise<RandomWorkerMessage> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function helperStartup(c: RandomDefaultCase, rounds: number): Promise<HelperStartup> {
  const { system, properties } = buildSystem(c.system, c.config);
  const options = resolveRandomOptions({ runs: c.runs });
  const data: RandomWorkerData = {
    source: systemSource(c.system, c.config),
    properties: properties.map((p) => p.id),
    options,
    deadline: undefined,
    bootNice: 10,
  };
  const rows: HelperStartup[] = [];
  for (let round = 0; round < rounds; round++) {
    const startedAt = performance.timeOrigin + performance.now();
    const worker = startWorker(new URL('../src/engine/random/randomWorker.ts', import.meta.url), data);
    const ready = message(worker);
    runRandomPartial(system, properties, { runs: c.runs });
    const first = await ready;
    if (!('ready' in first)) throw new Error('bench: a random helper sent a chunk before saying it was ready');
    const phases = first.ready;
    const sent = performance.timeOrigin + performance.now();
    const result = message(worker);
    worker.postMessage(0 satisfies RandomWorkerRequest);
    await result;
    const delivered = performance.timeOrigin + performance.now();
    await worker.terminate();
    rows.push({
      threadBootMillis: phases.threadBooted - startedAt,
      engineLoadMillis: phases.engineLoaded - phases.threadBooted,
      systemLoadMillis: phases.systemLoaded - phases.engineLoaded,
      buildMillis: phases.systemBuilt - phases.systemLoaded,
      firstChunkMillis: delivered - sent,
      // Ready to the chunk sent, the helper waited for this thread's search to end: not part of its start-up.
      totalMillis: phases.systemBuilt - startedAt + (delivered - sent),
    });
  }
  const med = (f: (h: HelperStartup) => number): number => median(rows.map(f));
  return {
    threadBootMillis: med((h) => h.threadBootMillis),
    engineLoadMillis: med((h) => h.engineLoadMillis),
    systemLoadMillis: med((h) => h.systemLoadMillis),
    buildMillis: med((h) => h.buildMillis),
    firstChunkMillis: med((h) => h.firstChunkMillis),
    totalMillis: med((h) => h.totalMillis),
  };
}

export async function measureRandomDefault(c: RandomDefaultCase, rounds: number): Promise<RandomDefaultFigures> {
  const { system, properties } = buildSystem(c.system, c.config);
  const source = systemSource(c.system, c.config);
  const options = { runs: c.runs };
  const reference = timeless(mergeRandomPartials([runRandomPartial(system, properties, options)]));
  const one: number[] = [];
  const def: number[] = [];
  const ratios: number[] = [];
  const chunks: number[] = [];
  let same = true;
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs right after the other.
    for (const variant of round % 2 === 0 ? ['one', 'default'] : ['default', 'one']) {
      const began = performance.now();
      const partial =
        variant === 'one' ? runRandomPartial(system, properties, options) : await runRandomPartialParallel(system, properties, { ...options, source });
      (variant === 'one' ? one : def).push(performance.now() - began);
      same &&= isDeepStrictEqual(timeless(mergeRandomPartials([partial])), reference);
    }
    ratios.push(def.at(-1)! / one.at(-1)!);
    const resolved = resolveRandomOptions(options);
    const t0 = performance.now();
    runChunk(system, properties, resolved, 1, undefined);
    chunks.push(performance.now() - t0);
  }
  const assumed = helperStartupCost(source);
  return {
    ...c,
    rounds,
    oneThreadMillis: median(one),
    defaultMillis: median(def),
    ratio: median(ratios),
    sameOutcome: same,
    warmChunkMillis: median(chunks),
    assumedStartupMillis: assumed,
    helpersRan: assumed !== unmeasuredHelperStartupMs,
    helper: await helperStartup(c, Math.max(3, Math.ceil(rounds / 2))),
  };
}
