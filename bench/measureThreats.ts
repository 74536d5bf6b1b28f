// The threat suite on the TR world, as `npm run check` runs it: every threat scenario searched exhaustively with its
// properties and the sanity goal, one thread; the total time and, per scenario, states and states per second.
import { planCheck } from '../src/cli/check/planCheck.ts';
import { runCheckJob } from '../src/cli/check/runCheckJob.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import { sanityProperty } from '../properties/index.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { median } from './median.ts';

export interface ThreatScenarioFigures {
  readonly scenario: string;
  readonly threat: number;
  readonly states: number;
  readonly transitions: number;
  readonly millis: number;
  readonly statesPerSecond: number;
}

/** The largest scenario searched as the engine figures search the benchmark model: one system, a warm-up search
 *  (JIT, and the world's tables of local steps, messages and knowledge filled), then the median of `runs` searches
 *  with its properties; and the search memory per state from typed-array sizes. */
export interface LargestScenarioFigures {
  readonly scenario: string;
  readonly states: number;
  readonly transitions: number;
  /** The first search on a fresh system (what one `check` run pays), then the warm median. */
  readonly coldMillis: number;
  readonly warmMillis: number;
  readonly warmStatesPerSecond: number;
  /** States stored as fingerprints rather than exactly (0: every key was exact). */
  readonly hashed: number;
  readonly bytesPerState: {
    readonly visited: number;
    readonly parents: number;
    /** The world's interned tuples of local states and networks (grown once, shared by every search of the system). */
    readonly worldTables: number;
    readonly total: number;
  };
  /** Peak number of worlds in one BFS level (objects, not counted in the bytes above). */
  readonly peakFrontier: number;
}

export interface ThreatFigures {
  readonly scenarios: readonly ThreatScenarioFigures[];
  /** Wall time of the whole threat suite (searches, replays of attacks, sanity), one thread. */
  readonly totalMillis: number;
  readonly largest: ThreatScenarioFigures;
  readonly largestWarm: LargestScenarioFigures;
}

export function measureThreats(): ThreatFigures {
  const plan = planCheck({ threat: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12'] });
  const started = performance.now();
  const scenarios = plan.jobs.map((job): ThreatScenarioFigures => {
    const c = runCheckJob(job, plan.search);
    const s = c.search;
    return { scenario: c.config.name, threat: job.threat ?? 0, states: s.states, transitions: s.transitions, millis: s.millis, statesPerSecond: (s.states * 1000) / s.millis };
  });
  const totalMillis = performance.now() - started;
  const largest = scenarios.reduce((a, b) => (b.states > a.states ? b : a));
  const job = plan.jobs.find((j) => j.config.name === largest.scenario)!;
  return { scenarios, totalMillis, largest, largestWarm: measureLargest(job.config, [...job.properties.map((p) => p.property), sanityProperty], 5) };
}

function measureLargest(config: Parameters<typeof worldSystem>[0], properties: Parameters<typeof searchExhaustive>[1], runs: number): LargestScenarioFigures {
  const system = worldSystem(config);
  const cold = searchExhaustive(system, properties);
  const warm = Array.from({ length: runs }, () => searchExhaustive(system, properties));
  const warmMillis = median(warm.map((o) => o.stats.millis));
  const model = system.initialStates()[0]!.model;
  const states = cold.stats.states;
  const perState = (bytes: number): number => bytes / states;
  const visited = perState(cold.memory.visitedBytes);
  const parents = perState(cold.memory.parentBytes);
  const worldTables = perState(model.nets.bytes + model.roleTuples.bytes);
  return {
    scenario: config.name,
    states,
    transitions: cold.stats.transitions,
    coldMillis: cold.stats.millis,
    warmMillis,
    warmStatesPerSecond: (states * 1000) / warmMillis,
    hashed: cold.fingerprints.hashed,
    bytesPerState: { visited, parents, worldTables, total: visited + parents + worldTables },
    peakFrontier: cold.memory.peakFrontier,
  };
}
