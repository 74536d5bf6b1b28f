// ReleaseAgreesWithOldSho on the TR world: it holds with every counter-measure on in the change-of-operator scenarios
// (the network attacker of t2-forged-release, the insider new SHO of t7-insider-sho); the honest change relays a
// release, so it is not vacuous; and with the DPF's check of the old SHO's acknowledgment (5.1.3.7.4.2 step 11)
// mutated to take an acknowledgment under any key, the network attacker's own forgery is relayed and it fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ReadTerm from '../../../models/readTerm.ts';
import { resolveScenario, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import type { RoContext } from '../../../models/roles/registrationOperator.ts';
import { roleSnapshot, type World } from '../../../models/world/World.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { releaseAgreesWithOldSho } from '../../../properties/claims/ReleaseAgreesWithOldSho.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../../src/engine/searchProperties.ts';

const mutation = vi.hoisted(() => ({ anyAckSigner: false }));

// The mutant: an acknowledgment of a discard verifies under any SHO key, whoever signed it (the DPF's signature test
// of `discardAcknowledged` dropped). Only `discardAck` bodies are affected.
vi.mock('../../../models/readTerm.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ReadTerm>();
  return {
    ...original,
    verifySigned: (t: Parameters<typeof original.verifySigned>[0], publicKey: Parameters<typeof original.verifySigned>[1]) =>
      mutation.anyAckSigner && t?.kind === 'sign' && original.fieldsOf(t.body, 'discardAck', 2) !== undefined ? t.body : original.verifySigned(t, publicKey),
  };
});

afterEach(() => {
  mutation.anyAckSigner = false;
});

const scenarioNamed = (name: string): ScenarioInput => threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === name)!;

function configOf(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

const search = (input: ScenarioInput, properties: readonly Invariant<World>[]) =>
  searchProperties(() => worldSystem(configOf(input)), properties).verdicts.map((v) => v.verdict);

describe('ReleaseAgreesWithOldSho', () => {
  it('holds over the whole state space of t2-forged-release and t7-insider-sho with every counter-measure on', () => {
    expect(search(scenarioNamed('t2-forged-release'), [releaseAgreesWithOldSho])[0]).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(search(scenarioNamed('t7-insider-sho'), [releaseAgreesWithOldSho])[0]).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('is not vacuous: the honest change of operator via the old SHO relays a release', () => {
    const noRelease: Invariant<World> = {
      kind: 'invariant',
      id: propertyId('NoReleaseRelayed'),
      description: 'test: the DPF relays no release',
      holds: (w) => (roleSnapshot(w, 'ro').context as RoContext).releases.length === 0,
      explain: () => 'a release relayed',
    };
    const [found] = search({ name: 'honest-change', flow: 'change-via-old-sho' }, [noRelease]);
    expect(found).toMatchObject({ kind: 'violated' });
  });

  it('with the DPF taking an acknowledgment under any key, the network attacker\'s forgery is relayed and it fails', () => {
    mutation.anyAckSigner = true;
    const input = scenarioNamed('t2-forged-release');
    const [verdict] = search(input, [releaseAgreesWithOldSho]);
    expect(verdict).toMatchObject({ kind: 'violated' });
    if (verdict!.kind !== 'violated') return;
    expect(verdict!.trace.actions.at(-1)).toMatch(/^attacker>ro discardAck \(injected as m2me\)/);
    const replay = replayTrace(worldSystem(configOf(input)), releaseAgreesWithOldSho, verdict!.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/the DPF told sho2 the old SHO released/) });
  });
});
