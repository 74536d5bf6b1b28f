// The default of a search that may go on on two threads (ExhaustiveOptions.twoThreads): once it has run a second and a
// half, at the first level's end where its levels still grow and a core has been idle lately (the thread then loads
// for about half a second while the search goes on alone). Measured on 2 cores (docs/engine.md, "Going on on two
// threads"): the second thread and the handover cost about what they save over the rest of a search of 2-3 s (the code
// runs cold on both threads for a while), and pay from some 5 s up. What is left of a search is not known, but while
// its levels still grow it is about as much as what was done (the TR world's searches of 3 to 5 injections), and past
// its widest level less: so a search starts the thread only before its widest level, and only once it has run
// `worthAfterMs`.
import { availableParallelism, cpus } from 'node:os';
import type { ExhaustiveProgress, TwoThreadsWhen } from '../exhaustive/ExhaustiveOptions.ts';

/** The idle cores are looked at from then on, at each level's end, so the look that decides is a recent one (from the
 *  search's start it would count V8 compiling the cold code on the other core). */
export const twoThreadsAfterMs = 1000;
/** A search that has run less than this never starts the thread: t2-replay-after-delete with 3 injections (2.0-2.1 s
 *  alone) widens until some 1.4 s, and handed over at 1.4-1.9 s it took 0.1-0.35 s longer than alone. */
export const worthAfterMs = 1500;
/** Idle cores, on average since the last look, that count as a core free: this search keeps one busy, and V8 compiles
 *  and collects garbage beside it on a part of another. */
const idleCoresFree = 0.5;
/** A shorter look is not long enough to tell (the kernel counts idle time in ticks of 10 ms). */
const shortestLookMs = 250;

/** The default on this machine: undefined on one core. */
export function adaptiveTwoThreads(): TwoThreadsWhen | undefined {
  if (availableParallelism() < 2) return undefined;
  const idle = coreIdleSince();
  const started = performance.now();
  return {
    afterMs: twoThreadsAfterMs,
    startIf: (progress) => {
      // Asked first, whatever the rest says: each look starts the next one's window.
      const free = idle();
      return free && stillGrowing(progress) && performance.now() - started >= worthAfterMs;
    },
  };
}

/** Whether the level to expand next is the widest so far (a search that does not say is taken to grow). */
export function stillGrowing(progress: ExhaustiveProgress): boolean {
  return progress.level === undefined || progress.widest === undefined || progress.level >= progress.widest;
}

/** Whether a core was idle since the last call (the first: since this was made), from the machine's own count of idle
 *  time: the load average, a minute's average, would still count what ran before this search. */
export function coreIdleSince(): () => boolean {
  let lastIdle = idleMillis();
  let lastAt = performance.now();
  return () => {
    const at = performance.now();
    if (at - lastAt < shortestLookMs) return false;
    const idle = idleMillis();
    const free = (idle - lastIdle) / (at - lastAt) >= idleCoresFree;
    lastIdle = idle;
    lastAt = at;
    return free;
  };
}

/** Milliseconds every core has been idle since the machine started. */
function idleMillis(): number {
  return cpus().reduce((sum, core) => sum + core.times.idle, 0);
}
