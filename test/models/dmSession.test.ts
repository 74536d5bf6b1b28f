// The OMA DM session of 5.1.3.6.2 steps 12-13 (assumption omaDmSession; models/roles/dmSession.ts): the TRE opens it
// after its registration under the device PIN and takes a download only once the DM server has answered under the
// bootstrap's key; the DPF answers only an opening under the device's PIN and downloads only into that session.
// With switch t2.cm4.mutual off each end takes the other's session message under any key.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { mac, name, pk, sign, tuple, type Term } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../../models/counterMeasures/switches.ts';
import {
  bootTerm, bootstrapTerm, deviceNames, dmServerAuthBody, dmServerAuthTerm, dmSessionOpenBody, dmSessionOpenTerm, initialCredentialsTerm, m2mSimMobj,
  mcimBlob, pdpContextTerm, preprovisionTerm, provisioningAuthorisationTerm, registrationNonce, type SendEvent,
} from '../../models/messages.ts';
import { clientAuthenticated, inDmSession, serverAuthenticated } from '../../models/roles/dmSession.ts';
import { registrationOperatorMachine, type RoContext } from '../../models/roles/registrationOperator.ts';
import { treMachine, type TreContext } from '../../models/roles/tre.ts';

const d = deviceNames('dev1');
const nonce1 = registrationNonce(d.pcid, 1);
const object = m2mSimMobj('sho1', d.pcid, nonce1, mcimBlob('sho1', nonce1, d.token, pk(d.platformKey)));
const forgedAnswer = sign(name('sk:attacker'), dmServerAuthBody(d.pcid, nonce1));
const forgedOpen = tuple(name('dmSessionOpen'), dmSessionOpenBody(d.pcid, nonce1), mac(name('sk:attacker'), dmSessionOpenBody(d.pcid, nonce1)));

/** The snapshot after `event` and what it sent. */
function step(machine: AnyStateMachine, s: AnyMachineSnapshot, event: EventObject & { readonly msg: Term; readonly from: string }): [AnyMachineSnapshot, SendEvent[]] {
  const [next, actions] = transition(machine, s, event);
  const sent = (actions as readonly { type: string; params?: unknown }[])
    .filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: SendEvent }).event);
  return [next, sent];
}

/** dev1's TRE after its bootstrap: registered for sho1 (nonce 1), with or without the session. */
function registeredTre(dmSession: boolean, off: readonly SwitchId[] = []): [AnyMachineSnapshot, SendEvent[]] {
  let s = initialTransition(treMachine, { off, blockFromInstalled: true, dmSession })[0];
  [s] = step(treMachine, s, { type: 'preprovision', msg: preprovisionTerm(d), from: 'supplier' });
  [s] = step(treMachine, s, { type: 'boot', msg: bootTerm(), from: 'm2me' });
  return step(treMachine, s, { type: 'bootstrap', msg: bootstrapTerm(d.pcid, d.kPin, 'sho1', pk(name('sk:ro'))), from: 'm2me' });
}

/** The RO knowing dev1, connected, with or without the session. */
function roKnowingDev1(dmSession: boolean, off: readonly SwitchId[] = []): AnyMachineSnapshot {
  let s = initialTransition(registrationOperatorMachine, { delayedActivation: false, dmSession, off })[0];
  [s] = step(registrationOperatorMachine, s, { type: 'initialCredentials', msg: initialCredentialsTerm(d), from: 'supplier' });
  [s] = step(registrationOperatorMachine, s, { type: 'pdpContext', msg: pdpContextTerm(d.pcid), from: 'vno' });
  return s;
}

const tre = (s: AnyMachineSnapshot): TreContext => s.context as TreContext;
const ro = (s: AnyMachineSnapshot): RoContext => s.context as RoContext;
const authorise = { type: 'provisioningAuthorisation', msg: provisioningAuthorisationTerm('sho1', d.pcid, object), from: 'sho1' };

describe('the checks of each end (models/roles/dmSession.ts)', () => {
  it('the TRE takes the server answer for its registration only under the key of its bootstrap, any key with t2.cm4.mutual off', () => {
    expect(serverAuthenticated([], dmServerAuthTerm(d.pcid, nonce1), pk(name('sk:ro')), d.pcid, nonce1)).toBe(true);
    expect(serverAuthenticated([], forgedAnswer, pk(name('sk:ro')), d.pcid, nonce1)).toBe(false);
    expect(serverAuthenticated(['t2.cm4.mutual'], forgedAnswer, pk(name('sk:ro')), d.pcid, nonce1)).toBe(true);
    // Off removes the key check only: an answer for another registration is still not this session's.
    expect(serverAuthenticated(['t2.cm4.mutual'], dmServerAuthTerm(d.pcid, registrationNonce(d.pcid, 2)), pk(name('sk:ro')), d.pcid, nonce1)).toBe(false);
  });

  it('the DPF takes an opening only under the PIN of the device it names, any key with t2.cm4.mutual off', () => {
    const pinOf = (pcid: Term) => (pcid.kind === 'name' && pcid.id === 'pcid:dev1' ? d.kPin : undefined);
    expect(clientAuthenticated([], dmSessionOpenTerm(d.pcid, d.kPin, nonce1), pinOf)).toEqual({ pcid: d.pcid, nonce: nonce1 });
    expect(clientAuthenticated([], forgedOpen, pinOf)).toBeUndefined();
    expect(clientAuthenticated(['t2.cm4.mutual'], forgedOpen, pinOf)).toEqual({ pcid: d.pcid, nonce: nonce1 });
    // A device the RO does not know opens no session, switch or not.
    expect(clientAuthenticated(['t2.cm4.mutual'], dmSessionOpenTerm(name('pcid:dev9'), d.kPin, nonce1), pinOf)).toBeUndefined();
  });

  it('without the session every download is in session', () => {
    expect(inDmSession({ dmSession: false, dmServerFor: 0, pendingNonce: 1 })).toBe(true);
    expect(inDmSession({ dmSession: true, dmServerFor: 0, pendingNonce: 1 })).toBe(false);
    expect(inDmSession({ dmSession: true, dmServerFor: 1, pendingNonce: 1 })).toBe(true);
  });
});

