// The default of a search that may go on on two threads (ExhaustiveOptions.twoThreads): once it has run a second, and
// only while a core looks free. Measured on 2 cores (docs/engine.md, "Going on on two threads"): the second thread
// and the handover cost about what it saves over the rest of a search of 2-3 s (its code runs cold on both threads
// for a while), and pay from some 5 s up; a search shorter than `twoThreadsAfterMs` never starts the thread.
import { availableParallelism, loadavg } from 'node:os';
import type { TwoThreadsWhen } from '../exhaustive/ExhaustiveOptions.ts';

export const twoThreadsAfterMs = 1000;

/** Whether another thread would get a core: the 1-minute load average (this search included) leaves one free. On a
 *  busy machine a second thread only slows the search it was meant to speed up. */
export function coreLooksFree(): boolean {
  return loadavg()[0]! < availableParallelism() - 0.5;
}

/** The default on this machine: undefined on one core. */
export function adaptiveTwoThreads(): TwoThreadsWhen | undefined {
  return availableParallelism() < 2 ? undefined : { afterMs: twoThreadsAfterMs, startIf: coreLooksFree };
}
