// How a level-synchronous breadth-first search ends, decided the same way by the one-thread, the
// shared-memory and the partitioned searches, so their verdicts cannot drift apart.
import type { SearchEnding } from './assembleVerdicts.ts';

/** Checked before each level: a limit that cut the search wins, then an empty frontier (the whole
 *  space), then the depth bound; undefined means expand the next level. */
export function levelEnding(
  cut: 'states' | 'time' | 'memory' | 'stop-at-first' | undefined,
  frontier: number,
  depth: number,
  maxDepth: number,
): SearchEnding | undefined {
  if (cut !== undefined) return { kind: 'cut', limit: cut };
  if (frontier === 0) return { kind: 'complete' };
  if (depth >= maxDepth) return { kind: 'depth', bound: maxDepth };
  return undefined;
}

/** Deepest level whose states are all known: the frontier's level, or, when the search ran out of
 *  states, the last non-empty one (the empty frontier is one level further). */
export function exploredDepth(ending: SearchEnding, depth: number): number {
  return ending.kind === 'complete' ? Math.max(0, depth - 1) : depth;
}
