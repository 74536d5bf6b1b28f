// Non-vacuity of every counter-measure switch: with it off, a threat scenario has an attack, a trace the engine
// found (breadth-first: shortest) that replays to the same violation with live actors agreeing; with it on, the
// same scenario holds over its whole reachable state space.
import { describe, expect, it } from 'vitest';
import { switchIds, type SwitchId } from '../../models/counterMeasures/switches.ts';
import { type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { worldSystemOfTrace } from '../../models/world/worldSystem.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { searchWithOff as search } from './searchWithOff.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';

/** Per switch, a small threat scenario (by name, with a tighter injection budget where one injection does) and a
 *  property its attack breaks. */
const witnesses: Record<SwitchId, { scenario: string; injections?: number; property: string; alsoOff?: readonly string[] }> = {
  't5.cm3': { scenario: 't3-malware', property: 'McimSecretNeverLeaves' },
  't2.cm4': { scenario: 't2-network', injections: 1, property: 'ShoSuccessMeansInstalled' },
  't12.cm2': { scenario: 't12-stolen-identity', property: 'McimOnlyForRegisteredSubscriber' },
  't2.cm6': { scenario: 't2-replay-after-delete', property: 'InstalledMcimWasIssuedForThisTre' },
  // Defence in depth: with the SHO authenticating the TRE's identity itself, validation adds the platform integrity
  // check, which only a modified platform (firmware installed with [t6 cm4] off) needs.
  't1.cm4': { scenario: 't6-firmware', property: 'McimIssuedOnlyForValidPlatform', alsoOff: ['t6.cm4'] },
  't5.cm2': { scenario: 't5-replaced-tre', property: 'McimSecretNeverLeaves' },
  't6.cm4': { scenario: 't6-firmware', property: 'TreFirmwareOnlyFromSupplier' },
  't6.cm5': { scenario: 't4-logical-physical', property: 'TamperedTreServesNoMcim' },
  't8.cm8': { scenario: 't8-corrupted-mcim', property: 'ModifiedMcimNeverSelectedAfterBoot' },
  't7.cm1': { scenario: 't7-forged-commands', injections: 1, property: 'LifecycleChangesOnlyByOwner' },
  't2.cm3': { scenario: 't3-malware', property: 'McimSecretNeverLeaves' },
  // 004 5.1.2.2's two sentences: the key leaves only when both the caller check and the interface's filter are off.
  't4.cm2': { scenario: 't4-logical-physical', property: 'TrePlatformKeySecret', alsoOff: ['t4.cm3'] },
  't4.cm3': { scenario: 't4-logical-physical', property: 'TrePlatformKeySecret', alsoOff: ['t4.cm2'] },
  't8.cm1': { scenario: 't8-hostile-mcim', property: 'McimSecretNeverLeaves' },
  't10.cm6': { scenario: 't10-pin-guessing', property: 'UserCredentialBlockedAfterNWrongTries' },
  't10.cm7': { scenario: 't10-pin-guessing', property: 'RemoteGuessesCannotLockPlatform' },
  't7.cm3': { scenario: 't7-user-deletes', property: 'LifecycleChangesOnlyByOwner' },
  't7.cm7': { scenario: 't7-forged-update', property: 'McimUpdatedOnlyByItsSho' },
  't10.cm5': { scenario: 't10-pin-entry-bus-monitor', property: 'NoSecretInClearOnHostInterface' },
  't10.cm10': { scenario: 't10-gated-instruction', property: 'InstructionOnlyForAuthenticatedUser' },
  't2.cm4.mutual': { scenario: 't2-dm-session', property: 'DmSessionPeersAuthenticated' },
};

function scenarioNamed(name: string): ScenarioInput {
  const found = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no threat scenario ${name}`);
  return found;
}

describe('counter-measure switches', () => {
  it('every switch has a witness', () => {
    expect(Object.keys(witnesses).sort()).toEqual([...switchIds].sort());
  });

  for (const id of switchIds) {
    const w = witnesses[id];
    it(`${id} off${w.alsoOff === undefined ? '' : ` (with ${w.alsoOff.join(', ')})`}: ${w.property} is violated in ${w.scenario}, by a trace that replays on live actors; on: it holds`, () => {
      const input = { ...scenarioNamed(w.scenario), ...(w.injections === undefined ? {} : { attacker: { ...scenarioNamed(w.scenario).attacker, injections: w.injections } }) };
      const off = search(input, [id, ...(w.alsoOff ?? [])], w.property);
      expect(off.verdict.kind).toBe('violated');
      if (off.verdict.kind !== 'violated') return;
      const replay = replayTrace(worldSystemOfTrace(off.verdict.trace), off.entry.property, off.verdict.trace);
      expect(replay.result.kind).toBe('reproduced');
      expect(replay.live).toEqual({ mismatch: undefined });
      const on = search(input, w.alsoOff ?? [], w.property);
      expect(on.verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    });
  }
});
