// Guards mutated to accept what they should refuse, in the TRE's checks: the synthesising attacker builds a
// message only the mutant accepts, injects it, and a property of the threat suite fails. (The forgery list this
// replaced never tried such messages, so a mutated check went unnoticed.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mac, name, tuple } from '../../src/attacker/Term.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { fieldsOf } from '../../models/readTerm.ts';
import type * as Checks from '../../models/roles/treChecks.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { propertiesFor } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import type { World } from '../../models/world/World.ts';
import { treOf } from '../../properties/claims/worldReaders.ts';

const mutation = vi.hoisted(() => ({ current: 'none' as 'none' | 'lifecycleAnySigner' | 'bootstrapNoMac' | 'anyPinRight' | 'keypadReplay' | 'userCommandNoMac' | 'blockAtFirstWrong' }));

vi.mock('../../models/roles/treChecks.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Checks>();
  return {
    ...original,
    // The lifecycle check with the signer's test removed (the owner's signature no longer required).
    // With 'userCommandNoMac', the subscriber's own command taken whatever its MAC (the token MAC of userLifecycle).
    lifecycleFromCommand: (ctx: Parameters<typeof original.lifecycleFromCommand>[0], msg: Parameters<typeof original.lifecycleFromCommand>[1]) => {
      const user = fieldsOf(msg, 'userLifecycle', 2);
      if (mutation.current === 'userCommandNoMac' && user?.[0] !== undefined && ctx.creds !== null) {
        return original.lifecycleFromCommand(ctx, tuple(name('userLifecycle'), user[0], mac(ctx.creds.token, user[0])));
      }
      return original.lifecycleFromCommand(mutation.current === 'lifecycleAnySigner' ? { ...ctx, off: [...ctx.off, 't7.cm1'] } : ctx, msg);
    },
    // The bootstrap check with the device-PIN MAC ignored: any MAC is taken for the right one.
    readBootstrap: (ctx: Parameters<typeof original.readBootstrap>[0], msg: Parameters<typeof original.readBootstrap>[1]) => {
      const f = fieldsOf(msg, 'bootstrap', 2);
      if (mutation.current !== 'bootstrapNoMac' || f === undefined || ctx.creds === null || f[0] === undefined) return original.readBootstrap(ctx, msg);
      return original.readBootstrap(ctx, tuple(name('bootstrap'), f[0], mac(ctx.creds.kPin, f[0])));
    },
    // The user credential check with the PIN comparison made true: a wrong entry is taken for the right one.
    // With 'keypadReplay', the keypad tunnel's entry number no longer compared with the last one taken [t10 cm5].
    userAuthenticated: (ctx: Parameters<typeof original.userAuthenticated>[0], msg: Parameters<typeof original.userAuthenticated>[1]) => {
      const r = original.userAuthenticated(mutation.current === 'keypadReplay' ? { ...ctx, keypadEntries: 0 } : ctx, msg);
      if (mutation.current === 'blockAtFirstWrong' && r?.userVerified === false) return { ...r, userBlocked: 'local' };
      return mutation.current !== 'anyPinRight' || r === undefined ? r : { ...r, userWrong: 0, userVerified: true, userBlocked: 'no' };
    },
  };
});

function scenario(name: string, injections?: number): ScenarioInput {
  const found = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === name)!;
  return injections === undefined ? found : { ...found, attacker: { ...found.attacker, injections } };
}

/** The properties of the scenario's threat violated in its whole reachable space. */
function violated(input: ScenarioInput): string[] {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  const threat = threatSuite.find((t) => t.scenarios.some((s) => s.name === input.name))!;
  const ids = new Set(threat.properties.map((p) => p.property.id));
  const props = propertiesFor(r.config).filter((p) => ids.has(p.property.id)).map((p) => p.property);
  return searchProperties(() => worldSystem(r.config), props).verdicts.filter((v) => v.verdict.kind === 'violated').map((v) => v.property);
}

afterEach(() => {
  mutation.current = 'none';
});

