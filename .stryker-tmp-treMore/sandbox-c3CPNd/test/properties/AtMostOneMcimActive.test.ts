// AtMostOneMcimActive: holds on every honest interleaving of the change of operator, and is violated, with a
// replayable trace, once the old SHO's lifecycle instruction UNBLOCK is in flight (the TRE has no check of its own).
import { describe, expect, it } from 'vitest';
import { deviceNames, lifecycleCommandTerm } from '../../models/messages.ts';
import { initialWorld } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { atMostOneMcimActive } from '../../properties/AtMostOneMcimActive.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { preset, withMessage } from './brokenWorlds.ts';

const bothPresent = preset('change-via-old-sho-both-present');

describe('AtMostOneMcimActive', () => {
  it('holds on every honest interleaving of a change of operator with both MCIMs present', () => {
    const verdict = searchExhaustive(worldSystem(bothPresent), [atMostOneMcimActive]).verdicts[0]?.verdict;
    expect(verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('is violated when the old SHO unblocks its isolated MCIM after the switch (5.1.1.1 UNBLOCK, 5.1.3.7.2)', () => {
    // Test-only: the old SHO's signed UNBLOCK for its own MCIM is in flight from the start.
    const unblock = { kind: 'lifecycleCommand', from: 'sho1', to: 'm2me', term: lifecycleCommandTerm('sho1', deviceNames('dev1').pcid, 'UNBLOCK') } as const;
    const system = worldSystem(bothPresent, withMessage(initialWorld(bothPresent), unblock));
    const verdict = searchExhaustive(system, [atMostOneMcimActive]).verdicts[0]?.verdict;
    if (verdict?.kind !== 'violated') throw new Error(`expected a violation, got ${verdict?.kind}`);
    const actions = verdict.trace.actions;
    // The new MCIM is activated at the commit (step 12) with the old one Blocked; then UNBLOCK reaches the TRE.
    expect(actions.indexOf('m2me>tre provisionCommit')).toBeGreaterThan(-1);
    expect(actions.at(-1)).toBe('m2me>tre lifecycleCommand');
    const replay = replayTrace(system, atMostOneMcimActive, verdict.trace);
    expect(replay.result).toMatchObject({ kind: 'reproduced', steps: actions.length });
    expect((replay.result as { explanation: string }).explanation).toBe('expected at most 1 active MCIM, actual 2: mcim:sho1 Activated, mcim:sho2 Activated');
    expect(replay.live).toEqual({ mismatch: undefined });
  });
});
