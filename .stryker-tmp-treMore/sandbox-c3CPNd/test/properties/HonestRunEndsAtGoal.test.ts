// HonestRunEndsAtGoal: holds where every interleaving provisions the MCIM, is violated by the real race of
// 5.1.3.7.4.3 (change via the pristine state), and by a deliberately broken world that loses a message.
import { describe, expect, it } from 'vitest';
import { initialWorld } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { honestRunEndsAtGoal } from '../../properties/HonestRunEndsAtGoal.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import type { Verdict } from '../../src/engine/Verdict.ts';
import { preset, walk, withoutMessage } from './brokenWorlds.ts';

function verdictOf(system: ReturnType<typeof worldSystem>): Verdict {
  return searchExhaustive(system, [honestRunEndsAtGoal]).verdicts[0]!.verdict;
}

describe('HonestRunEndsAtGoal', () => {
  it('holds on every honest interleaving of initial provisioning over 3GPP access', () => {
    expect(verdictOf(worldSystem(preset('initial-3gpp')))).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('is violated by the race of 5.1.3.7.4.3: the DRF answers the discovery before it learns the new SHO', () => {
    const config = preset('change-via-pristine');
    const system = worldSystem(config);
    const verdict = verdictOf(system);
    if (verdict.kind !== 'violated') throw new Error(`expected a violation, got ${verdict.kind}`);
    const actions = verdict.trace.actions;
    expect(actions).toHaveLength(24);
    const discovery = actions.indexOf('m2me>ro discoveryRequest');
    expect(discovery).toBeGreaterThan(-1);
    expect(discovery).toBeLessThan(actions.indexOf('subscriber>ro shoSelection'));
    // The RO acknowledges the selection, but the bootstrap for the discovery already names the old SHO.
    expect(actions.indexOf('ro>subscriber selectionAck')).toBeGreaterThan(actions.indexOf('subscriber>ro shoSelection'));
    const last = verdict.trace.states.at(-1) as { network: { to: string; kind: string }[] };
    // The registration goes to the old SHO, which is serving and never takes it.
    expect(last.network).toEqual([expect.objectContaining({ to: 'sho1', kind: 'registration' })]);
    const replay = replayTrace(system, honestRunEndsAtGoal, verdict.trace);
    expect(replay.result.kind).toBe('reproduced');
    expect((replay.result as { explanation: string }).explanation).toContain('MCIM of sho2 is absent, expected Activated');
    expect(replay.live).toEqual({ mismatch: undefined });
  });

  it('is violated when the platform reference never reaches the PVA (a broken world)', () => {
    const config = preset('initial-3gpp');
    // Test-only: the network loses the supplier's PfC to the PVA, so validation (steps 8-10) cannot happen.
    const broken = withoutMessage(walk(initialWorld(config), ['supplier MANUFACTURE']), 'platformReference');
    const verdict = verdictOf(worldSystem(config, broken));
    if (verdict.kind !== 'violated') throw new Error(`expected a violation, got ${verdict.kind}`);
    expect(verdict.trace.actions).not.toContain('pva>sho1 validationResult');
    expect(replayTrace(worldSystem(config, broken), honestRunEndsAtGoal, verdict.trace).result.kind).toBe('reproduced');
  });
});
