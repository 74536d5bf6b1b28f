// Exhaustive breadth-first search on one thread: every reachable state (or every trace up to a
// depth bound) is checked, counterexamples are shortest, and limits give `inconclusive`, never `holds`.
// For a system with ample sets, partial-order reduction (on by default) explores a reduced state space
// instead, sound for the properties checked; its counterexamples are then shrunk, not proved shortest.
// Asked to (`twoThreads`), a search of a system of records goes on on two threads from a level's end, the pipelined
// search taking over the same search (src/engine/pipeline/switchToPipeline.ts).
import type { Property } from '../Property.ts';
import { spaceWasReduced, type ReductionStats } from '../ReductionStats.ts';
import type { SymmetryStats } from '../Symmetry.ts';
import type { System } from '../System.ts';
import type { ExplorationStats } from '../Verdict.ts';
import { visibilityOf } from '../Visibility.ts';
import { assembleVerdicts, explorerOrder, type SearchEnding } from './assembleVerdicts.ts';
import { omissionBound, type ExhaustiveOutcome } from './ExhaustiveOutcome.ts';
import { resolveExhaustiveOptions, type ExhaustiveConfig, type ExhaustiveOptions } from './ExhaustiveOptions.ts';
import { LevelExplorer, type ReductionCounts } from './LevelExplorer.ts';
import { exploredDepth, levelEnding } from './levelEnding.ts';
import { shrinkTrace } from './shrinkTrace.ts';
import { traceOfViolation } from './traceOfViolation.ts';
import { pipelineFits, pipelineOutcome } from '../pipeline/searchPipelined.ts';
import { handOver, PipelineSwitch } from '../pipeline/switchToPipeline.ts';

export function searchExhaustive<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options?: ExhaustiveOptions,
): ExhaustiveOutcome {
  const config = resolveExhaustiveOptions(options);
  const started = performance.now();
  const assumed = system.assumed;
  if (assumed === undefined) return searchOnce(system, properties, config, started, () => undefined);
  // The assumption is checked at every step the search takes: held to the end, the verdicts stand; broken, they are
  // those of the system without it, searched again (its time counted with the first's).
  const first = searchOnce(system, properties, config, started, () => (assumed.brokenBy() === undefined ? { name: assumed.name, outcome: 'held' } : undefined));
  const brokenBy = assumed.brokenBy();
  if (brokenBy === undefined) return first;
  return searchOnce(assumed.without(), properties, config, started, () => ({ name: assumed.name, outcome: 'broken', brokenBy }));
}

