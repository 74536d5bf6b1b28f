// Runs one ablation cell: its scenario with the cell's switches off (or its insider), one exhaustive search on this
// thread with the threat's properties, and every attack re-executed on a fresh system and on live actors.
import { resolveScenario } from '../../../models/flows/ScenarioConfig.ts';
import { worldSystemFor, worldSystemOfTrace } from '../../../models/world/worldSystem.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { judgedIn } from '../../../properties/index.ts';
import { splitProperties } from '../../engine/searchProperties.ts';
import { searchExhaustive } from '../../engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../engine/replay/replayTrace.ts';
import { adaptiveTwoThreads } from '../../engine/pipeline/adaptiveTwoThreads.ts';
import { formatVerdict } from '../../report/formatVerdict.ts';
import type { CellResult, CellSpec, CellVerdict } from './AblationCell.ts';

export interface CellOptions {
  /** States at which a cell stops, inconclusive: a bound in states, not time, so results never depend on load. */
  readonly maxStates: number;
  /** Partial-order reduction (ExhaustiveOptions.reduction). */
  readonly reduction: boolean;
  /** --max-memory: the memory a cell's search may hold (ExhaustiveOptions.memoryBudgetBytes); absent: the default. */
  readonly memoryBudgetBytes?: number;
}

/** Injections a trust cell allows at least (docs/ablation.md). */
export const insiderInjections = 2;

/** `twoThreads`: the cell's search may go on on a second core where one has been idle (the other threads' cells done,
 *  say: ExhaustiveOptions.twoThreads), as `ablate` does unless --workers is given. */
export function runCell(spec: CellSpec, options: CellOptions, twoThreads = false): CellResult {
  const threat = threatSuite.find((t) => t.threat === spec.threat);
  const input = threat?.scenarios.find((s) => s.name === spec.scenario);
  // Specs are built from the threat suite itself; a miss is a programming error.
  if (threat === undefined || input === undefined) throw new Error(`ablation: no scenario ${spec.scenario} in threat t${spec.threat}`);
  const r = resolveScenario({
    ...input,
    off: [...(input.off ?? []), ...spec.off],
    // An insider acts through messages too: at least two injections, whatever the threat scenario's own budget.
    ...(spec.dishonest === undefined ? {} : { attacker: { ...input.attacker, dishonest: spec.dishonest, injections: Math.max(input.attacker?.injections ?? 0, insiderInjections) } }),
    ...(spec.dpfGeneratesCredentials === true ? { dpfGeneratesCredentials: true } : {}),
  });
  if (!r.ok) throw new Error(`ablation: ${spec.scenario}: ${r.error.message}`);
  // The matrix judges the safety properties; a property of service needs no switch to fail (docs/engine.md, Liveness).
  const properties = splitProperties(judgedIn(r.config, threat.properties).map((p) => p.property)).safety;
  const outcome = searchExhaustive(worldSystemFor(r.config, properties), properties, {
    maxStates: options.maxStates,
    reduction: options.reduction,
    ...(options.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: options.memoryBudgetBytes }),
    ...(twoThreads ? { twoThreads: adaptiveTwoThreads() } : {}),
  });
  const verdicts = outcome.verdicts.map(({ property, verdict }): CellVerdict => {
    const base = { property, kind: verdict.kind, text: formatVerdict(verdict) };
    if (verdict.kind !== 'violated') return base;
    const replay = replayTrace(worldSystemOfTrace(verdict.trace), properties.find((p) => p.id === property)!, verdict.trace);
    const replayed = replay.result.kind === 'reproduced' && replay.live !== 'absent' && replay.live.mismatch === undefined;
    return { ...base, steps: verdict.trace.actions.length, trace: verdict.trace, replayed };
  });
  const complete = outcome.verdicts.every(({ verdict }) => verdict.kind === 'violated' || (verdict.kind === 'holds-exhaustively' && verdict.complete));
  const s = outcome.stats;
  return { spec, states: s.states, transitions: s.transitions, depth: s.depth, complete, millis: s.millis, verdicts, ...(s.reduction === undefined ? {} : { reduction: s.reduction }) };
}
