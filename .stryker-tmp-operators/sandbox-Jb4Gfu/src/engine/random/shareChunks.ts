// Runs chunks of a random search on this thread and on helper threads without ever waiting for a helper: this
// thread takes the next chunk itself, and when none is left it runs one still out at a helper; the search ends as
// soon as every chunk it needs has a result, whether or not the helpers have loaded. A chunk's result depends only
// on the seed and its index, so it does not matter which thread ran it or which copy came back first.
import type { ViolationTally } from './RandomPartial.ts';
import type { ChunkResult } from './runChunk.ts';

/** A helper thread, seen from here. */
export interface ChunkHelper {
  /** Queues a chunk (only once the helper said it is ready). */
  run(chunk: number): void;
  /** Ends the helper, loaded or not; its later events are ignored. */
  stop(): void;
}

/** What a helper tells this thread. */
export interface HelperEvents {
  ready(): void;
  result(result: ChunkResult): void;
  failed(error: unknown): void;
}

/** Starts a helper, which reports through `events` from then on, never from within this call (it is another thread). */
export type StartHelper = (events: HelperEvents) => ChunkHelper;

/** When a helper started, became ready and delivered its first chunk (performance.now() times). */
export interface HelperTimes {
  readonly startedAt: number;
  readonly readyAt: number | undefined;
  readonly firstResultAt: number | undefined;
}

export interface ChunkSharing {
  /** Chunks still to run, in increasing order. */
  readonly queue: readonly number[];
  /** Violations of the chunks recorded so far (shareChunks adds each result it records): a chunk is not needed once
   *  every property has enough violating chunks below it. */
  readonly tally: ViolationTally;
  readonly runHere: (chunk: number) => ChunkResult;
  readonly helpers: readonly StartHelper[];
  /** Chunks queued at a helper at a time, so it does not wait for this thread between chunks. */
  readonly inFlight: number;
  /** Called once per chunk, with the first result to come back (already in the tally). */
  readonly onResult: (result: ChunkResult) => void;
  /** Lets helper messages in between this thread's chunks. Default: one turn of the event loop. */
  readonly pause?: () => Promise<void>;
}

interface HelperState {
  readonly handle: ChunkHelper;
  readonly queued: number[];
  readonly times: { startedAt: number; readyAt: number | undefined; firstResultAt: number | undefined };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves when every needed chunk is recorded (or a time limit interrupted one); rejects when a helper fails. */
export async function shareChunks(sharing: ChunkSharing): Promise<readonly HelperTimes[]> {
  const { queue, tally } = sharing;
  const pause = sharing.pause ?? turn;
  const done = new Set<number>();
  let next = 0;
  let interrupted = false;
  let failure: { error: unknown } | undefined;
  let finished = false;
  const needed = (chunk: number): boolean => !interrupted && !done.has(chunk) && !tally.enough(chunk);
  const takeNew = (): number | undefined => {
    while (next < queue.length) {
      const chunk = queue[next++]!;
      if (needed(chunk)) return chunk;
    }
    return undefined;
  };
  const record = (result: ChunkResult): void => {
    if (done.has(result.chunk)) return;
    done.add(result.chunk);
    tally.add(result);
    interrupted ||= result.interrupted;
    sharing.onResult(result);
  };
  const helpers: HelperState[] = [];
  const fill = (helper: HelperState): void => {
    while (helper.queued.length < sharing.inFlight) {
      const chunk = takeNew();
      if (chunk === undefined) return;
      helper.queued.push(chunk);
      helper.handle.run(chunk);
    }
  };
  for (const start of sharing.helpers) {
    const times = { startedAt: performance.now(), readyAt: undefined as number | undefined, firstResultAt: undefined as number | undefined };
    const helper: HelperState = {
      times,
      queued: [],
      handle: start({
        ready: () => {
          if (finished) return;
          times.readyAt = performance.now();
          fill(helper);
        },
        result: (result) => {
          if (finished) return;
          times.firstResultAt ??= performance.now();
          const at = helper.queued.indexOf(result.chunk);
          if (at >= 0) helper.queued.splice(at, 1);
          record(result);
          fill(helper);
        },
        failed: (error) => {
          if (!finished) failure ??= { error };
        },
      }),
    };
    helpers.push(helper);
  }
  // The chunk this thread runs when no new one is left: the last one queued at a helper and still needed
  // (a helper runs its queue in order, so the last one is the furthest from done there).
  const takeQueued = (): number | undefined => {
    let best: number | undefined;
    for (const helper of helpers) {
      for (const chunk of helper.queued) if (needed(chunk) && (best === undefined || chunk > best)) best = chunk;
    }
    return best;
  };
  try {
    for (let chunk = takeNew() ?? takeQueued(); chunk !== undefined; chunk = takeNew() ?? takeQueued()) {
      record(sharing.runHere(chunk));
      await pause();
      if (failure !== undefined) throw failure.error;
    }
  } finally {
    finished = true;
    for (const helper of helpers) helper.handle.stop();
  }
  return helpers.map((h) => ({ ...h.times }));
}
