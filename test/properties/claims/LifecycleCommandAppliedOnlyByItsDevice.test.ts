// LifecycleCommandAppliedOnlyByItsDevice against the victim SHO's genuine commands for another device: in
// t7-own-subscription the attacker subscribes to the victim's SHO for a device of its own (`t7.ownSubscription`) and
// holds the commands that SHO signs for it. It holds with every counter-measure on; with the TRE's test of the
// command's PCID (`lifecycleFromCommand`) dropped, the attacker's DELETE for its own device deletes the victim's MCIM.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as TreChecks from '../../../models/roles/treChecks.ts';
import { resolveScenario, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { lifecycleCommandAppliedOnlyByItsDevice } from '../../../properties/claims/LifecycleCommandAppliedOnlyByItsDevice.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { searchProperties } from '../../../src/engine/searchProperties.ts';
import type { Term } from '../../../src/attacker/Term.ts';

const mutation = vi.hoisted(() => ({ anyDevice: false }));

// The mutant: the TRE reads a signed command as if it named its own device (the PCID test always passes).
vi.mock('../../../models/roles/treChecks.ts', async (importOriginal) => {
  const original = await importOriginal<typeof TreChecks>();
  const namedPcid = (msg: Term): Term | undefined =>
    msg.kind === 'sign' && msg.body.kind === 'tuple' ? msg.body.items[1] : undefined;
  return {
    ...original,
    lifecycleFromCommand: (ctx: Parameters<typeof original.lifecycleFromCommand>[0], msg: Term) => {
      const pcid = namedPcid(msg);
      if (!mutation.anyDevice || ctx.creds === null || pcid === undefined) return original.lifecycleFromCommand(ctx, msg);
      return original.lifecycleFromCommand({ ...ctx, creds: { ...ctx.creds, pcid } }, msg);
    },
  };
});

afterEach(() => {
  mutation.anyDevice = false;
});

const suiteScenario = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't7-own-subscription') as ScenarioInput;
function config(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}
const search = (input: ScenarioInput) => searchProperties(() => worldSystem(config(input)), [lifecycleCommandAppliedOnlyByItsDevice]).verdicts[0]!.verdict;

describe('LifecycleCommandAppliedOnlyByItsDevice', () => {
  it('holds over the whole state space of t7-own-subscription with every counter-measure on', () => {
    expect(search(suiteScenario)).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('fails when the TRE takes a command naming any device: the attacker\'s own genuine command is applied', () => {
    mutation.anyDevice = true;
    const verdict = search(suiteScenario);
    expect(verdict).toMatchObject({ kind: 'violated' });
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions.at(-1)).toMatch(/^attacker>(m2me|tre) lifecycleCommand/);
    const replay = replayTrace(worldSystem(config(suiteScenario)), lifecycleCommandAppliedOnlyByItsDevice, verdict.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/pcid:dev2/) });
  });

  it('needs the attacker\'s own subscription: the network attacker alone has no command of the SHO for another device', () => {
    mutation.anyDevice = true;
    expect(search({ ...suiteScenario, attacker: { capabilities: ['network'], injections: 1 } })).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
