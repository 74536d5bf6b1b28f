// Runs Alternative 3a's threat suite (properties/alt3a/suite3a.ts): per scenario one exhaustive search of its
// claims and the sanity goal, each counterexample replayed on a fresh system before it is reported. The result
// has the shape `trecheck check` reports (CheckScenarioInput), so check and compare share the report writers.
import { resolveAlt3a, type Switch3a } from '../../../models/alt3a/Alt3aConfig.ts';
import { alt3aSystem } from '../../../models/alt3a/alt3aSystem.ts';
import { goalNeverReached3a } from '../../../properties/alt3a/claims3a.ts';
import { suite3a, type Scenario3a } from '../../../properties/alt3a/suite3a.ts';
import { searchExhaustive } from '../../engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../engine/replay/replayTrace.ts';
import type { Verdict } from '../../engine/Verdict.ts';
import type { CheckPropertyInput, CheckScenarioInput } from '../../report/fromCheck.ts';

export interface Check3aResult extends CheckScenarioInput {
  readonly config: { readonly name: string; readonly off: readonly string[] };
  readonly millis: number;
}

/** Exhaustive search bounds: the 3a worlds have under a thousand states; the bound only guards against a change
 *  of the model that would make one explode (the verdict is then inconclusive, never "holds"). */
const maxStates = 200_000;

export function runScenario3a(scenario: Scenario3a, extraOff: readonly Switch3a[] = []): Check3aResult {
  const r = resolveAlt3a({ ...scenario.input, off: [...(scenario.input.off ?? []), ...extraOff] });
  // The suite's scenarios are constants checked by the tests; a failure here is a programming error.
  if (!r.ok) throw new Error(`Alternative 3a scenario ${scenario.input.name}: ${r.message}`);
  const system = alt3aSystem(r.config);
  const claims = scenario.properties.map((p) => p.property);
  const started = performance.now();
  const outcome = searchExhaustive(system, [...claims, goalNeverReached3a], { maxStates });
  const millis = performance.now() - started;
  const verdictOf = (id: string): Verdict => outcome.verdicts.find((v) => v.property === id)!.verdict;
  const properties = scenario.properties.map((entry): CheckPropertyInput => {
    const id = entry.property.id as string;
    const verdict = verdictOf(id);
    const known = scenario.known[id];
    const base = { property: id, description: entry.property.description, checks: entry.checks, verdict, ...(known === undefined ? {} : { known }) };
    if (verdict.kind !== 'violated') return base;
    const replay = replayTrace(alt3aSystem(r.config), entry.property, verdict.trace).result;
    return {
      ...base,
      recheck: { result: replay.kind, explanation: replay.kind === 'reproduced' || replay.kind === 'violated-earlier' ? replay.explanation : undefined, liveAgrees: undefined },
    };
  });
  const goal = verdictOf(goalNeverReached3a.id);
  const sanity =
    goal.kind === 'violated'
      ? { kind: 'reachable', steps: goal.trace.actions.length }
      : goal.kind === 'holds-exhaustively' && goal.complete
        ? { kind: 'unreachable' }
        : { kind: 'inconclusive' };
  return {
    config: { ...r.config, name: extraOff.length === 0 ? r.config.name : `${r.config.name}-off-${extraOff.join('+')}` },
    method: 'exhaustive',
    search: outcome.stats,
    properties,
    sanity,
    millis,
  };
}

/** Every scenario of the suite with every counter-measure on (plus `extraOff`). */
export function runSuite3a(extraOff: readonly Switch3a[] = []): Check3aResult[] {
  return suite3a.map((s) => runScenario3a(s, extraOff));
}
