// Sharing chunks with helper threads: whatever the helpers do (load late, never, deliver in any order), the
// outcome is the one-thread search's, and this thread never waits for a helper.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Property } from '../../../src/engine/Property.ts';
import { mergeRandomPartials } from '../../../src/engine/random/mergeRandomPartials.ts';
import { ViolationTally } from '../../../src/engine/random/RandomPartial.ts';
import { resolveRandomOptions } from '../../../src/engine/random/RandomOptions.ts';
import { runChunk, type ChunkResult } from '../../../src/engine/random/runChunk.ts';
import { partialOf, runRandomPartial, shardChunks } from '../../../src/engine/random/runRandomPartial.ts';
import { shareChunks, type ChunkHelper, type HelperEvents, type StartHelper } from '../../../src/engine/random/shareChunks.ts';
import type { SearchOutcome } from '../../../src/engine/Verdict.ts';
import { bigNeverFour, jugProperties, jugsSystem, neverEmptyRightAfterFill, type Jugs } from './toySystems.ts';

const timeless = (outcome: SearchOutcome): string => JSON.stringify(outcome, (key, value: unknown) => (key === 'millis' ? 0 : value));

/** What a scripted helper does, counted in this thread's pauses between chunks. */
interface HelperScript {
  /** Pauses until it is ready; null: it never is (still loading when the search ends). */
  readonly readyAfter: number | null;
  /** Pauses each chunk takes there, in turn. */
  readonly latencies: readonly number[];
}

/** Helpers that follow their scripts, advanced one step at each pause of this thread. */
function scriptedHelpers(scripts: readonly HelperScript[], resultOf: (chunk: number) => ChunkResult) {
  const ticks: (() => void)[] = [];
  const stopped = scripts.map(() => false);
  const starts: StartHelper[] = scripts.map((script, i) => (events: HelperEvents): ChunkHelper => {
    let now = 0;
    let ready = false;
    let sent = 0;
    let busyUntil = 0;
    const queue: { chunk: number; due: number }[] = [];
    ticks.push(() => {
      if (stopped[i]) return;
      now++;
      if (!ready && script.readyAfter !== null && now >= script.readyAfter) {
        ready = true;
        events.ready();
      }
      while (queue.length > 0 && queue[0]!.due <= now) events.result(resultOf(queue.shift()!.chunk));
    });
    return {
      run: (chunk) => {
        if (!ready) throw new Error('a chunk was sent to a helper that had not said it was ready');
        busyUntil = Math.max(busyUntil, now) + 1 + (script.latencies[sent++ % Math.max(1, script.latencies.length)] ?? 0);
        queue.push({ chunk, due: busyUntil });
      },
      stop: () => {
        stopped[i] = true;
      },
    };
  });
  const pause = async (): Promise<void> => {
    for (const tick of ticks) tick();
  };
  return { starts, pause, stopped };
}

const chunkCaches = new Map<readonly Property<Jugs, string>[], Map<number, ChunkResult>>();

/** A random search as runRandomPartialParallel runs it: `head` chunks here, then the rest shared with the helpers. */
async function sharedSearch(
  properties: readonly Property<Jugs, string>[],
  head: number,
  scripts: readonly HelperScript[],
): Promise<{ outcome: SearchOutcome; recorded: number[]; stopped: boolean[] }> {
  const options = { runs: 1200, seed: 5, maxSteps: 20 };
  const resolved = resolveRandomOptions(options);
  const ids = properties.map((p) => p.id as string);
  // Chunk results are a function of the seed and the index (the law this file relies on, tested with real threads in
  // searchRandom.test.ts): computed once per property set, so the many schedules below stay quick.
  const cache = chunkCaches.get(properties) ?? new Map<number, ChunkResult>();
  chunkCaches.set(properties, cache);
  const resultOf = (chunk: number): ChunkResult => {
    if (!cache.has(chunk)) cache.set(chunk, runChunk(jugsSystem, properties, resolved, chunk, undefined));
    return cache.get(chunk)!;
  };
  const queue = shardChunks(resolved);
  const tally = new ViolationTally(ids, resolved.counterexamples);
  const results: ChunkResult[] = [];
  for (const chunk of queue.slice(0, head)) {
    results.push(resultOf(chunk));
    tally.add(results.at(-1)!);
  }
  const { starts, pause, stopped } = scriptedHelpers(scripts, resultOf);
  await shareChunks({ queue: queue.slice(head), tally, runHere: resultOf, helpers: starts, inFlight: 4, onResult: (result) => results.push(result), pause });
  const outcome = mergeRandomPartials([partialOf(jugsSystem, ids, resolved, results, 0)]);
  return { outcome, recorded: results.map((r) => r.chunk), stopped };
}

const references = new Map<readonly Property<Jugs, string>[], string>();
const oneThread = (properties: readonly Property<Jugs, string>[]): string => {
  if (!references.has(properties)) {
    references.set(properties, timeless(mergeRandomPartials([runRandomPartial(jugsSystem, properties, { runs: 1200, seed: 5, maxSteps: 20 })])));
  }
  return references.get(properties)!;
};

// Every property found (the search stops early, after 3 violating chunks each), or one never violated (all 12 chunks).
const propertySets = [[bigNeverFour, neverEmptyRightAfterFill], jugProperties] as unknown as readonly (readonly Property<Jugs, string>[])[];

describe('shareChunks', () => {
  it('gives the one-thread outcome whatever the helpers do, records each chunk once and stops every helper', async () => {
    const script = fc.record({
      readyAfter: fc.option(fc.nat(12), { nil: null }),
      latencies: fc.array(fc.nat(4), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1), fc.nat(3), fc.array(script, { maxLength: 3 }), async (set, head, scripts) => {
        const properties = propertySets[set]!;
        const { outcome, recorded, stopped } = await sharedSearch(properties, head, scripts);
        expect(timeless(outcome)).toBe(oneThread(properties));
        expect(new Set(recorded).size).toBe(recorded.length);
        expect(stopped.every((s) => s)).toBe(true);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('ends without waiting for a helper that never finishes loading: this thread runs every chunk', async () => {
    const { outcome, recorded } = await sharedSearch(jugProperties as never, 1, [{ readyAfter: null, latencies: [] }]);
    expect(timeless(outcome)).toBe(oneThread(jugProperties as never));
    expect(recorded).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('runs itself the chunks still queued at a slow helper instead of waiting for them', async () => {
    // Ready at once, then 1,000 pauses a chunk: its first chunks are all it could ever deliver in time.
    const { outcome, recorded } = await sharedSearch(jugProperties as never, 0, [{ readyAfter: 0, latencies: [1000] }]);
    expect(timeless(outcome)).toBe(oneThread(jugProperties as never));
    expect([...recorded].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('fails the search when a helper fails', async () => {
    const failing: StartHelper = (events) => {
      setImmediate(() => events.failed(new Error('helper could not load the system')));
      return { run: () => undefined, stop: () => undefined };
    };
    const resolved = resolveRandomOptions({ runs: 1200 });
    const ids = jugProperties.map((p) => p.id as string);
    const search = shareChunks({
      queue: shardChunks(resolved),
      tally: new ViolationTally(ids, resolved.counterexamples),
      runHere: (chunk) => runChunk(jugsSystem, jugProperties, resolved, chunk, undefined),
      helpers: [failing],
      inFlight: 4,
      onResult: () => undefined,
    });
    await expect(search).rejects.toThrow(/could not load/);
  });
});
