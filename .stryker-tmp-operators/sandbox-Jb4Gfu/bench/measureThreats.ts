// The threat suite on the TR world, as `npm run check` runs it: every threat scenario searched exhaustively with its
// properties and the sanity goal, one thread; the total time and, per scenario, states and states per second.
import type { CheckJob, SearchChoice } from '../src/cli/check/CheckPlan.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { planCheck } from '../src/cli/check/planCheck.ts';
import { runCheckJob, searchedProperties } from '../src/cli/check/runCheckJob.ts';
import { splitProperties } from '../src/engine/searchProperties.ts';
import { threatSuite } from '../properties/threats/threatSuite.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';

export interface ThreatScenarioFigures {
  readonly scenario: string;
  readonly threat: number;
  readonly states: number;
  /** Steps taken, and steps left out by partial-order reduction (every state still explored: docs/engine.md). */
  readonly transitions: number;
  readonly leftOut: number;
  readonly millis: number;
  readonly statesPerSecond: number;
}

/** The largest scenario, one search on a fresh system (what one `check` pays: its tables start empty), and its
 *  search memory per state from typed-array sizes. */
export interface LargestScenarioFigures {
  readonly scenario: string;
  readonly states: number;
  readonly millis: number;
  /** States stored as fingerprints rather than exactly (0: every key was exact). */
  readonly hashed: number;
  readonly bytesPerState: {
    readonly visited: number;
    readonly parents: number;
    /** The world's records, its interned tuples of local states, its role step cache and local moves. */
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
  readonly largestFresh: LargestScenarioFigures;
}

/** `check`'s plan of the whole threat suite (every threat, its scenarios and properties). */
export function threatSuitePlan(): ReturnType<typeof planCheck> {
  return planCheck({ threat: threatSuite.map((t) => `t${t.threat}`) });
}

/** One threat scenario checked as `npm run check` checks it; the figures are its search's (replays and sanity aside). */
function measureThreatScenario(job: CheckJob, search: SearchChoice): ThreatScenarioFigures {
  const c = runCheckJob(job, search);
  const s = c.search;
  return { scenario: c.config.name, threat: job.threat ?? 0, states: s.states, transitions: s.transitions, leftOut: s.leftOut ?? 0, millis: s.millis, statesPerSecond: (s.states * 1000) / s.millis };
}

export function measureThreats(): ThreatFigures {
  const plan = threatSuitePlan();
  const started = performance.now();
  const scenarios = plan.jobs.map((job) => measureThreatScenario(job, plan.search));
  const totalMillis = performance.now() - started;
  const largest = scenarios.reduce((a, b) => (b.states > a.states ? b : a));
  const job = plan.jobs.find((j) => j.config.name === largest.scenario)!;
  return { scenarios, totalMillis, largest, largestFresh: measureLargest(job) };
}

function measureLargest(job: CheckJob): LargestScenarioFigures {
  const system = worldSystem(job.config);
  const outcome = searchExhaustive(system, splitProperties(searchedProperties(job)).safety);
  const model = system.initialStates()[0]!.model;
  const states = outcome.stats.states;
  const visited = outcome.memory.visitedBytes / states;
  const parents = outcome.memory.parentBytes / states;
  const worldTables = (model.worlds.bytes + model.roleTuples.bytes + model.stepTableBytes) / states;
  return {
    scenario: job.config.name,
    states,
    millis: outcome.stats.millis,
    hashed: outcome.fingerprints.hashed,
    bytesPerState: { visited, parents, worldTables, total: visited + parents + worldTables },
    peakFrontier: outcome.memory.peakFrontier,
  };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** `measureThreats` in a fresh child process (bench/threatsProcess.ts), with the engine's code seeing TR worlds only. */
export function measureThreatsAlone(): ThreatFigures {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/threatsProcess.ts'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  // Without the suite's figures the bench has no headline; a failing child is a bug to see.
  if (child.error !== undefined || child.status !== 0) throw new Error(`bench: the threat suite process failed: ${child.error?.message ?? child.stderr.trim()}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ThreatFigures;
}
