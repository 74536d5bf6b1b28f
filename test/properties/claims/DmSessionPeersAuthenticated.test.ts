// DmSessionPeersAuthenticated on the TR world (scenario t2-dm-session: steps 12-13 in the OMA DM session, a network
// attacker with one injection): it holds over the whole state space with switch t2.cm4.mutual on; off, the attacker
// masquerades as the DM server to the TRE (24 steps) and as the TRE to the DPF, by traces that replay on live actors,
// while the MCIM properties still hold (the objects carry their own protection, x.2.3).
import { describe, expect, it } from 'vitest';
import { termEquals } from '../../../src/attacker/Term.ts';
import { resolveScenario, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import type { RoContext } from '../../../models/roles/registrationOperator.ts';
import { roleSnapshot, type World } from '../../../models/world/World.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { dmSessionPeersAuthenticated } from '../../../properties/claims/DmSessionPeersAuthenticated.ts';
import { installedMcimWasIssuedForThisTre } from '../../../properties/claims/InstalledMcimWasIssuedForThisTre.ts';
import { mcimSecretNeverLeaves } from '../../../properties/claims/McimSecretNeverLeaves.ts';
import { shoSuccessMeansInstalled } from '../../../properties/claims/ShoSuccessMeansInstalled.ts';
import { treOf } from '../../../properties/claims/worldReaders.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../../src/engine/searchProperties.ts';

const scenario = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't2-dm-session')!;

function configOf(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

const search = (off: readonly string[], properties: readonly Invariant<World>[]) =>
  searchProperties(() => worldSystem(configOf({ ...scenario, off: [...off] })), properties).verdicts.map((v) => v.verdict);

describe('DmSessionPeersAuthenticated', () => {
  it('is judged in the t2 scenario that runs the session', () => {
    expect(scenario).toMatchObject({ assumptions: { omaDmSession: true }, attacker: { capabilities: ['network'] } });
  });

  it('holds over the whole state space with every counter-measure on', () => {
    expect(search([], [dmSessionPeersAuthenticated])[0]).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('with t2.cm4.mutual off: the attacker authenticates to the TRE as the DM server, in 24 steps, and the MCIM properties still hold', () => {
    const [peers, installed, success, secret] = search(['t2.cm4.mutual'], [dmSessionPeersAuthenticated, installedMcimWasIssuedForThisTre, shoSuccessMeansInstalled, mcimSecretNeverLeaves]);
    expect(peers).toMatchObject({ kind: 'violated' });
    if (peers!.kind !== 'violated') return;
    expect(peers!.trace.actions).toHaveLength(24);
    // The injection, the host's relay and the TRE's receipt: one step (relay at receipt, models/world/relayAtReceipt.ts).
    expect(peers!.trace.actions.at(-1)).toMatch(/^attacker>m2me dmServerAuth \(injected as ro\) \w+, relayed m2me>tre dmServerAuth and taken$/);
    const replay = replayTrace(worldSystem(configOf({ ...scenario, off: ['t2.cm4.mutual'] })), dmSessionPeersAuthenticated, peers!.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/tre took .* as the DPF's/) });
    expect(replay.live).toEqual({ mismatch: undefined });
    for (const v of [installed, success, secret]) expect(v).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('with t2.cm4.mutual off: the attacker also answers the DPF as the TRE, and the DPF downloads', () => {
    // The other half of the claim alone, to find that attack: a client answer the DPF accepted that the TRE never sent.
    const fakeClient: Invariant<World> = {
      kind: 'invariant',
      id: propertyId('NoFakeClientAnswer'),
      description: 'test: the DPF took no client answer the TRE did not send',
      holds: (w) => (roleSnapshot(w, 'ro').context as RoContext).dmClients.every((a) => treOf(w).dmOpens.some((x) => termEquals(x, a))),
      explain: () => 'a fake client answer',
    };
    const [found] = search(['t2.cm4.mutual'], [fakeClient]);
    expect(found).toMatchObject({ kind: 'violated' });
    if (found!.kind !== 'violated') return;
    expect(found!.trace.actions.at(-1)).toMatch(/^attacker>ro dmSessionOpen \(injected as m2me\)/);
    const replay = replayTrace(worldSystem(configOf({ ...scenario, off: ['t2.cm4.mutual'] })), dmSessionPeersAuthenticated, found!.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/the DPF took .* as tre's/) });
    // With the switch on that half holds too.
    expect(search([], [fakeClient])[0]).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
