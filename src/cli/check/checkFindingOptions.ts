// The options of a `check` run that decide its findings, as a baseline entry remembers them: counter-measures
// switched off (resolved ids), the scenario file's digest, and the search's bounds. Defaults are left out, so a
// default run has {}. The property and scenario filters are not here: they choose what is checked, which the
// baseline comparison already limits itself to. An exhaustive search's limits (--max-states, --max-memory, --time)
// count only when they cut one of the run's searches short: a search they did not cut found what it finds without
// them, so a run that sets a limit as a guard (a CI runner's memory) is compared with the entries of a default run.
import { createHash } from 'node:crypto';
import { switchOf } from '../../../models/counterMeasures/switches.ts';
import { canonicalJson } from '../../engine/canonicalJson.ts';
import type { FindingOptions } from '../../report/Report.ts';
import type { CheckPlan } from './CheckPlan.ts';
import type { CheckFlags } from './planCheck.ts';
import type { ScenarioCheck } from './ScenarioCheck.ts';

/** The limits that cut one of the searches of `checks` short. */
function limitsThatCut(checks: readonly ScenarioCheck[]): ReadonlySet<string> {
  return new Set(checks.flatMap((c) => c.properties.flatMap((p) => (p.verdict.kind === 'inconclusive' ? [p.verdict.limit] : []))));
}

export function checkFindingOptions(flags: CheckFlags, plan: CheckPlan, checks: readonly ScenarioCheck[]): FindingOptions {
  const off = [...new Set((flags.off ?? []).map((id) => switchOf(id)?.id ?? id))].sort();
  // The resolved scenarios, not the file's bytes: reformatting the file keeps its entries.
  const config = flags.config === undefined ? undefined : createHash('sha256').update(canonicalJson(plan.jobs.map((j) => j.config))).digest('hex').slice(0, 16);
  const s = plan.search;
  const cut = limitsThatCut(checks);
  const limits =
    s.mode === 'random'
      ? { random: { runs: s.runs, steps: s.maxSteps, seed: s.seed }, ...(s.timeLimitMs === undefined ? {} : { timeMs: s.timeLimitMs }) }
      : {
          ...(s.maxDepth === undefined ? {} : { depth: s.maxDepth }),
          ...(s.maxStates === undefined || !cut.has('states') ? {} : { maxStates: s.maxStates }),
          ...(s.memoryBudgetBytes === undefined || !cut.has('memory') ? {} : { maxMemory: s.memoryBudgetBytes }),
          ...(s.timeLimitMs === undefined || !cut.has('time') ? {} : { timeMs: s.timeLimitMs }),
          ...(s.reduction === false ? { reduction: false } : {}),
        };
  return { ...(off.length === 0 ? {} : { off }), ...(config === undefined ? {} : { config }), ...limits };
}
