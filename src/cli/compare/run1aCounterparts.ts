// The Alternative 1a scenarios that state the claims compare shares with 3a, under the same attacker classes:
// a dishonest old SHO, a dishonest new SHO, a network attacker, faults. Run as `trecheck check` runs scenarios:
// one exhaustive search, each counterexample replayed. Ablation: each 1a switch off in turn.
import type { ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import { resolveScenario } from '../../../models/flows/ScenarioConfig.ts';
import { switchIds } from '../../../models/counterMeasures/switches.ts';
import { worldSystemFor, worldSystemOfTrace } from '../../../models/world/worldSystem.ts';
import type { World } from '../../../models/world/World.ts';
import { changeOfOperatorKeepsService } from '../../../properties/claims/ChangeOfOperatorKeepsService.ts';
import { mcimSecretNeverLeaves } from '../../../properties/claims/McimSecretNeverLeaves.ts';
import type { Invariant } from '../../engine/Property.ts';
import { searchExhaustive } from '../../engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../engine/replay/replayTrace.ts';
import type { Verdict } from '../../engine/Verdict.ts';
import type { Check3aResult } from './runSuite3a.ts';

export interface Counterpart1a {
  readonly input: ScenarioInput & { readonly name: string };
  readonly property: Invariant<World>;
  readonly checks: readonly string[];
}

export const counterparts1a: Readonly<Record<string, Counterpart1a>> = {
  oldOperator: {
    input: { name: 'cmp1a-dishonest-old-sho', flow: 'change-via-pristine', attacker: { capabilities: ['network'], dishonest: 'sho1', injections: 1 } },
    property: mcimSecretNeverLeaves,
    checks: ['004 5.1.3.7.3', '004 5.1.3.7.4.3'],
  },
  newOperator: {
    input: { name: 'cmp1a-dishonest-new-sho', flow: 'change-via-pristine', attacker: { capabilities: ['network'], dishonest: 'sho2', injections: 1 } },
    property: mcimSecretNeverLeaves,
    checks: ['004 5.1.3.7.3', '004 5.1.3.7.4.3'],
  },
  thirdParty: {
    input: { name: 'cmp1a-network-during-change', flow: 'change-via-old-sho', attacker: { capabilities: ['network'], injections: 1 } },
    property: mcimSecretNeverLeaves,
    checks: ['004 5.1.3.7.4.2'],
  },
  faults: {
    input: { name: 't11-faults', flow: 'change-via-old-sho', attacker: { capabilities: ['t11.faults'], injections: 0 } },
    property: changeOfOperatorKeepsService,
    checks: ['004 5.1.3.7.4.2 steps 7-12'],
  },
};

const maxStates = 600_000;

export function runCounterpart1a(c: Counterpart1a, off: readonly string[] = []): Check3aResult {
  const r = resolveScenario({ ...c.input, off });
  // Constants of this file; a failure here is a programming error.
  if (!r.ok) throw new Error(`1a counterpart ${c.input.name}: ${r.error.message}`);
  const started = performance.now();
  const outcome = searchExhaustive(worldSystemFor(r.config, [c.property]), [c.property], { maxStates });
  const millis = performance.now() - started;
  const verdict: Verdict = outcome.verdicts[0]!.verdict;
  const replay = verdict.kind === 'violated' ? replayTrace(worldSystemOfTrace(verdict.trace), c.property, verdict.trace).result : undefined;
  return {
    config: { name: off.length === 0 ? c.input.name : `${c.input.name}-off-${off.join('+')}`, off },
    method: 'exhaustive',
    search: outcome.stats,
    millis,
    properties: [
      {
        property: c.property.id,
        description: c.property.description,
        checks: c.checks,
        verdict,
        ...(replay === undefined
          ? {}
          : { recheck: { result: replay.kind, explanation: replay.kind === 'reproduced' || replay.kind === 'violated-earlier' ? replay.explanation : undefined, liveAgrees: undefined } }),
      },
    ],
  };
}

/** The 1a switches whose removal alone breaks the counterpart's claim (empty when none or the claim already fails). */
export function needs1a(c: Counterpart1a): string[] {
  return switchIds.filter((id) => runCounterpart1a(c, [id]).properties[0]!.verdict.kind === 'violated');
}
