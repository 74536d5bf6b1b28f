// A real `trecheck check` run as data, built by check's own stages (plan, then each job: honest run, pure and
// live; exhaustive search; re-check of each counterexample), for the tests of reportFromCheck.
import { planCheck } from '../../src/cli/check/planCheck.ts';
import { runCheckJob } from '../../src/cli/check/runCheckJob.ts';
import type { ScenarioCheck } from '../../src/cli/check/ScenarioCheck.ts';

/** The check run of `flow`'s presets with one change request (the presets of repeated changes have tests of their own). */
export function checkRun(flow: string): ScenarioCheck[] {
  const plan = planCheck({ flow: [flow] });
  return plan.jobs.filter((job) => job.config.changeRequests === 1).map((job) => runCheckJob(job, plan.search));
}

