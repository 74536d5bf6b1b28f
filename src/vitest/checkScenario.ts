// The vitest API's core: search every interleaving of a scenario of the TR model for violations of its
// properties and throw, with the shrunk (shortest) trace and the replay command, when one is violated.
// Plain functions that throw: they work in any test runner; describeScenario adds vitest's describe/it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { scenarioScope } from '../../models/attacker/scenarioScope.ts';
import { switchOf } from '../../models/counterMeasures/switches.ts';
import { packageRoot } from '../package/packageRoot.ts';
import { parseBaseline, sameOptions } from '../report/Baseline.ts';
import { verdictInScope } from '../report/describeScope.ts';
import type { FindingOptions } from '../report/Report.ts';
import { join } from 'node:path';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { worldSystemFor, worldSystemOfTrace } from '../../models/world/worldSystem.ts';
import { judgedIn, propertiesFor, worldProperties, type WorldProperty } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { searchProperties } from '../engine/searchProperties.ts';
import { replayTrace } from '../engine/replay/replayTrace.ts';
import { formatVerdict } from '../report/formatVerdict.ts';
import type { Verdict } from '../engine/Verdict.ts';

export interface CheckOptions {
  /** Where a counterexample trace is saved for `trecheck replay` (default reports/latest/traces, from the working folder). */
  readonly traceDir?: string;
  /** The accepted findings: a baseline file, or false to accept none (every violation fails). Default: the working
   *  folder's reports/baseline.json when present, else the one trecheck ships: the findings `npm run check` accepts. */
  readonly baseline?: string | false;
}

export interface PropertyOutcome {
  readonly property: string;
  readonly verdict: Verdict['kind'];
  /** The verdict in words with its bound and scope, as `trecheck check` prints it. */
  readonly text: string;
  /** A violation or inconclusive verdict the baseline accepts (it does not fail the check). */
  readonly known?: boolean;
}

/** The accepted findings of `check` in the baseline the options name, for runs with these options. */
function acceptedFindings(options: CheckOptions, runOptions: FindingOptions): Set<string> {
  if (options.baseline === false) return new Set();
  const file = options.baseline ?? [join('reports', 'baseline.json'), join(packageRoot(), 'reports', 'baseline.json')].find((f) => existsSync(f));
  if (file === undefined) return new Set();
  if (!existsSync(file)) throw new Error(`trecheck: baseline ${file}: no such file (baseline: false accepts no finding)`);
  const read = parseBaseline(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!read.ok) throw new Error(`trecheck: baseline ${file}: ${read.message}`);
  return new Set(read.baseline.findings.filter((f) => f.command === 'check' && sameOptions(f.options, runOptions)).map((f) => `${f.scenario}/${f.property}/${f.kind}`));
}

/** The error a failing check throws: its message holds the trace and the replay command. */
export class TrecheckViolation extends Error {
  override readonly name = 'TrecheckViolation';
  constructor(
    message: string,
    readonly outcomes: readonly PropertyOutcome[],
  ) {
    super(message);
  }
}

/** Names in properties/index.ts; an unknown one is a usage error naming the known ones. */
export const propertyIds = (): string[] => worldProperties.map((p) => p.property.id);

