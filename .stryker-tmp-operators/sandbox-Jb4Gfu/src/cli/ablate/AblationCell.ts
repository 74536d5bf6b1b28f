// One cell of the ablation matrix: a threat scenario with some counter-measures off (none for the baseline) or a
// role made dishonest, searched exhaustively with the properties of its threat. Specs and results are plain data:
// they cross to worker threads and into the cache.
import type { InsiderRole } from '../../../models/attacker/capabilities.ts';
import type { SwitchId } from '../../../models/counterMeasures/switches.ts';
import type { ReductionStats } from '../../engine/ReductionStats.ts';
import type { Trace } from '../../engine/Trace.ts';
import type { VerdictKind } from '../../engine/Verdict.ts';

export interface CellSpec {
  /** The threat scenario (properties/threats) by name. */
  readonly scenario: string;
  readonly threat: number;
  /** Switches off in this cell (sorted); empty for the baseline and the trust cells. */
  readonly off: readonly SwitchId[];
  /** Trust matrix: the role made dishonest (004 Annex x.3), and the 5.1.3.4.3 variant. */
  readonly dishonest?: InsiderRole;
  readonly dpfGeneratesCredentials?: boolean;
}

export interface CellVerdict {
  readonly property: string;
  readonly kind: VerdictKind;
  /** The verdict with its bound, in words. */
  readonly text: string;
  /** Violations: the attack (shortest, unless the search was reduced: then shrunk), and whether it replays with live actors agreeing. */
  readonly steps?: number;
  readonly trace?: Trace;
  readonly replayed?: boolean;
}

export interface CellResult {
  readonly spec: CellSpec;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly complete: boolean;
  readonly millis: number;
  readonly verdicts: readonly CellVerdict[];
  /** What partial-order reduction did in the cell's search (absent: the model offers no ample sets). */
  readonly reduction?: ReductionStats;
}

/** A stable label of a cell ("t2-network off t5.cm3", "t5-replaced-tre dishonest ro"). */
export function cellLabel(spec: CellSpec): string {
  const parts = [spec.scenario];
  if (spec.off.length > 0) parts.push(`off ${spec.off.join('+')}`);
  if (spec.dishonest !== undefined) parts.push(`dishonest ${spec.dishonest}${spec.dpfGeneratesCredentials === true ? ' (DPF generates credentials)' : ''}`);
  if (parts.length === 1) parts.push('all on');
  return parts.join(' ');
}
