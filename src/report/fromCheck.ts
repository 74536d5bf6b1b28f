// Report model of `trecheck check`: per scenario the honest run (pure and live), the exhaustive search, and
// each property's verdict with its re-checked counterexample. The input is the shape of check's ScenarioCheck
// (src/cli/commands/check.ts), restated here with only the fields read, so check can pass its data as is.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExplorationStats, Verdict } from '../engine/Verdict.ts';
import { packageRoot } from './packageVersion.ts';
import type { Provenance } from './Provenance.ts';
import { reportFormat, type Report, type ScenarioResult } from './Report.ts';
import { threatOfChecks } from './threatOfChecks.ts';
import { verdictResult } from './verdictResult.ts';

/** The honest run of a scenario, as check's FlowOutcome gives it. */
export interface CheckFlowOutcome {
  readonly scenario: string;
  readonly goalReached: boolean;
  readonly unmet: readonly string[];
  readonly mcims: readonly { readonly id: string; readonly state: string }[];
  readonly sho: { readonly id: string; readonly state: string; readonly report: string };
  readonly oldSho: { readonly id: string; readonly state: string } | null;
  readonly maxActiveMcims: number;
  readonly steps: number;
  readonly quiescent: boolean;
}

export interface CheckPropertyInput {
  readonly property: string;
  readonly checks: readonly string[];
  readonly verdict: Verdict;
  readonly recheck?: { readonly result: string; readonly explanation: string | undefined; readonly liveAgrees: boolean | undefined };
}

export interface CheckScenarioInput {
  readonly config: { readonly name: string };
  readonly pure: CheckFlowOutcome;
  readonly live: CheckFlowOutcome;
  readonly agree: boolean;
  readonly search: ExplorationStats;
  readonly properties: readonly CheckPropertyInput[];
}

export interface FromCheckInput {
  readonly checks: readonly CheckScenarioInput[];
  /** Descriptions of the properties by id (properties/index.ts); an id missing here is described by its id. */
  readonly describe: (propertyId: string) => string | undefined;
  readonly provenance: Provenance;
  readonly diagrams?: Report['diagrams'];
  /** Registered system the scenarios run on (replay rebuilds from it and the scenario). */
  readonly system?: string;
}

function scenario(c: CheckScenarioInput, input: FromCheckInput): ScenarioResult {
  const o = c.pure;
  const length = o.quiescent ? `in ${o.steps} steps` : `when stopped at the ${o.steps}-step limit`;
  const failures: string[] = [];
  if (!o.goalReached) failures.push(`the honest run by the pure step function misses its goal: ${o.unmet.join('; ')}`);
  if (!c.live.goalReached) failures.push(`the honest run by live actors misses its goal: ${c.live.unmet.join('; ')}`);
  if (!c.agree) failures.push('the pure step function and live actors end in different final states');
  const s = c.search;
  return {
    id: c.config.name,
    system: input.system ?? 'tr33812-alt1a',
    config: c.config,
    notes: [
      `honest run: ${o.goalReached ? 'goal reached' : 'goal NOT reached'} ${length} (live actors: ${c.live.steps} steps, ${c.agree ? 'same final states' : 'different final states'})`,
      `TRE registry: ${o.mcims.map((m) => `${m.id} ${m.state}`).join(', ') || '(empty)'}; ${o.sho.id}: ${o.sho.state}, report ${o.sho.report}${o.oldSho === null ? '' : `; old SHO ${o.oldSho.id}: ${o.oldSho.state}`}`,
      `exhaustive search of every honest interleaving: ${s.states} states, ${s.transitions} transitions, depth ${s.depth}`,
    ],
    failures,
    properties: c.properties.map((p) => {
      const threat = threatOfChecks(p.checks);
      const source = `properties/${p.property}.ts`;
      const r = p.recheck;
      return {
        id: p.property,
        description: input.describe(p.property) ?? p.property,
        checks: [...p.checks],
        ...(threat === undefined ? {} : { threat }),
        ...(existsSync(join(packageRoot(), source)) ? { source } : {}),
        verdicts: [
          verdictResult(p.verdict, 'exhaustive', r === undefined ? undefined : {
            ...(r.explanation === undefined ? {} : { explanation: r.explanation }),
            replayed: r.result,
            ...(r.liveAgrees === undefined ? {} : { liveAgrees: r.liveAgrees }),
          }),
        ],
      };
    }),
  };
}

export function reportFromCheck(input: FromCheckInput): Report {
  const names = input.checks.map((c) => c.config.name);
  return {
    format: reportFormat,
    command: 'check',
    title: `check ${names.length === 1 ? names[0] : `${names.length} scenarios`}`,
    provenance: input.provenance,
    scenarios: input.checks.map((c) => scenario(c, input)),
    textFindings: [],
    textFiles: [],
    diagrams: input.diagrams ?? [],
  };
}
