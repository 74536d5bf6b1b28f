// What partial-order reduction did in a search, for the line that sums the search up ('' when the system offers
// none): steps left out by the action that reached a state (System.leavesOut), states expanded through ample sets
// (System.ample), symmetry reduction (System.symmetry), and a reduction made on an assumption the search checks
// (System.assumed).
import type { ExplorationStats } from '../engine/Verdict.ts';
import { formatCount as count } from '../report/formatCount.ts';
import { formatAssumption } from '../report/formatAssumption.ts';

export function formatReduction(stats: ExplorationStats): string {
  const assumption = formatAssumption(stats.assumption);
  return formatPartialOrder(stats) + formatSymmetry(stats) + (assumption === '' ? '' : `; ${assumption}`);
}

/** What symmetry reduction did ('' when the system declares no symmetry). */
function formatSymmetry(stats: ExplorationStats): string {
  const symmetry = stats.symmetry;
  if (symmetry === undefined) return '';
  if (symmetry.applied) return '; symmetry reduction: one state per orbit';
  switch (symmetry.reason) {
    case 'turned-off':
      return '; symmetry reduction not asked for (--symmetry)';
    case 'property':
      return `; symmetry reduction off (${symmetry.property ?? 'a property'} is not symmetric)`;
    case 'ample-sets':
      return '; symmetry reduction off (ample sets in use)';
    case 'parallel':
      return '; symmetry reduction off on several threads';
  }
}

function formatPartialOrder(stats: ExplorationStats): string {
  const leftOut =
    stats.leftOut === undefined
      ? ''
      : `; partial-order reduction: ${count(stats.leftOut)} of ${count(stats.transitions + stats.leftOut)} steps left out (every state still explored, at its depth)`;
  const reduction = stats.reduction;
  if (reduction === undefined) return leftOut;
  if (!reduction.applied) {
    switch (reduction.reason) {
      case 'turned-off':
        return '; partial-order reduction off (--no-reduction)';
      case 'depth-bound':
        return `${leftOut}; partial-order reduction${leftOut === '' ? '' : ' by ample sets'} off under a depth bound`;
      case 'parallel':
        return '; partial-order reduction off on several threads';
    }
  }
  const proviso = reduction.proviso > 0 ? `, ${count(reduction.proviso)} of them by the cycle proviso` : '';
  return `${leftOut}; partial-order reduction: ${count(reduction.reduced)} states expanded through ample sets, ${count(reduction.fullyExpanded)} fully${proviso}`;
}
