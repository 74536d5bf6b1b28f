// PlatformCredentialOfItsOwnTre against the supplier's genuine update for another device: in
// t6-update-for-other-device the attacker's own genuine device (dev2, `t5.otherTre`) got the supplier's remote update,
// which names dev2 and carries dev2's PfC. It holds with every counter-measure on; with the TRE's test of the update's
// PCID (`updateOf`) dropped, the victim's TRE installs it and holds a PfC of another device.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as TreChecks from '../../../models/roles/treChecks.ts';
import { resolveScenario, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { platformCredentialOfItsOwnTre } from '../../../properties/claims/PlatformCredentialOfItsOwnTre.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../../src/engine/searchProperties.ts';
import type { Term } from '../../../src/attacker/Term.ts';

const mutation = vi.hoisted(() => ({ anyDevice: false }));

// The mutant: the TRE reads a signed update as if it named its own device (the PCID test always passes).
vi.mock('../../../models/roles/treChecks.ts', async (importOriginal) => {
  const original = await importOriginal<typeof TreChecks>();
  const namedPcid = (msg: Term): Term | undefined => (msg.kind === 'sign' && msg.body.kind === 'tuple' ? msg.body.items[1] : undefined);
  return {
    ...original,
    updateOf: (ctx: Parameters<typeof original.updateOf>[0], msg: Term) => {
      const pcid = namedPcid(msg);
      if (!mutation.anyDevice || ctx.creds === null || pcid === undefined) return original.updateOf(ctx, msg);
      return original.updateOf({ ...ctx, creds: { ...ctx.creds, pcid } }, msg);
    },
  };
});

afterEach(() => {
  mutation.anyDevice = false;
});

const suiteScenario = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't6-update-for-other-device') as ScenarioInput;
function config(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}
const search = (input: ScenarioInput) => searchProperties(() => worldSystem(config(input)), [platformCredentialOfItsOwnTre]).verdicts[0]!.verdict;

describe('PlatformCredentialOfItsOwnTre', () => {
  it('holds over the whole state space of t6-update-for-other-device with every counter-measure on', () => {
    expect(search(suiteScenario)).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('fails when the TRE takes an update naming any device: the other device\'s genuine update brings its PfC', () => {
    mutation.anyDevice = true;
    const verdict = search(suiteScenario);
    expect(verdict).toMatchObject({ kind: 'violated' });
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions.at(-1)).toMatch(/^attacker>(m2me|tre) treUpdate/);
    const replay = replayTrace(worldSystem(config(suiteScenario)), platformCredentialOfItsOwnTre, verdict.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/pcid:dev2/) });
  });

  it('needs the attacker\'s own device: the network attacker alone has no update of the supplier for another device', () => {
    mutation.anyDevice = true;
    expect(search({ ...suiteScenario, attacker: { capabilities: ['network'], injections: 1 } })).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
