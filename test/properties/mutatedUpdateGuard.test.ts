// The MCIM update claims as observers: the TRE's update check (models/roles/treMcimUpdate.ts) mutated to believe that
// the named MCIM's own SHO signed every update makes McimUpdatedOnlyByItsSho fail, since the claim reads the signature
// of the raw term the TRE logged, not the check's verdict; the same mutant leaves the claim holding where nobody forges.
import { describe, expect, it, vi } from 'vitest';
import { name, sign, type Term } from '../../src/attacker/Term.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { mcimUpdatedOnlyByItsSho } from '../../properties/claims/McimUpdatedOnlyByItsSho.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';

const mutant = vi.hoisted(() => ({ active: false }));

vi.mock('../../models/roles/treMcimUpdate.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../models/roles/treMcimUpdate.ts')>();
  return {
    ...real,
    // The signature check believes the SHO the update names signed it.
    mcimUpdateOf: (ctx: Parameters<typeof real.mcimUpdateOf>[0], msg: Term) => {
      if (!mutant.active || msg.kind !== 'sign' || msg.body.kind !== 'tuple') return real.mcimUpdateOf(ctx, msg);
      const named = msg.body.items[2];
      return real.mcimUpdateOf(ctx, named?.kind === 'name' ? sign(name(`sk:${named.id.replace(/^mcim:/, '')}`), msg.body) : msg);
    },
  };
});

function verdict(input: ScenarioInput, active: boolean): string {
  mutant.active = active;
  try {
    const r = resolveScenario(input);
    if (!r.ok) throw new Error(r.error.message);
    return searchProperties(() => worldSystem(r.config), [mcimUpdatedOnlyByItsSho]).verdicts[0]!.verdict.kind;
  } finally {
    mutant.active = false;
  }
}

describe('a mutated TRE update check is caught by McimUpdatedOnlyByItsSho', () => {
  it('holds with the TRE\'s check and fails with it mutated under the network attacker; holds with the mutant where nobody forges', () => {
    const attacked: ScenarioInput = { flow: 'initial-3gpp', shoUpdates: 1, attacker: { capabilities: ['network'], injections: 1 } };
    expect(verdict(attacked, false)).toBe('holds-exhaustively');
    expect(verdict(attacked, true)).toBe('violated');
    expect(verdict({ flow: 'initial-3gpp', shoUpdates: 2 }, true)).toBe('holds-exhaustively');
  });
});