function searchOnce<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  config: ExhaustiveConfig,
  started: number,
  assumption: () => ExplorationStats['assumption'],
): ExhaustiveOutcome {
  const { invariants, traceProperties, ordered } = explorerOrder(properties);
  const ample = config.reduction.on && system.ample !== undefined;
  const symmetry = symmetrySetting(system, properties, config.symmetry, ample);
  const canonical = symmetry?.applied === true ? system.symmetry!.canonical.bind(system.symmetry) : undefined;
  const canonicalKey = canonical === undefined ? undefined : system.symmetry!.canonicalKey?.bind(system.symmetry);
  // Steps left out under symmetry, by an order the symmetry keeps (Symmetry.leaveOut).
  const symmetricLeaveOut = canonicalKey === undefined || !config.leaveOut ? undefined : system.symmetry!.leaveOut;
  symmetricLeaveOut?.begin();
  const explorer = new LevelExplorer<S, A>({
    system,
    invariants,
    traceProperties,
    owner: 0,
    owners: 1,
    initialCapacity: config.initialCapacity,
    maxStates: config.maxStates,
    deadline: started + config.timeLimitMs,
    memoryBudget: config.memoryBudgetBytes,
    heapBudget: config.heapBudgetBytes,
    stopAtFirst: config.stopAtFirst,
    ...(ample ? { visible: visibilityOf(properties) } : {}),
    leaveOut: config.leaveOut,
    ...(canonical === undefined ? {} : { canonical }),
    ...(canonicalKey === undefined ? {} : { canonicalKey }),
    ...(symmetricLeaveOut === undefined ? {} : { canonicalVia: (key: number, action: A) => symmetricLeaveOut.via(key, action) }),
  });
  const switcher = config.twoThreads !== undefined && canonical === undefined && pipelineFits(system, properties, config) ? new PipelineSwitch(config, started, config.twoThreads) : undefined;
  explorer.seed();
  let ending: SearchEnding | undefined;
  try {
    while ((ending = levelEnding(explorer.cut, explorer.frontierSize, explorer.depth, config.maxDepth)) === undefined) {
      explorer.expand();
      if (explorer.cut === undefined) explorer.endLevel();
      const progress = { states: explorer.states, transitions: explorer.transitions, depth: explorer.depth, level: explorer.frontierSize, widest: explorer.peakFrontier };
      config.onProgress?.(progress);
      const thread = explorer.cut === undefined && explorer.frontierSize > 0 ? switcher?.ready(progress) : undefined;
      if (thread === undefined) continue;
      const from = handOver(system, explorer, thread, performance.now() - started);
      if (from !== undefined) return pipelineOutcome(system, properties, config, started, assumption, thread, from);
      switcher!.stop();
    }
  } finally {
    switcher?.stop();
  }
  const held = assumption();
  const stats = {
    states: explorer.states,
    transitions: explorer.transitions,
    depth: exploredDepth(ending, explorer.depth),
    millis: performance.now() - started,
    hashed: explorer.hashedStates,
    ...reductionOf(system, config.reduction, explorer.reduction),
    ...(explorer.leavingOut ? { leftOut: explorer.leftOut } : {}),
    ...(symmetry === undefined ? {} : { symmetry }),
    ...(held === undefined ? {} : { assumption: held }),
  };
  const reduced = spaceWasReduced(stats.reduction);
  const verdicts = assembleVerdicts(properties, ordered, explorer.found, ending, stats, (violation, property) => {
    const trace = traceOfViolation(system, violation, property, explorer.parents, canonical);
    return reduced ? shrinkTrace(system, property, trace) : trace;
  });
  const hashed = stats.hashed;
  return {
    verdicts,
    stats,
    fingerprints: { exact: explorer.states - hashed, hashed, omissionBound: omissionBound(hashed) },
    memory: {
      visitedBytes: explorer.bytes.visited,
      parentBytes: explorer.bytes.parents,
      peakFrontier: explorer.peakFrontier,
      ...(explorer.storeLimit === undefined ? {} : { storeLimit: explorer.storeLimit }),
    },
    workers: 1,
  };
}

/** The stats' `reduction` field: absent for a system without ample sets, else what was done or why not. */
function reductionOf(
  system: System<unknown, unknown>,
  setting: ExhaustiveConfig['reduction'],
  counts: ReductionCounts | undefined,
): { reduction?: ReductionStats } {
  if (system.ample === undefined) return {};
  if (!setting.on) return { reduction: { applied: false, reason: setting.reason } };
  // The explorer reduces exactly when the setting is on and the system has ample sets.
  const { reduced, fullyExpanded, proviso } = counts!;
  return { reduction: { applied: true, reduced, fullyExpanded, proviso } };
}

/** The stats' `symmetry` field: absent for a system without a symmetry; else whether one state per orbit is stored,
 *  or why not. A property the group does not preserve (a claim about one device of several) turns it off: its
 *  verdict on representatives would not be its verdict on the states they stand for. */
export function symmetrySetting<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], on: boolean, ample: boolean): SymmetryStats | undefined {
  const symmetry = system.symmetry;
  if (symmetry === undefined) return undefined;
  if (!on) return { applied: false, reason: 'turned-off' };
  if (ample) return { applied: false, reason: 'ample-sets' };
  const broken = properties.find((property) => !symmetry.preserves(property));
  if (broken !== undefined) return { applied: false, reason: 'property', property: broken.id };
  return { applied: true };
}
