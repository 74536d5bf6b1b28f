// Report model of `trecheck check`: per scenario the honest run (pure and live), the exhaustive search, and
// each property's verdict with its re-checked counterexample. The input is the shape of check's ScenarioCheck
// (src/cli/commands/check.ts), restated here with only the fields read, so check can pass its data as is.
import { formatAssumption } from './formatAssumption.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExplorationStats, Verdict } from '../engine/Verdict.ts';
import { packageRoot } from '../package/packageRoot.ts';
import type { Provenance } from './Provenance.ts';
import { reportFormat, type Report, type ScenarioResult, type SourceLine, type VerdictScope } from './Report.ts';
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

/** One property's result in a check (check's PropertyCheck is this type). */
export interface CheckPropertyInput {
  readonly property: string;
  readonly description: string;
  /** TR clauses and counter-measures the property checks. */
  readonly checks: readonly string[];
  readonly verdict: Verdict;
  /** Violations: the counterexample re-executed on a fresh system, and on live actors. */
  readonly recheck?: { readonly result: string; readonly explanation: string | undefined; readonly liveAgrees: boolean | undefined };
  /** A known finding about the text: the clauses that leave the gap. */
  readonly known?: string;
  /** A secrecy violation: the attacker's derivation of each secret it holds at the end of the trace. */
  readonly derivations?: readonly { readonly secret: string; readonly steps: readonly string[]; readonly readAt?: readonly (number | null)[] }[];
}

export interface CheckScenarioInput {
  readonly config: { readonly name: string; readonly flow?: string };
  /** What the scenario's verdicts hold within (ScenarioCheck.scope). */
  readonly scope?: VerdictScope;
  readonly threat?: number;
  readonly honest?: { readonly pure: CheckFlowOutcome; readonly live: CheckFlowOutcome; readonly agree: boolean };
  readonly method: 'exhaustive' | 'random';
  readonly search: ExplorationStats;
  readonly properties: readonly CheckPropertyInput[];
  readonly sanity?: { readonly kind: string; readonly steps?: number; readonly runs?: number };
}

export interface CheckSources {
  property(id: string): SourceLine | undefined;
  scenario(name: string, flow: string): SourceLine | undefined;
  step(label: string): SourceLine | undefined;
}

export interface FromCheckInput {
  readonly checks: readonly CheckScenarioInput[];
  readonly provenance: Provenance;
  readonly diagrams?: Report['diagrams'];
  /** Registered system the scenarios run on (replay rebuilds from it and the scenario). */
  readonly system?: string;
  /** Where the model's things are written (SARIF locations): without it, properties are found by file name only. */
  readonly sources?: CheckSources;
  /** The options that decide the findings (Report.findingOptions). */
  readonly findingOptions?: Report['findingOptions'];
}

function honestNotes(c: CheckScenarioInput): { notes: string[]; failures: string[] } {
  const h = c.honest;
  if (h === undefined) return { notes: [], failures: [] };
  const o = h.pure;
  const length = o.quiescent ? `in ${o.steps} steps` : `when stopped at the ${o.steps}-step limit`;
  const failures: string[] = [];
  if (!o.goalReached) failures.push(`the honest run by the pure step function misses its goal: ${o.unmet.join('; ')}`);
  if (!h.live.goalReached) failures.push(`the honest run by live actors misses its goal: ${h.live.unmet.join('; ')}`);
  if (!h.agree) failures.push('the pure step function and live actors end in different final states');
  return {
    notes: [
      `honest run: ${o.goalReached ? 'goal reached' : 'goal NOT reached'} ${length} (live actors: ${h.live.steps} steps, ${h.agree ? 'same final states' : 'different final states'})`,
      `TRE registry: ${o.mcims.map((m) => `${m.id} ${m.state}`).join(', ') || '(empty)'}; ${o.sho.id}: ${o.sho.state}, report ${o.sho.report}${o.oldSho === null ? '' : `; old SHO ${o.oldSho.id}: ${o.oldSho.state}`}`,
    ],
    failures,
  };
}

