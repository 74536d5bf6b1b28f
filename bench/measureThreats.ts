// The threat suite on the TR world, as `npm run check` runs it: every threat scenario searched exhaustively with its
// properties and the sanity goal, one thread; the total time and, per scenario, states and states per second.
import type { CheckJob, SearchChoice } from '../src/cli/check/CheckPlan.ts';
import { planCheck } from '../src/cli/check/planCheck.ts';
import { runCheckJob } from '../src/cli/check/runCheckJob.ts';

export interface ThreatScenarioFigures {
  readonly scenario: string;
  readonly threat: number;
  readonly states: number;
  readonly transitions: number;
  readonly millis: number;
  readonly statesPerSecond: number;
}

export interface ThreatFigures {
  readonly scenarios: readonly ThreatScenarioFigures[];
  /** Wall time of the whole threat suite (searches, replays of attacks, sanity), one thread. */
  readonly totalMillis: number;
  readonly largest: ThreatScenarioFigures;
}

/** One threat scenario checked as `npm run check` checks it; the figures are its search's (replays and sanity aside). */
export function measureThreatScenario(job: CheckJob, search: SearchChoice): ThreatScenarioFigures {
  const c = runCheckJob(job, search);
  const s = c.search;
  return { scenario: c.config.name, threat: job.threat ?? 0, states: s.states, transitions: s.transitions, millis: s.millis, statesPerSecond: (s.states * 1000) / s.millis };
}

export function measureThreats(): ThreatFigures {
  const plan = planCheck({ threat: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12'] });
  const started = performance.now();
  const scenarios = plan.jobs.map((job) => measureThreatScenario(job, plan.search));
  const totalMillis = performance.now() - started;
  const largest = scenarios.reduce((a, b) => (b.states > a.states ? b : a));
  return { scenarios, totalMillis, largest };
}
