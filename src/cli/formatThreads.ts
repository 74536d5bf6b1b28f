// The threads a search ran on, for the line that sums it up ('' on one thread): the pipelined search from its start, or
// from the level where a one-thread search went on on two threads (ExplorationStats.twoThreads).
import type { ExplorationStats } from '../engine/Verdict.ts';
import { formatCount as count } from '../report/formatCount.ts';

export function formatThreads(stats: ExplorationStats): string {
  const two = stats.twoThreads;
  if (two === undefined) return '';
  return two.fromLevel === 0 ? ' on 2 threads' : ` on 2 threads from level ${two.fromLevel} (${count(two.fromStates)} states, ${Math.round(two.fromMillis)} ms)`;
}
