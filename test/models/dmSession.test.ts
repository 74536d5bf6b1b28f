// The OMA DM session of 5.1.3.6.2 steps 12-13 (assumption omaDmSession; models/roles/dmSession.ts): once authorised,
// the DPF authenticates first under its server key and holds the object; the TRE takes that authentication only under
// the bootstrap's key, answers under the device PIN, and takes a download only after it; the DPF downloads only after
// an answer under the device's PIN for the registration of the object.
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
  it('answers the server of its registration\'s session under the device PIN, and only then takes the download', () => {
    const [s, registering] = registeredTre(true);
    expect(registering.map((e) => e.kind)).toEqual(['registrationRequest']);
    expect(step(treMachine, s, { type: 'mcimDownload', msg: object, from: 'm2me' })[0]).toBe(s);
    const [authed, sent] = step(treMachine, s, { type: 'dmServerAuth', msg: dmServerAuthTerm(d.pcid, nonce1), from: 'm2me' });
    expect(sent).toEqual([{ type: 'send', to: 'm2me', kind: 'dmSessionOpen', term: dmSessionOpenTerm(d.pcid, d.kPin, nonce1) }]);
    expect(tre(authed).dmServers).toEqual([dmServerAuthTerm(d.pcid, nonce1)]);
    expect(tre(authed).dmOpens).toEqual([dmSessionOpenTerm(d.pcid, d.kPin, nonce1)]);
    // Once per registration.
    expect(step(treMachine, authed, { type: 'dmServerAuth', msg: dmServerAuthTerm(d.pcid, nonce1), from: 'm2me' })[0]).toBe(authed);
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
  it('once authorised, authenticates first under its server key and holds the object', () => {
    const [s, sent] = step(registrationOperatorMachine, roKnowingDev1(true), authorise);
    expect(sent).toEqual([{ type: 'send', to: 'm2me', kind: 'dmServerAuth', term: dmServerAuthTerm(d.pcid, nonce1) }]);
    expect(s.value).toMatchObject({ DPF: 'Downloading' });
    expect(ro(s).dpfObject).toEqual({ kind: 'mcimDownload', object });
    expect(ro(s).dmAnswers).toEqual([dmServerAuthTerm(d.pcid, nonce1)]);
    // Without the assumption it downloads at once.
    expect(step(registrationOperatorMachine, roKnowingDev1(false), authorise)[1].map((e) => e.kind)).toEqual(['mcimDownload']);
  });

  it('downloads after the client\'s answer under the device PIN for that registration, once', () => {
    const [s] = step(registrationOperatorMachine, roKnowingDev1(true), authorise);
    const [done, sent] = step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, nonce1), from: 'm2me' });
    expect(sent).toEqual([{ type: 'send', to: 'm2me', kind: 'mcimDownload', term: object }]);
    expect(ro(done).dmClients).toEqual([dmSessionOpenTerm(d.pcid, d.kPin, nonce1)]);
    expect(step(registrationOperatorMachine, done, { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, nonce1), from: 'm2me' })[0]).toBe(done);
    // An answer for another registration is not this session's.
    expect(step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: dmSessionOpenTerm(d.pcid, d.kPin, registrationNonce(d.pcid, 2)), from: 'm2me' })[0]).toBe(s);
  });

  it('refuses an answer under another key; takes it with t2.cm4.mutual off', () => {
    const [s] = step(registrationOperatorMachine, roKnowingDev1(true), authorise);
    expect(step(registrationOperatorMachine, s, { type: 'dmSessionOpen', msg: forgedOpen, from: 'm2me' })[0]).toBe(s);
    const [open] = step(registrationOperatorMachine, roKnowingDev1(true, ['t2.cm4.mutual']), authorise);
    expect(step(registrationOperatorMachine, open, { type: 'dmSessionOpen', msg: forgedOpen, from: 'm2me' })[1].map((e) => e.kind)).toEqual(['mcimDownload']);
  });
});
