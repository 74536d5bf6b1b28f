// The options of a `check` run that decide its findings, as a baseline entry remembers them: counter-measures
// switched off (resolved ids), the scenario file's digest, and the search's limits. Defaults are left out, so a
// default run has {}. The property and scenario filters are not here: they choose what is checked, which the
// baseline comparison already limits itself to.
import { createHash } from 'node:crypto';
import { switchOf } from '../../../models/counterMeasures/switches.ts';
import { canonicalJson } from '../../engine/canonicalJson.ts';
import type { FindingOptions } from '../../report/Report.ts';
import type { CheckPlan } from './CheckPlan.ts';
import type { CheckFlags } from './planCheck.ts';

export function checkFindingOptions(flags: CheckFlags, plan: CheckPlan): FindingOptions {
  const off = [...new Set((flags.off ?? []).map((id) => switchOf(id)?.id ?? id))].sort();
  // The resolved scenarios, not the file's bytes: reformatting the file keeps its entries.
  const config = flags.config === undefined ? undefined : createHash('sha256').update(canonicalJson(plan.jobs.map((j) => j.config))).digest('hex').slice(0, 16);
  const s = plan.search;
  const limits =
    s.mode === 'random'
      ? { random: { runs: s.runs, steps: s.maxSteps, seed: s.seed }, ...(s.timeLimitMs === undefined ? {} : { timeMs: s.timeLimitMs }) }
      : {
          ...(s.maxDepth === undefined ? {} : { depth: s.maxDepth }),
          ...(s.maxStates === undefined ? {} : { maxStates: s.maxStates }),
          ...(s.memoryBudgetBytes === undefined ? {} : { maxMemory: s.memoryBudgetBytes }),
          ...(s.timeLimitMs === undefined ? {} : { timeMs: s.timeLimitMs }),
          ...(s.reduction === false ? { reduction: false } : {}),
        };
  return { ...(off.length === 0 ? {} : { off }), ...(config === undefined ? {} : { config }), ...limits };
}
