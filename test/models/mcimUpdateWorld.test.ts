// The MCIM update across the roles (004 5.1.2.3 [t7 cm7], 5.1.3.4.3): the serving SHO signs its updates, the DPF
// downloads them, the host relays them, the TRE applies them; under the network attacker of t7-forged-update a replay
// of the first update after the second rolls the MCIM back (the finding), with every counter-measure on.
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { roleSnapshot, type World } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import type { TreContext } from '../../models/roles/tre.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { mcimUpdatedOnlyByItsSho } from '../../properties/claims/McimUpdatedOnlyByItsSho.ts';

const config = (input: ScenarioInput): ScenarioConfig => {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
};
const codeOf = (world: World): string | undefined => (roleSnapshot(world, 'tre').context as TreContext).registry[0]?.code;
/** Violated where the TRE's MCIM runs the code of the SHO's first update after its second was applied. */
const neverRolledBack: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('NeverRolledBack'),
  description: 'test: the MCIM never returns to the first update after the second',
  holds: (world) => {
    const applied = (roleSnapshot(world, 'tre').context as TreContext).updates.map((u) => u.term);
    return !(applied.length >= 3 && codeOf(world) === 'code:usim:sho1:v2');
  },
};
const updatedTwice: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('NeverUpdatedTwice'),
  description: 'test: violated where the MCIM runs the second update',
  holds: (world) => codeOf(world) !== 'code:usim:sho1:v3',
};

describe('MCIM update through the DPF', () => {
  it('an honest run reaches the SHO\'s second update, and every update applied is the owning SHO\'s', () => {
    const c = config({ flow: 'initial-3gpp', shoUpdates: 2 });
    const r = searchExhaustive(worldSystem(c), [updatedTwice, mcimUpdatedOnlyByItsSho], { maxStates: 5_000 });
    const [reached, owner] = r.verdicts.map((v) => v.verdict);
    expect(reached?.kind).toBe('violated');
    if (reached?.kind !== 'violated') return;
    // Labels carry a content id here (two updates may be in flight on one channel): compare their families.
    const labels = reached.trace.actions.map((a) => a.replace(/ [0-9a-f]{8}$/, ''));
    expect(labels).toContain('sho1>ro updateAuthorisation');
    expect(labels).toContain('ro>m2me mcimUpdate');
    expect(owner).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('with every counter-measure on, a replayed first update rolls the MCIM back after the second (t7-forged-update)', () => {
    const input = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't7-forged-update')!;
    const c = config(input);
    const system = worldSystem(c);
    const r = searchExhaustive(system, [neverRolledBack], { maxStates: 100_000 });
    const verdict = r.verdicts[0]!.verdict;
    expect(verdict.kind).toBe('violated');
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions.some((a) => a.startsWith('attacker>m2me mcimUpdate'))).toBe(true);
    expect(replayTrace(system, neverRolledBack, verdict.trace).result.kind).toBe('reproduced');
  });
});
