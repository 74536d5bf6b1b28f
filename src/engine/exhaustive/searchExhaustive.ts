// Exhaustive breadth-first search on one thread: every reachable state (or every trace up to a
// depth bound) is checked, counterexamples are shortest, and limits give `inconclusive`, never `holds`.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import { assembleVerdicts, explorerOrder, type SearchEnding } from './assembleVerdicts.ts';
import { omissionBound, type ExhaustiveOutcome } from './ExhaustiveOutcome.ts';
import { resolveExhaustiveOptions, type ExhaustiveOptions } from './ExhaustiveOptions.ts';
import { LevelExplorer } from './LevelExplorer.ts';
import { exploredDepth, levelEnding } from './levelEnding.ts';
import { traceOfViolation } from './traceOfViolation.ts';

export function searchExhaustive<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options?: ExhaustiveOptions,
): ExhaustiveOutcome {
  const config = resolveExhaustiveOptions(options);
  const started = performance.now();
  const { invariants, traceProperties, ordered } = explorerOrder(properties);
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
    stopAtFirst: config.stopAtFirst,
  });
  explorer.seed();
  let ending: SearchEnding | undefined;
  while ((ending = levelEnding(explorer.cut, explorer.frontierSize, explorer.depth, config.maxDepth)) === undefined) {
    explorer.expand();
    if (explorer.cut === undefined) explorer.endLevel();
    config.onProgress?.({ states: explorer.states, transitions: explorer.transitions, depth: explorer.depth });
  }
  const stats = {
    states: explorer.states,
    transitions: explorer.transitions,
    depth: exploredDepth(ending, explorer.depth),
    millis: performance.now() - started,
    hashed: explorer.hashedStates,
  };
  const verdicts = assembleVerdicts(properties, ordered, explorer.found, ending, stats, (violation, property) =>
    traceOfViolation(system, violation, property, explorer.parents),
  );
  const hashed = stats.hashed;
  return {
    verdicts,
    stats,
    fingerprints: { exact: explorer.states - hashed, hashed, omissionBound: omissionBound(hashed) },
    memory: { visitedBytes: explorer.bytes.visited, parentBytes: explorer.bytes.parents, peakFrontier: explorer.peakFrontier },
    workers: 1,
  };
}
