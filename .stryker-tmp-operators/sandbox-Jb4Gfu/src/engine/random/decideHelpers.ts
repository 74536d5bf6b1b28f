// Whether a random search that has run its first chunks here should start helper threads: only when the work
// left clearly exceeds what a helper of this system costs to start. A pure function of measured figures.

export interface HelperCosts {
  /** What one chunk costs this thread now that it is warm (ms). */
  readonly chunkMillis: number;
  /** Chunks the search will still run. */
  readonly chunksLeft: number;
  /** What a helper costs before it is of use: from starting it to its first chunk delivered, less one warm chunk (ms). */
  readonly helperStartMillis: number;
  /** Helpers that could be started (threads beside this one). */
  readonly helpers: number;
  /** Time left before the search's time limit (ms); undefined for none. */
  readonly millisLeft?: number;
}

export type HelperDecision =
  | { readonly start: true; readonly helpers: number; readonly remainingMillis: number }
  | { readonly start: false; readonly reason: 'no-helpers' | 'no-work-left' | 'too-little-work'; readonly remainingMillis: number };

/** The work left must exceed this many helper start-ups. With h helpers useful after L ms, this thread alone would
 *  take R; with them about L + (R - (1 - s)L) / (h + 1), s being the share of this thread's speed a loading helper
 *  takes (its TypeScript loader and compiler compete for the cores): on 2 busy cores, s was 0.3-0.4 with the helper
 *  loading at a lower priority (as it does), 0.55-0.6 without. With one helper that saves time only past
 *  R = (1 + s)L, and a tenth of R only past R = 1.25(1 + s)L, 2L at s = 0.6: below that the saving is within noise
 *  while the risk (a start-up that takes longer than estimated) is not. */
export const startupsOfWork = 2;

export function decideHelpers(costs: HelperCosts): HelperDecision {
  const work = Math.max(0, costs.chunkMillis) * Math.max(0, costs.chunksLeft);
  const remainingMillis = costs.millisLeft === undefined ? work : Math.min(work, Math.max(0, costs.millisLeft));
  if (costs.helpers < 1) return { start: false, reason: 'no-helpers', remainingMillis };
  if (costs.chunksLeft < 1 || remainingMillis <= 0) return { start: false, reason: 'no-work-left', remainingMillis };
  if (remainingMillis < startupsOfWork * costs.helperStartMillis) return { start: false, reason: 'too-little-work', remainingMillis };
  // A helper runs whole chunks: more helpers than chunks left would have nothing to do.
  return { start: true, helpers: Math.min(costs.helpers, costs.chunksLeft), remainingMillis };
}