describe('a TRE check mutated to accept a foreign-signed message', () => {
  it('unmutated, t7-forged-commands (1 injection) holds', () => {
    expect(violated(scenario('t7-forged-commands', 1))).toEqual([]);
  });

  it('a lifecycle command under the attacker\'s own key is applied, and LifecycleChangesOnlyByOwner fails', () => {
    mutation.current = 'lifecycleAnySigner';
    expect(violated(scenario('t7-forged-commands', 1))).toContain('LifecycleChangesOnlyByOwner');
  });
});

describe('a TRE check mutated to skip the device-PIN MAC of the bootstrap (x.2.2)', () => {
  /** Observes the TRE registering for an SHO the subscriber did not choose (the initial flow's choice is sho1). */
  const registersOnlyForChosenSho: Invariant<World> = {
    kind: 'invariant',
    id: propertyId('TreRegistersOnlyForChosenSho'),
    description: 'the TRE registers only with the SHO the subscriber chose',
    holds: (world) => treOf(world).expectedSho !== 'sho2',
    explain: () => 'the TRE registered with sho2',
  };

  function search(): string {
    const r = resolveScenario(scenario('t2-network', 1));
    if (!r.ok) throw new Error(r.error.message);
    return searchProperties(() => worldSystem(r.config), [registersOnlyForChosenSho]).verdicts[0]!.verdict.kind;
  }

  it('is caught by a property of the suite: SubscriberChoiceHonoured fails in t2-network (its own 2 injections), which holds unmutated', () => {
    expect(violated(scenario('t2-network'))).toEqual([]);
    mutation.current = 'bootstrapNoMac';
    expect(violated(scenario('t2-network'))).toEqual(['SubscriberChoiceHonoured']);
  });

  it('the attacker sends a bootstrap naming the other SHO with the MAC it read, which only the mutant takes', () => {
    expect(search()).not.toBe('violated');
    mutation.current = 'bootstrapNoMac';
    expect(search()).toBe('violated');
  });
});

describe('the user credential check mutated to take a wrong PIN for the right one (t10 cm10 gate)', () => {
  it('is caught in t10-gated-guessing: InstructionOnlyForAuthenticatedUser fails, which holds unmutated', () => {
    expect(violated(scenario('t10-gated-guessing'))).toEqual([]);
    mutation.current = 'anyPinRight';
    expect(violated(scenario('t10-gated-guessing'))).toContain('InstructionOnlyForAuthenticatedUser');
  });
});

describe('the keypad tunnel\'s anti-replay mutated away (t10 cm5: entry numbers no longer compared)', () => {
  it('is caught in t10-keypad-replay: KeypadEntryTakenOnce fails when the recorded entry is delivered again, which holds unmutated', () => {
    expect(violated(scenario('t10-keypad-replay'))).toEqual([]);
    mutation.current = 'keypadReplay';
    expect(violated(scenario('t10-keypad-replay'))).toEqual(['KeypadEntryTakenOnce']);
  });
});

describe('the user\'s lifecycle command mutated to be taken without the device token\'s MAC (t7 cm3 off: the user may override)', () => {
  it('is caught in t10-user-command: UserCommandOnlyFromSubscriber fails on malware\'s own command, which holds unmutated', () => {
    expect(violated(scenario('t10-user-command'))).toEqual([]);
    mutation.current = 'userCommandNoMac';
    expect(violated(scenario('t10-user-command'))).toEqual(['UserCommandOnlyFromSubscriber']);
  });
});

describe('the user credential blocked at the first wrong entry (t10 cm6 with n = 1 instead of 3)', () => {
  it('is caught in t10-gated-guessing: UserCredentialBlockedAfterNWrongTries fails, which holds unmutated', () => {
    expect(violated(scenario('t10-gated-guessing'))).toEqual([]);
    mutation.current = 'blockAtFirstWrong';
    expect(violated(scenario('t10-gated-guessing'))).toEqual(['UserCredentialBlockedAfterNWrongTries']);
  });
});
