// What partial-order reduction did in a search, for the line that sums the search up ('' for a system without ample sets).
import type { ReductionStats } from '../engine/ReductionStats.ts';
import { formatCount as count } from './formatCount.ts';

export function formatReduction(reduction: ReductionStats | undefined): string {
  if (reduction === undefined) return '';
  if (!reduction.applied) {
    switch (reduction.reason) {
      case 'turned-off':
        return '; partial-order reduction off (--no-reduction)';
      case 'depth-bound':
        return '; partial-order reduction off under a depth bound';
      case 'parallel':
        return '; partial-order reduction off on several threads';
    }
  }
  const proviso = reduction.proviso > 0 ? `, ${count(reduction.proviso)} of them by the cycle proviso` : '';
  return `; partial-order reduction: ${count(reduction.reduced)} states expanded through ample sets, ${count(reduction.fullyExpanded)} fully${proviso}`;
}