function run(scenario: unknown, selected: readonly WorldProperty[], options: CheckOptions, runOptions: FindingOptions = {}): PropertyOutcome[] {
  const resolved = resolveScenario(scenario);
  if (!resolved.ok) throw new Error(`trecheck: ${resolved.error.message}`);
  const config = resolved.config;
  const accepted = acceptedFindings(options, runOptions);
  const isKnown = (property: string, kind: string): boolean => accepted.has(`${config.name}/${property}/${kind}`);
  const scope = scenarioScope(config);
  const outcome = searchProperties(() => worldSystemFor(config, selected.map((p) => p.property)), selected.map((p) => p.property));
  const outcomes = outcome.verdicts.map(({ property, verdict }) => ({
    property, verdict: verdict.kind, text: verdictInScope(formatVerdict(verdict), scope), ...(isKnown(property, verdict.kind) ? { known: true } : {}),
  }));
  const failures: string[] = [];
  for (const { property, verdict } of outcome.verdicts) {
    if (verdict.kind === 'holds-exhaustively' || verdict.kind === 'no-violation-found') continue;
    // A finding the baseline accepts (a known finding about the text) is not a regression, as in `npm run check`.
    if (isKnown(property, verdict.kind)) continue;
    if (verdict.kind === 'inconclusive') {
      failures.push(`${property} in scenario ${config.name}: ${formatVerdict(verdict)}`);
      continue;
    }
    const entry = selected.find((p) => p.property.id === property)!;
    const trace = verdict.trace;
    const replay = replayTrace(worldSystemOfTrace(trace), entry.property, trace).result;
    const explanation = replay.kind === 'reproduced' ? replay.explanation : undefined;
    const dir = options.traceDir ?? join('reports', 'latest', 'traces');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${trace.system}.${config.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${property}.${trace.method}.json`);
    writeFileSync(file, `${JSON.stringify(trace, null, 2)}\n`);
    failures.push(
      [
        `${property} in scenario ${config.name}: ${formatVerdict(verdict)}`,
        `  ${entry.property.description}${explanation === undefined ? '' : `: ${explanation}`}`,
        ...trace.actions.map((a, i) => `  ${String(i + 1).padStart(3)}. ${a}`),
        `  checks: ${entry.checks.join(', ')}`,
        `  replay: npx trecheck replay ${file}`,
      ].join('\n'),
    );
  }
  if (failures.length > 0) throw new TrecheckViolation(`trecheck: ${failures.join('\n')}`, outcomes);
  return outcomes;
}

/** Checks every property of the model on a scenario (the JSON of `trecheck check --config`, e.g.
 *  `{ flow: 'initial-3gpp' }`); returns the verdicts when all hold, throws TrecheckViolation otherwise. */
export function checkScenario(scenario: unknown, options: CheckOptions = {}): PropertyOutcome[] {
  const resolved = resolveScenario(scenario);
  return run(scenario, resolved.ok ? propertiesFor(resolved.config) : worldProperties, options);
}

/** Checks every scenario of a threat of 003 ('t5' or 5) with its properties, every counter-measure on except
 *  those in `off`; findings the baseline accepts for that run (as `check --threat tN --off ...`) do not fail it.
 *  Returns the verdicts by scenario. */
export function checkThreat(id: string | number, options: CheckOptions & { readonly off?: readonly string[] } = {}): Record<string, PropertyOutcome[]> {
  const n = typeof id === 'number' ? id : Number(/^t?(\d+)$/.exec(id)?.[1]);
  const threat = threatSuite.find((t) => t.threat === n);
  if (threat === undefined) throw new Error(`trecheck: unknown threat '${id}'; expected t1 to t12`);
  const out: Record<string, PropertyOutcome[]> = {};
  for (const scenario of threat.scenarios) {
    const off = [...new Set((options.off ?? []).map((x) => switchOf(x)?.id ?? x))].sort();
    const input = { ...scenario, off: [...(scenario.off ?? []), ...(options.off ?? [])] };
    const resolved = resolveScenario(input);
    const judged = resolved.ok ? judgedIn(resolved.config, threat.properties) : threat.properties;
    out[scenario.name ?? ''] = run(input, judged, options, off.length === 0 ? {} : { off });
  }
  return out;
}

/** Checks one property (its id in properties/index.ts) on a scenario. */
export function checkProperty(id: string, scenario: unknown, options: CheckOptions = {}): PropertyOutcome {
  const selected = worldProperties.filter((p) => p.property.id === id);
  if (selected.length === 0) throw new Error(`trecheck: unknown property '${id}'; expected one of: ${propertyIds().join(', ')}`);
  return run(scenario, selected, options)[0]!;
}
