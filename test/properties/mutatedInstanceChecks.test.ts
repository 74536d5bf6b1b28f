// The claims on what a TRE step changes, as observers: the TRE's MCIM update check (models/roles/treMcimUpdate.ts) and
// its lifecycle command check (models/roles/treChecks.ts) mutated the way StrykerJS's surviving mutants did, and the
// claim that reads the TRE's log of the instances each step changed fails, while it holds with the real checks.
import { describe, expect, it, vi } from 'vitest';
import { sign, termEquals, tuple, type Term } from '../../src/attacker/Term.ts';
import { registrationNonce } from '../../models/messages.ts';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { lifecycleCommandFollows5111 } from '../../properties/claims/LifecycleCommandFollows5111.ts';
import { mcimUpdateChangesOnlyTheInstanceItNames } from '../../properties/claims/McimUpdateChangesOnlyTheInstanceItNames.ts';
import { activationOnlyOfInstalledMcim } from '../../properties/claims/ActivationOnlyOfInstalledMcim.ts';
import { t07McimPermissions } from '../../properties/threats/t07-mcim-permissions.ts';
import { t08HostileMcim } from '../../properties/threats/t08-hostile-mcim.ts';
import type { Invariant } from '../../src/engine/Property.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';
import type { World } from '../../models/world/World.ts';

type Mutant = 'none' | 'updateEveryInstance' | 'updateNoInstance' | 'updateNameIgnored' | 'blockFromInstalledIgnored' | 'activationInAnyState';
const mutant = vi.hoisted(() => ({ active: 'none' as Mutant }));

vi.mock('../../models/roles/treMcimUpdate.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../models/roles/treMcimUpdate.ts')>();
  return {
    ...real,
    mcimUpdateOf: (ctx: Parameters<typeof real.mcimUpdateOf>[0], msg: Term) => {
      if (mutant.active === 'updateNameIgnored' && msg.kind === 'sign' && msg.body.kind === 'tuple' && ctx.creds !== null) {
        // treMcimUpdate.ts 29:5 made true: the instance found by the registration nonce alone, whatever MCIM the update
        // names (the first instance of that registration, as the mutant's `find` takes it).
        const [tag, pcid, , nonce, code] = msg.body.items;
        const byNonce = ctx.registry.find((e) => nonce !== undefined && termEquals(nonce, registrationNonce(ctx.creds!.pcid, e.registration)) && e.state !== 'Retired');
        if (byNonce === undefined || tag === undefined || pcid === undefined || nonce === undefined || code === undefined) return undefined;
        return real.mcimUpdateOf(ctx, sign(msg.key, tuple(tag, pcid, { kind: 'name', id: `mcim:${byNonce.owner}` }, nonce, code)));
      }
      const r = real.mcimUpdateOf(ctx, msg);
      // treMcimUpdate.ts 33:72 made false: the update taken, and no instance changed.
      if (mutant.active === 'updateNoInstance' && r !== undefined) return { ...r, registry: ctx.registry };
      if (mutant.active !== 'updateEveryInstance' || r === undefined) return r;
      // treMcimUpdate.ts 33:72 made true: the new code written into every instance, not only the one found.
      const changed = r.registry.find((e) => e.id === r.mcim)!;
      return { ...r, registry: r.registry.map((e) => ({ ...e, code: changed.code, measurement: changed.measurement })) };
    },
  };
});

vi.mock('../../models/roles/treChecks.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../models/roles/treChecks.ts')>();
  return {
    ...real,
    // treChecks.ts 177:7 made false: an owner's BLOCK of an Installed MCIM applied whatever the scenario's reading of 5.1.1.1.
    lifecycleFromCommand: (ctx: Parameters<typeof real.lifecycleFromCommand>[0], msg: Term) =>
      real.lifecycleFromCommand(mutant.active === 'blockFromInstalledIgnored' ? { ...ctx, blockFromInstalled: true } : ctx, msg),
    // treChecks.ts 78:56 made true: the expected SHO's instance taken in any lifecycle state (here: shown Installed to
    // the real check, then the instance returned as it is).
    readActivation: (ctx: Parameters<typeof real.readActivation>[0], msg: Term) => {
      if (mutant.active !== 'activationInAnyState') return real.readActivation(ctx, msg);
      const asInstalled = ctx.registry.map((e) => ({ ...e, state: 'Installed' as const }));
      const found = real.readActivation({ ...ctx, registry: asInstalled }, msg);
      return found === undefined ? undefined : ctx.registry.find((e) => e.id === found.id);
    },
  };
});

function verdict(scenario: string, property: Invariant<World>, active: Mutant): string {
  mutant.active = active;
  try {
    const input = [...t07McimPermissions.scenarios, ...t08HostileMcim.scenarios].find((s) => s.name === scenario);
    const r = resolveScenario(input!);
    if (!r.ok) throw new Error(r.error.message);
    return searchProperties(() => worldSystem(r.config), [property]).verdicts[0]!.verdict.kind;
  } finally {
    mutant.active = 'none';
  }
}

describe('claims on what a TRE step changed catch the checks\' surviving mutants', () => {
  it('McimUpdateChangesOnlyTheInstanceItNames: holds with the real check; fails when an update reaches every instance, none, or the instance of its nonce whatever MCIM it names', () => {
    const scenario = 't7-update-two-instances';
    expect(verdict(scenario, mcimUpdateChangesOnlyTheInstanceItNames, 'none')).toBe('holds-exhaustively');
    expect(verdict(scenario, mcimUpdateChangesOnlyTheInstanceItNames, 'updateEveryInstance')).toBe('violated');
    expect(verdict(scenario, mcimUpdateChangesOnlyTheInstanceItNames, 'updateNoInstance')).toBe('violated');
    expect(verdict(scenario, mcimUpdateChangesOnlyTheInstanceItNames, 'updateNameIgnored')).toBe('violated');
  });

  it('LifecycleCommandFollows5111: holds with the real check; fails when the owner\'s BLOCK of an Installed MCIM is applied where the scenario reads 5.1.1.1 as forbidding it', () => {
    const scenario = 't7-owner-blocks-no-block-from-installed';
    expect(verdict(scenario, lifecycleCommandFollows5111, 'none')).toBe('holds-exhaustively');
    expect(verdict(scenario, lifecycleCommandFollows5111, 'blockFromInstalledIgnored')).toBe('violated');
  });

  it('ActivationOnlyOfInstalledMcim: holds with the real check; fails when the new SHO\'s MCIM, blocked by the integrity check, is activated by its object', () => {
    const scenario = 't8-corrupted-mcim';
    expect(verdict(scenario, activationOnlyOfInstalledMcim, 'none')).toBe('holds-exhaustively');
    expect(verdict(scenario, activationOnlyOfInstalledMcim, 'activationInAnyState')).toBe('violated');
  });
});