describe('the TRE in the session', () => {
  it('opens the session of its registration under the device PIN, next to the registration (x.2.3)', () => {
    const [s, sent] = registeredTre(true);
    expect(sent.map((e) => e.kind)).toEqual(['registrationRequest', 'dmSessionOpen']);
    expect(sent[1]!.term).toEqual(dmSessionOpenTerm(d.pcid, d.kPin, nonce1));
    expect(tre(s).dmOpens).toEqual([sent[1]!.term]);
    // Without the assumption nothing is opened.
    expect(registeredTre(false)[1].map((e) => e.kind)).toEqual(['registrationRequest']);
  });

  it('takes the download only after the DM server answered under the bootstrap key', () => {
    const [s] = registeredTre(true);
    expect(step(treMachine, s, { type: 'mcimDownload', msg: object, from: 'm2me' })[0]).toBe(s);
    const [authed] = step(treMachine, s, { type: 'dmServerAuth', msg: dmServerAuthTerm(d.pcid, nonce1), from: 'm2me' });
    expect(tre(authed).dmServers).toEqual([dmServerAuthTerm(d.pcid, nonce1)]);
    const [installed] = step(treMachine, authed, { type: 'mcimDownload', msg: object, from: 'm2me' });
    expect(tre(installed).registry.map((e) => [e.id, e.state])).toEqual([['mcim:sho1', 'Activated']]);
  });

  it('refuses an answer under another key; takes it with t2.cm4.mutual off', () => {
    const [s] = registeredTre(true);
    expect(step(treMachine, s, { type: 'dmServerAuth', msg: forgedAnswer, from: 'm2me' })[0]).toBe(s);
    const [open] = registeredTre(true, ['t2.cm4.mutual']);
    expect(tre(step(treMachine, open, { type: 'dmServerAuth', msg: forgedAnswer, from: 'm2me' })[0]).dmServerFor).toBe(1);
  });
});

describe('the DPF in the session', () => {
  it('answers an opening under the device PIN with its server key, and only once per registration', () => {
    const [s, sent] = step(registrationOperatorMachine, roKnowingDev1(true), { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, nonce1), from: 'm2me' });
    expect(sent).toEqual([{ type: 'send', to: 'm2me', kind: 'dmServerAuth', term: dmServerAuthTerm(d.pcid, nonce1) }]);
    expect(ro(s).devices[0]!.session).toEqual(nonce1);
    expect(ro(s).dmClients).toEqual([dmSessionOpenTerm(d.pcid, d.kPin, nonce1)]);
    expect(step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, nonce1), from: 'm2me' })[0]).toBe(s);
  });

  it('refuses an opening under another key; takes it with t2.cm4.mutual off', () => {
    const s = roKnowingDev1(true);
    expect(step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: forgedOpen, from: 'm2me' })[0]).toBe(s);
    const open = roKnowingDev1(true, ['t2.cm4.mutual']);
    expect(ro(step(registrationOperatorMachine, open, { type: 'dmSessionOpen', msg: forgedOpen, from: 'm2me' })[0]).devices[0]!.session).toEqual(nonce1);
  });

  it('downloads only into the session of the object\'s registration; without the assumption at once', () => {
    const s = roKnowingDev1(true);
    expect(step(registrationOperatorMachine, s, authorise)[0]).toBe(s);
    const [inSession] = step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, nonce1), from: 'm2me' });
    expect(step(registrationOperatorMachine, inSession, authorise)[1]).toEqual([{ type: 'send', to: 'm2me', kind: 'mcimDownload', term: object }]);
    // A session of another registration does not carry this object.
    const [other] = step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, registrationNonce(d.pcid, 2)), from: 'm2me' });
    expect(step(registrationOperatorMachine, other, authorise)[0]).toBe(other);
    expect(step(registrationOperatorMachine, roKnowingDev1(false), authorise)[1].map((e) => e.kind)).toEqual(['mcimDownload']);
  });
});
