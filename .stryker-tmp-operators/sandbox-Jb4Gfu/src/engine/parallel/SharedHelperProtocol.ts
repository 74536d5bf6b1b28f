// What the main thread gives a helper of the shared-memory exhaustive search: at start-up, the shared
// control and figures and how to rebuild the system; on joining and after each growth, the arrays
// and the search's limits (a helper may be started before the search it will join).
import type { SystemSource } from '../SystemSource.ts';
import type { SharedArrays } from './SharedSearchMemory.ts';

export interface SharedHelperData {
  readonly source: SystemSource;
  /** Property ids, in the caller's order. */
  readonly properties: readonly string[];
  /** This helper's index among the threads (the main thread is 0). */
  readonly index: number;
  readonly control: SharedArrayBuffer;
  readonly stats: SharedArrayBuffer;
  /** Nice value at which workerBoot.mjs loads the sources (the helper resets it to 0 once ready). */
  readonly bootNice?: number;
}

/** The search's limits a helper obeys. */
export interface SharedLimits {
  /** Wall-clock time (performance.timeOrigin + now) after which the search stops; Infinity for none. */
  readonly deadlineEpoch: number;
  readonly stopAtFirst: boolean;
}

/** The arrays to use from now on, the generation word's value when they were sent, and the limits;
 *  when the visited set grew, the old table and this helper's share of moving it (Command.rehash). */
export interface ToSharedHelper {
  readonly arrays: SharedArrays;
  readonly gen: number;
  readonly limits: SharedLimits;
  readonly rehash?: { readonly old: SharedArrayBuffer; readonly part: number; readonly parts: number };
}
