// ShoSuccessMeansInstalled against a replayed status: in t2-report-replay sho1 provisions dev1 a second time, and the
// network attacker holds the TRE's success status of registration 1 (read during that earlier provisioning,
// models/world/earlierTraffic.ts). It holds with every counter-measure on; with the SHO's test of the status's
// registration nonce (step 14, `reportOk`) dropped, the replayed status passes for registration 3's and it fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ReadTerm from '../../../models/readTerm.ts';
import { resolveScenario, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { shoSuccessMeansInstalled } from '../../../properties/claims/ShoSuccessMeansInstalled.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../../src/engine/searchProperties.ts';
import { name, type Term } from '../../../src/attacker/Term.ts';

const mutation = vi.hoisted(() => ({ anyNonce: false, noEarlierTraffic: false }));
const anyNonce = name('test:any-nonce');

// The mutant: the nonce of a TRE-signed provisioning status reads as one that matches every nonce, so the SHO's
// comparison with its registration's nonce always succeeds (the status's other fields are read as signed).
vi.mock('../../../models/readTerm.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ReadTerm>();
  const isAny = (t: Term | null | undefined) => t?.kind === 'name' && t.id === 'test:any-nonce';
  return {
    ...original,
    fieldsOf: (...args: Parameters<typeof original.fieldsOf>) => {
      const f = original.fieldsOf(...args);
      return mutation.anyNonce && args[1] === 'provisioned' && f !== undefined ? [f[0]!, anyNonce, ...f.slice(2)] : f;
    },
    same: (a: Parameters<typeof original.same>[0], b: Parameters<typeof original.same>[1]) => (mutation.anyNonce && (isAny(a) || isAny(b))) || original.same(a, b),
  };
});

// The attacker of the model before the earlier provisioning was in it: it knew nothing of registration 1.
vi.mock('../../../models/world/earlierTraffic.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../models/world/earlierTraffic.ts')>();
  return { ...original, earlierTraffic: (c: Parameters<typeof original.earlierTraffic>[0]) => (mutation.noEarlierTraffic ? [] : original.earlierTraffic(c)) };
});

afterEach(() => {
  mutation.anyNonce = false;
  mutation.noEarlierTraffic = false;
});

const input = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't2-report-replay') as ScenarioInput;
function config() {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}
const search = () => searchProperties(() => worldSystem(config()), [shoSuccessMeansInstalled]).verdicts[0]!.verdict;

describe('ShoSuccessMeansInstalled with a second provisioning by the same SHO', () => {
  it('holds over the whole state space of t2-report-replay with every counter-measure on', () => {
    expect(search()).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('fails when the SHO takes a status of any registration nonce: the status of registration 1 is replayed', () => {
    mutation.anyNonce = true;
    const verdict = search();
    expect(verdict).toMatchObject({ kind: 'violated' });
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions.at(-2)).toMatch(/^attacker>ro provisioningStatus \(injected as m2me\)/);
    const replay = replayTrace(worldSystem(config()), shoSuccessMeansInstalled, verdict.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/sho1 report success/) });
  });

  it('needs the earlier provisioning\'s traffic: an attacker that saw none of it cannot replay a status to sho1', () => {
    mutation.anyNonce = true;
    mutation.noEarlierTraffic = true;
    expect(search()).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
