// Properties as observers: a TRE check mutated to accept what it must refuse (a foreign-signed, unsigned or unbound
// message, an uncounted or remote entry) makes the property that judges it fail. Each mutant fools the check itself
// (e.g. it believes the owner signed), so a property that read the check's own verdict could not notice; these
// properties read the raw terms the TRE's actions logged. Each mutant is built with vi.mock of the TRE's checks.
import { describe, expect, it, vi } from 'vitest';
import { sign, tuple, name, type Term } from '../../src/attacker/Term.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import type { WorldProperty } from '../../properties/index.ts';
import { installedMcimWasIssuedForThisTre } from '../../properties/claims/InstalledMcimWasIssuedForThisTre.ts';
import { lifecycleChangesOnlyByOwner } from '../../properties/claims/LifecycleChangesOnlyByOwner.ts';
import { mcimActivatedOnlyWithShoAuthorisation } from '../../properties/claims/McimActivatedOnlyWithShoAuthorisation.ts';
import { mcimOnlyForRegisteredSubscriber } from '../../properties/claims/McimOnlyForRegisteredSubscriber.ts';
import { modifiedMcimNeverSelectedAfterBoot } from '../../properties/claims/ModifiedMcimNeverSelectedAfterBoot.ts';
import { remoteGuessesCannotLockPlatform } from '../../properties/claims/RemoteGuessesCannotLockPlatform.ts';
import { shoSuccessMeansInstalled } from '../../properties/claims/ShoSuccessMeansInstalled.ts';
import { userCredentialBlockedAfterNWrongTries } from '../../properties/claims/UserCredentialBlockedAfterNWrongTries.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';

type Mutant = 'none' | 'anySignerIsOwner' | 'anySignerIsExpectedSho' | 'unboundObject' | 'noIntegrityCheck' | 'uncountedTries' | 'remoteAsLocal';
const mutant = vi.hoisted(() => ({ active: 'none' as Mutant }));

/** The signed body of `t` re-signed with `sk:<sho>`: what a broken signature check believes it saw. */
const resigned = (t: Term, sho: string | undefined): Term => (sho === undefined ? t : sign(name(`sk:${sho}`), t.kind === 'sign' ? t.body : t));
const field = (t: Term, i: number): Term | undefined => {
  const body = t.kind === 'sign' ? t.body : t;
  return body.kind === 'tuple' ? body.items[i] : undefined;
};

vi.mock('../../models/roles/treChecks.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../models/roles/treChecks.ts')>();
  return {
    ...real,
    // The owner's signature check believes the MCIM the command names is signed by its owner.
    lifecycleFromCommand: (ctx: Parameters<typeof real.lifecycleFromCommand>[0], msg: Term) => {
      if (mutant.active !== 'anySignerIsOwner') return real.lifecycleFromCommand(ctx, msg);
      const mcim = field(msg, 2);
      return real.lifecycleFromCommand(ctx, resigned(msg, mcim?.kind === 'name' ? mcim.id.replace(/^mcim:/, '') : undefined));
    },
    // The MCIM object's signature check believes the expected SHO signed it; or the x.2.3 binding is skipped.
    readMcimObject: (ctx: Parameters<typeof real.readMcimObject>[0], msg: Term) => {
      if (mutant.active === 'anySignerIsExpectedSho') return real.readMcimObject(ctx, resigned(msg, ctx.expectedSho ?? undefined));
      if (mutant.active === 'unboundObject') return real.readMcimObject({ ...ctx, off: [...ctx.off, 't12.cm2'] }, msg);
      return real.readMcimObject(ctx, msg);
    },
    // The retry counter never counts; or an entry from the network is taken for one at the device.
    userAuthenticated: (ctx: Parameters<typeof real.userAuthenticated>[0], msg: Term) => {
      if (mutant.active === 'uncountedTries') {
        const r = real.userAuthenticated(ctx, msg);
        return r === undefined ? r : { ...r, userWrong: 0, userBlocked: 'no' as const };
      }
      if (mutant.active === 'remoteAsLocal') {
        const pin = field(msg, 1);
        return pin === undefined ? undefined : real.userAuthenticated(ctx, tuple(name('userAuth'), pin, name('local')));
      }
      return real.userAuthenticated(ctx, msg);
    },
  };
});

vi.mock('../../models/roles/treRegistry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../models/roles/treRegistry.ts')>();
  return {
    ...real,
    integrityChecked: (...args: Parameters<typeof real.integrityChecked>) => (mutant.active === 'noIntegrityCheck' ? args[0] : real.integrityChecked(...args)),
  };
});

function verdict(input: ScenarioInput, property: WorldProperty['property'], active: Mutant): string {
  mutant.active = active;
  try {
    const r = resolveScenario(input);
    if (!r.ok) throw new Error(r.error.message);
    return searchProperties(() => worldSystem(r.config), [property]).verdicts[0]!.verdict.kind;
  } finally {
    mutant.active = 'none';
  }
}

const bothPresent = { flow: 'change-via-old-sho', bothMcimsPresent: true } as const;
const cases: readonly { property: WorldProperty['property']; mutant: Mutant; scenario: ScenarioInput }[] = [
  { property: lifecycleChangesOnlyByOwner, mutant: 'anySignerIsOwner', scenario: { ...bothPresent, attacker: { capabilities: ['network', 't7.commands'], injections: 1 } } },
  { property: installedMcimWasIssuedForThisTre, mutant: 'anySignerIsExpectedSho', scenario: { flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 2 } } },
  { property: shoSuccessMeansInstalled, mutant: 'anySignerIsExpectedSho', scenario: { flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 2 } } },
  { property: mcimOnlyForRegisteredSubscriber, mutant: 'unboundObject', scenario: { flow: 'initial-3gpp', attacker: { capabilities: ['network', 't12.stolenIdentity'], injections: 1 } } },
  { property: mcimActivatedOnlyWithShoAuthorisation, mutant: 'anySignerIsExpectedSho', scenario: { flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 2 } } },
  { property: modifiedMcimNeverSelectedAfterBoot, mutant: 'noIntegrityCheck', scenario: { ...bothPresent, attacker: { capabilities: ['t11.faults'] } } },
  { property: userCredentialBlockedAfterNWrongTries, mutant: 'uncountedTries', scenario: { flow: 'change-via-old-sho', attacker: { capabilities: ['t10.localGuess'], injections: 4 } } },
  { property: remoteGuessesCannotLockPlatform, mutant: 'remoteAsLocal', scenario: { flow: 'change-via-old-sho', attacker: { capabilities: ['t10.remoteGuess'], injections: 3 } } },
];

describe('a mutated TRE check is caught by the property that judges it', () => {
  for (const c of cases) {
    it(`${c.property.id}: holds with the TRE's check, fails with it mutated (${c.mutant})`, () => {
      expect(verdict(c.scenario, c.property, 'none')).toBe('holds-exhaustively');
      expect(verdict(c.scenario, c.property, c.mutant)).toBe('violated');
    });
  }
});