function sanityNote(c: CheckScenarioInput): { notes: string[]; failures: string[] } {
  const s = c.sanity;
  if (s === undefined) return { notes: [], failures: [] };
  if (s.kind === 'reachable') return { notes: [`sanity: a run reaching the honest goal exists despite the attacker (${s.steps} steps)`], failures: [] };
  if (s.kind === 'unreachable') return { notes: [], failures: ['sanity: no reachable state reaches the honest goal (every claim holds vacuously)'] };
  return { notes: [`sanity: ${s.kind === 'not-found' ? `no goal state found in ${s.runs} random runs` : 'inconclusive'}`], failures: [] };
}

function scenario(c: CheckScenarioInput, input: FromCheckInput): ScenarioResult {
  const honest = honestNotes(c);
  const sanity = sanityNote(c);
  const s = c.search;
  const scenarioSource = input.sources?.scenario(c.config.name, c.config.flow ?? '');
  return {
    id: c.config.name,
    system: input.system ?? 'tr33812-alt1a',
    config: c.config,
    ...(c.scope === undefined ? {} : { scope: c.scope }),
    ...(scenarioSource === undefined ? {} : { source: scenarioSource }),
    notes: [
      ...honest.notes,
      c.method === 'random' ? `random search: ${s.transitions} steps taken, longest run ${s.depth}` : `${c.method} search: ${s.states} states, ${s.transitions} transitions, depth ${s.depth}${s.leftOut === undefined ? '' : ` (${s.leftOut} steps left out by partial-order reduction)`}${s.assumption === undefined ? '' : `; ${formatAssumption(s.assumption)}`}`,
      ...sanity.notes,
    ],
    failures: [...honest.failures, ...sanity.failures],
    properties: c.properties.map((p) => {
      const threat = c.threat === undefined ? threatOfChecks(p.checks) : threatOfChecks([`t${c.threat}`]);
      const located = input.sources?.property(p.property);
      const source = located?.file ?? sourceOf(p.property);
      const steps = input.sources === undefined || p.verdict.kind !== 'violated' ? undefined : p.verdict.trace.actions.map((a) => input.sources?.step(a) ?? null);
      const r = p.recheck;
      return {
        id: p.property,
        description: p.known === undefined ? p.description : `${p.description} (known finding about the text: ${p.known})`,
        checks: [...p.checks],
        ...(threat === undefined ? {} : { threat }),
        ...(source === undefined ? {} : { source }),
        ...(located === undefined ? {} : { sourceLine: located.line }),
        verdicts: [
          verdictResult(p.verdict, c.method, r === undefined ? undefined : {
            ...(r.explanation === undefined ? {} : { explanation: r.explanation }),
            replayed: r.result,
            ...(r.liveAgrees === undefined ? {} : { liveAgrees: r.liveAgrees }),
            ...(steps === undefined ? {} : { stepSources: steps }),
            ...(p.derivations === undefined ? {} : { derivations: p.derivations }),
          }),
        ],
      };
    }),
  };
}

/** The file a property is defined in, relative to the repository, when it exists. */
function sourceOf(property: string): string | undefined {
  return [`properties/${property}.ts`, `properties/claims/${property}.ts`].find((f) => existsSync(join(packageRoot(), f)));
}

export function reportFromCheck(input: FromCheckInput): Report {
  const names = input.checks.map((c) => c.config.name);
  return {
    format: reportFormat,
    command: 'check',
    title: `check ${names.length === 1 ? names[0] : `${names.length} scenarios`}`,
    provenance: input.provenance,
    ...(input.findingOptions === undefined ? {} : { findingOptions: input.findingOptions }),
    scenarios: input.checks.map((c) => scenario(c, input)),
    textFindings: [],
    textFiles: [],
    diagrams: input.diagrams ?? [],
  };
}
