// The TRE's user credential entry through the keypad's tunnel [t10 cm5] and a function gated by it [t10 cm10]
// (models/roles/treChecks.ts userAuthenticated, userGateOpen): each check with its switch on, and off.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { name, senc, tuple, type Term } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../../models/counterMeasures/switches.ts';
import { bootTerm, deviceNames, keypadEntryTerm, keypadKey, preprovisionTerm, reprovisionInstructionTerm, userAuthTerm } from '../../models/messages.ts';
import { treMachine, type TreEvent } from '../../models/roles/tre.ts';
import { mcimEntryFor } from '../../models/roles/treRegistry.ts';

type Snap = SnapshotFrom<typeof treMachine>;
const d = deviceNames('dev1');
const send = (s: Snap, type: string, msg: Term): Snap => transition(treMachine, s, { type, msg, from: 'm2me' } as TreEvent)[0];

function ready(off: readonly SwitchId[] = [], userGate = false): Snap {
  const blank = initialTransition(treMachine, { off, blockFromInstalled: true, userGate })[0];
  const made = transition(treMachine, blank, { type: 'preprovision', msg: preprovisionTerm(d), from: 'supplier' } as TreEvent)[0];
  const booted = send(made, 'boot', bootTerm());
  return treMachine.resolveState({ value: booted.value, context: { ...booted.context, registry: [mcimEntryFor('sho1', 'Selected')], noncesUsed: 1 } });
}

const instruction = reprovisionInstructionTerm(d.pcid, d.token, 'sho2', 'via-old-sho');

describe('the user credential through the keypad tunnel [t10 cm5]', () => {
  it('opens the tunnelled entry with the keypad key, verifies the user, and takes each entry number once', () => {
    const entered = send(ready(), 'userAuth', userAuthTerm(keypadEntryTerm(d.pcid, d.userPin, 1), 'local'));
    expect(entered.context.userVerified).toBe(true);
    expect(entered.context.keypadEntries).toBe(1);
    // The same tunnelled entry again (a replay by the host): not evaluated.
    expect(send(entered, 'userAuth', userAuthTerm(keypadEntryTerm(d.pcid, d.userPin, 1), 'local'))).toBe(entered);
  });

  it('refuses a tunnel under another key, and counts a wrong credential inside the tunnel as a wrong entry', () => {
    const s = ready();
    const forged = senc(name('k:keypad:attacker'), tuple(name('keypad'), d.userPin, name('entry:1')));
    expect(send(s, 'userAuth', userAuthTerm(forged, 'local'))).toBe(s);
    const wrong = send(s, 'userAuth', userAuthTerm(senc(keypadKey(d.pcid), tuple(name('keypad'), name('pin:guess'), name('entry:1'))), 'local'));
    expect(wrong.context.userWrong).toBe(1);
    expect(wrong.context.userVerified).toBe(false);
  });

  it('forgets the verification at a reset (003 t10 cm10 "on booting or rebooting")', () => {
    const entered = send(ready(), 'userAuth', userAuthTerm(d.userPin, 'local'));
    expect(entered.context.userVerified).toBe(true);
    const reset = transition(treMachine, entered, { type: 'RESET' })[0];
    expect(reset.context.userVerified).toBe(false);
  });
});

describe('the subscriber\'s instruction gated by user authentication [t10 cm10]', () => {
  it('acts on the instruction only once the user is verified', () => {
    const gated = ready([], true);
    expect(send(gated, 'reprovisionInstruction', instruction)).toBe(gated);
    const verified = send(gated, 'userAuth', userAuthTerm(d.userPin, 'local'));
    expect(send(verified, 'reprovisionInstruction', instruction).value).toEqual({ Trusted: 'AwaitingMcim' });
  });

  it('acts on it at once with the switch off, or where the scenario gates nothing', () => {
    expect(send(ready(['t10.cm10'], true), 'reprovisionInstruction', instruction).value).toEqual({ Trusted: 'AwaitingMcim' });
    expect(send(ready([], false), 'reprovisionInstruction', instruction).value).toEqual({ Trusted: 'AwaitingMcim' });
  });
});
