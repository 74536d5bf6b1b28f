// The properties of service on the TR world: the subscriber's choice honoured (the dishonest RO's redirect is caught,
// honest runs and a network attacker are not), recoverability and eventual service under weak fairness (a stalled old
// SHO and faults are caught; the same flow with every role acting is served), with traces that replay on live actors.
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { serviceEventually } from '../../../properties/claims/ServiceEventually.ts';
import { serviceRecoverable } from '../../../properties/claims/ServiceRecoverable.ts';
import { subscriberChoiceHonoured } from '../../../properties/claims/SubscriberChoiceHonoured.ts';
import type { AnyProperty } from '../../../src/engine/LivenessProperty.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../../src/engine/searchProperties.ts';
import type { Verdict } from '../../../src/engine/Verdict.ts';
import type { World } from '../../../models/world/World.ts';
import type { WorldEvent } from '../../../models/world/WorldEvent.ts';

function verdicts(input: ScenarioInput, properties: readonly AnyProperty<World, WorldEvent>[]): { config: ReturnType<typeof configOf>; verdicts: Verdict[] } {
  const config = configOf(input);
  const outcome = searchProperties(() => worldSystem(config), properties);
  return { config, verdicts: outcome.verdicts.map((v) => v.verdict) };
}

function configOf(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

/** The violation replays on a fresh system, and live actors agree on every state. */
function expectReplays(input: ScenarioInput, property: AnyProperty<World, WorldEvent>, verdict: Verdict): void {
  if (verdict.kind !== 'violated') throw new Error(`expected a violation, got ${verdict.kind}`);
  const report = replayTrace(worldSystem(configOf(input)), property, verdict.trace);
  expect(report.result.kind).toBe('reproduced');
  expect(report.live).toEqual({ mismatch: undefined });
}

describe('SubscriberChoiceHonoured', () => {
  const redirect: ScenarioInput = { name: 'redirect', flow: 'initial-3gpp', attacker: { dishonest: 'ro', injections: 2 } };

  it('catches the dishonest RO sending the TRE to an SHO the subscriber did not select, in 19 steps', () => {
    const [verdict] = verdicts(redirect, [subscriberChoiceHonoured]).verdicts;
    expect(verdict).toMatchObject({ kind: 'violated' });
    if (verdict!.kind !== 'violated') return;
    expect(verdict!.trace.actions).toHaveLength(19);
    expect(verdict!.trace.actions.at(-2)).toMatch(/^attacker>m2me bootstrap \(injected as ro\)/);
    expectReplays(redirect, subscriberChoiceHonoured, verdict!);
  });

  it('sees the race of 5.1.3.7.4.3 as a registration at the old SHO after the subscriber chose the new one', () => {
    const [race] = verdicts({ flow: 'change-via-pristine' }, [subscriberChoiceHonoured]).verdicts;
    expect(race).toMatchObject({ kind: 'violated' });
    if (race!.kind !== 'violated') return;
    expect(race!.trace.actions.slice(0, 2)).toEqual(['subscriber CHANGE_OPERATOR', 'subscriber INSTRUCT_REPROVISION']);
    // Ordered by the acknowledged notice (the assumption that closes the race), the choice is honoured.
    expect(verdicts({ flow: 'change-via-pristine', assumptions: { changeNotice: 'acknowledged' } }, [subscriberChoiceHonoured]).verdicts[0]).toMatchObject({
      kind: 'holds-exhaustively',
      complete: true,
    });
  });

  it('holds in honest initial provisioning and changes of operator, and against the network attacker of t2', () => {
    for (const input of [
      { flow: 'initial-3gpp' },
      { flow: 'change-via-old-sho' },
      { flow: 'change-via-old-sho', bothMcimsPresent: true },
      { flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 1 } },
    ] as ScenarioInput[]) {
      expect(verdicts(input, [subscriberChoiceHonoured]).verdicts[0]).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    }
  });
});

describe('ServiceRecoverable and ServiceEventually', () => {
  const both = [serviceRecoverable, serviceEventually];

  it('hold when every role of a change of operator keeps acting: the new MCIM is served', () => {
    const [recoverable, eventually] = verdicts({ flow: 'change-via-old-sho' }, both).verdicts;
    expect(recoverable).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(eventually).toMatchObject({ kind: 'holds-exhaustively', complete: true, assumes: expect.stringMatching(/weak fairness of each of: .*sho1/) });
  });

  it('see the old SHO that never acknowledges: service stays reachable, but a fair run can wait forever', () => {
    const silent: ScenarioInput = { flow: 'change-via-old-sho', stalling: ['sho1'] };
    const [recoverable, eventually] = verdicts(silent, both).verdicts;
    expect(recoverable).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(eventually).toMatchObject({ kind: 'violated', assumes: expect.not.stringMatching(/sho1/) });
    if (eventually!.kind !== 'violated') return;
    // The run stops for good where only the old SHO could move: the M2ME has passed on step 9's discard notice to it.
    expect(eventually!.trace.loop).toBe(eventually!.trace.actions.length);
    expect(eventually!.trace.actions.at(-1)).toBe('tre>m2me discardNotice');
    expect((eventually!.trace.states.at(-1) as { network: unknown[] }).network).toEqual([expect.objectContaining({ from: 'm2me', to: 'sho1', kind: 'discardNotice' })]);
    expectReplays(silent, serviceEventually, eventually!);
  });

  it('see an erased MCIM that nothing provisions again, at the erasure itself', () => {
    const erasure: ScenarioInput = { flow: 'initial-3gpp', faults: { eraseMcim: true } };
    const [recoverable, eventually] = verdicts(erasure, both).verdicts;
    expect(recoverable).toMatchObject({ kind: 'violated' });
    expect(eventually).toMatchObject({ kind: 'violated' });
    if (recoverable!.kind !== 'violated') return;
    expect(recoverable!.trace.actions.at(-1)).toBe('tre ERASE_MCIM(mcim:sho1)');
    expectReplays(erasure, serviceRecoverable, recoverable!);
  });

  it('see the loss of service after faults that no honest step repairs, each trace replaying', () => {
    const faults: ScenarioInput = { flow: 'change-via-old-sho', attacker: { capabilities: ['t11.faults'], injections: 0 } };
    const [recoverable, eventually] = verdicts(faults, both).verdicts;
    expect(recoverable).toMatchObject({ kind: 'violated' });
    expect(eventually).toMatchObject({ kind: 'violated' });
    expectReplays(faults, serviceRecoverable, recoverable!);
    expectReplays(faults, serviceEventually, eventually!);
  });
});
