// The TRE's tests that a signed message names its own device, against genuine messages for another device: the
// attacker's own device (dev2) is a subscriber of the victim's SHO (`t7.ownSubscription`: that SHO's commands for it)
// and gets the supplier's remote update (`t5.otherTre`). Each claim holds with every counter-measure on; with the PCID
// test of `lifecycleFromCommand` or `updateOf` dropped (the check reads the message as if it named this device), the
// other device's command or update is applied to the victim's TRE and the claim fails; the plain network attacker,
// holding no such message, does not break it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as TreChecks from '../../models/roles/treChecks.ts';
import type { TreContext } from '../../models/roles/treContext.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import type { World } from '../../models/world/World.ts';
import { lifecycleCommandAppliedOnlyByItsDevice } from '../../properties/claims/LifecycleCommandAppliedOnlyByItsDevice.ts';
import { platformCredentialOfItsOwnTre } from '../../properties/claims/PlatformCredentialOfItsOwnTre.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import type { Invariant } from '../../src/engine/Property.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';
import type { Term } from '../../src/attacker/Term.ts';

type Mutant = 'none' | 'lifecycleFromCommand' | 'updateOf';
const mutation = vi.hoisted(() => ({ dropped: 'none' as Mutant }));

vi.mock('../../models/roles/treChecks.ts', async (importOriginal) => {
  const original = await importOriginal<typeof TreChecks>();
  // The PCID a signed command or update names (the first item after its tag).
  const namedPcid = (msg: Term): Term | undefined => (msg.kind === 'sign' && msg.body.kind === 'tuple' ? msg.body.items[1] : undefined);
  const asNamed = <T,>(check: Mutant, run: (ctx: TreContext, msg: Term) => T) => (ctx: TreContext, msg: Term): T => {
    const pcid = namedPcid(msg);
    return mutation.dropped !== check || ctx.creds === null || pcid === undefined ? run(ctx, msg) : run({ ...ctx, creds: { ...ctx.creds, pcid } }, msg);
  };
  return { ...original, lifecycleFromCommand: asNamed('lifecycleFromCommand', original.lifecycleFromCommand), updateOf: asNamed('updateOf', original.updateOf) };
});

afterEach(() => {
  mutation.dropped = 'none';
});

function config(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}
const search = (input: ScenarioInput, claim: Invariant<World>) => searchProperties(() => worldSystem(config(input)), [claim]).verdicts[0]!.verdict;
const suiteScenario = (name: string) => threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === name) as ScenarioInput;

describe.each([
  { claim: lifecycleCommandAppliedOnlyByItsDevice, scenario: 't7-own-subscription', check: 'lifecycleFromCommand' as const, kind: 'lifecycleCommand' },
  { claim: platformCredentialOfItsOwnTre, scenario: 't6-update-for-other-device', check: 'updateOf' as const, kind: 'treUpdate' },
])('$claim.id in $scenario', ({ claim, scenario, check, kind }) => {
  const input = suiteScenario(scenario);

  it('holds over the whole state space with every counter-measure on', () => {
    expect(search(input, claim)).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it(`fails with the PCID test of ${check} dropped: the other device's genuine message is applied, and the attack replays`, () => {
    mutation.dropped = check;
    const verdict = search(input, claim);
    expect(verdict).toMatchObject({ kind: 'violated' });
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions.at(-1)).toMatch(new RegExp(`^attacker>(m2me|tre) ${kind}`));
    const replay = replayTrace(worldSystem(config(input)), claim, verdict.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/pcid:dev2/) });
  });

  it('needs the attacker\'s own device: the plain network attacker holds no such message', () => {
    mutation.dropped = check;
    expect(search({ ...input, attacker: { capabilities: ['network'], injections: 1 } }, claim)).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
