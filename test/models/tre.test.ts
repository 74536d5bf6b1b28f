// The TRE: pre-provisioning, integrity check at boot and reset, lockdown on tamper, authorised reset and
// update, a registry of MCIMs of several stakeholders each with its own lifecycle, replay protection.
// Each check is asserted with every counter-measure on; where a switch governs it, also that the TRE accepts
// once that switch is off (the point of the switches).
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { mac, name, pk, sign, tuple } from '../../src/attacker/Term.ts';
import type { Term } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../../models/counterMeasures/switches.ts';
import {
  bootTerm, bootstrapBody, bootstrapTerm, deviceNames, lifecycleBody, lifecycleCommandTerm, m2mSimMobj, mcimBlob,
  platformCredential, preprovisionTerm, registrationNonce, reprovisionBody, reprovisionInstructionTerm, skRo,
  treUpdateBody, treUpdateTerm,
} from '../../models/messages.ts';
import type { RoleId } from '../../models/roleIds.ts';
import { treMachine, type TreContext, type TreEvent, type TreInput } from '../../models/roles/tre.ts';
import { mcimEntryFor } from '../../models/roles/treRegistry.ts';

type Snap = SnapshotFrom<typeof treMachine>;
const d = deviceNames('dev1');
const send = (s: Snap, type: string, msg: Term, from: RoleId = 'm2me'): Snap =>
  transition(treMachine, s, { type, msg, from } as TreEvent)[0];
const local = (s: Snap, event: TreEvent): Snap => transition(treMachine, s, event)[0];
const ctx = (s: Snap): TreContext => s.context;
const blankTre = (off: readonly SwitchId[] = []): Snap => initialTransition(treMachine, { off, blockFromInstalled: true })[0];

function booted(registry: TreContext['registry'] = [], off: readonly SwitchId[] = []): Snap {
  const made = send(blankTre(off), 'preprovision', preprovisionTerm(d), 'supplier');
  const ready = send(made, 'boot', bootTerm());
  return treMachine.resolveState({ value: ready.value, context: { ...ctx(ready), registry, noncesUsed: 1 } });
}

describe('TRE lifecycle (5.1.2.2, 5.1.2.3)', () => {
  it('starts blank and accepts nothing but the out-of-band pre-provisioning', () => {
    const blank = blankTre();
    expect(ctx(blank).off).toEqual([]);
    expect(ctx(blank).blockFromInstalled).toBe(true);
    expect(send(blank, 'boot', bootTerm())).toBe(blank);
    const made = send(blank, 'preprovision', preprovisionTerm(d), 'supplier');
    expect(made.value).toEqual({ Trusted: 'Off' });
    expect(ctx(made).creds?.pcid).toEqual(d.pcid);
    expect(ctx(made).creds?.token).toEqual(d.token);
    expect(ctx(made).creds?.userPin).toEqual(d.userPin);
    expect(ctx(made).creds?.roRoot).toEqual(pk(skRo));
    expect(ctx(made).creds?.pfc).toEqual(platformCredential(d, 'v1'));
  });

  it('takes no input as all counter-measures on, the Installed-can-be-Blocked assumption made', () => {
    // The machine's type asks for input; a TRE created without any (an actor by hand) still starts fully protected.
    const blank = initialTransition(treMachine, undefined as unknown as TreInput)[0];
    expect(ctx(blank).off).toEqual([]);
    expect(ctx(blank).blockFromInstalled).toBe(true);
  });

  it('blocks an MCIM whose code was modified, at the next boot or reset, and leaves the others', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')]);
    const corrupted = local(s, { type: 'CORRUPT_MCIM', mcim: 'mcim:sho1' });
    expect(ctx(corrupted).registry.find((e) => e.id === 'mcim:sho1')?.state).toBe('Activated');
    const reset = local(corrupted, { type: 'RESET' });
    expect(ctx(reset).registry.map((e) => [e.id, e.state])).toEqual([['mcim:sho1', 'Blocked'], ['mcim:sho2', 'Installed']]);
    expect(ctx(reset).registry.map((e) => e.modifiedAtCheck)).toEqual([true, false]);
  });

  it('with t8.cm8 off, keeps a modified MCIM active through the reset (the check point still notes it)', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated')], ['t8.cm8']);
    const reset = local(local(s, { type: 'CORRUPT_MCIM', mcim: 'mcim:sho1' }), { type: 'RESET' });
    expect(ctx(reset).registry.map((e) => [e.id, e.state, e.modifiedAtCheck])).toEqual([['mcim:sho1', 'Activated', true]]);
  });

  it('loses an erased MCIM and keeps the others; erasing an MCIM it does not hold changes nothing', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')]);
    const erased = local(s, { type: 'ERASE_MCIM', mcim: 'mcim:sho1' });
    expect(ctx(erased).registry.map((e) => [e.id, e.state])).toEqual([['mcim:sho2', 'Installed']]);
    expect(local(erased, { type: 'ERASE_MCIM', mcim: 'mcim:sho1' })).toBe(erased);
  });

  it('locks down on tamper detection and then accepts nothing', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated')]);
    const locked = local(s, { type: 'TAMPER_DETECTED' });
    expect(locked.value).toBe('LockedDown');
    expect(ctx(locked).tampered).toBe(true);
    expect(send(locked, 'reprovisionInstruction', reprovisionInstructionTerm(d.pcid, d.token, 'sho2', 'pristine'), 'm2me')).toBe(locked);
    expect(local(locked, { type: 'RESET' })).toBe(locked);
  });

  it('with t6.cm5 off, notes the tampering and carries on', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated')], ['t6.cm5']);
    const tampered = local(s, { type: 'TAMPER_DETECTED' });
    expect(tampered.value).toEqual({ Trusted: 'Ready' });
    expect(ctx(tampered).tampered).toBe(true);
    const reset = send(tampered, 'reprovisionInstruction', reprovisionInstructionTerm(d.pcid, d.token, 'sho2', 'pristine'));
    expect(reset.value).toEqual({ Trusted: 'Off' });
  });

  it('resets to factory settings on the subscriber-authorised instruction only', () => {
    const s = booted([mcimEntryFor('sho1', 'Selected')]);
    const reset = send(s, 'reprovisionInstruction', reprovisionInstructionTerm(d.pcid, d.token, 'sho2', 'pristine'));
    expect(reset.value).toEqual({ Trusted: 'Off' });
    expect(ctx(reset).registry).toEqual([]);
    const body = reprovisionBody(d.pcid, 'sho2', 'pristine');
    const forged = tuple(name('reprovisionInstruction'), body, mac(name('guessed-token'), body));
    expect(send(s, 'reprovisionInstruction', forged)).toBe(s);
    // Another device's token does not authorise an instruction for this one.
    const other = deviceNames('dev2');
    expect(send(s, 'reprovisionInstruction', reprovisionInstructionTerm(d.pcid, other.token, 'sho2', 'pristine'))).toBe(s);
    expect(send(s, 'reprovisionInstruction', reprovisionInstructionTerm(other.pcid, other.token, 'sho2', 'pristine'))).toBe(s);
  });

  it('accepts a remote update signed by the supplier, not one signed by anyone else', () => {
    const s = booted();
    const updated = send(s, 'treUpdate', treUpdateTerm(d, 'v2'));
    expect(ctx(updated).firmware).toBe('v2');
    expect(ctx(updated).creds?.pfc).toEqual(platformCredential(d, 'v2'));
    const forged = sign(name('sk:attacker'), treUpdateBody(d, 'modified', platformCredential(d, 'modified')));
    expect(send(s, 'treUpdate', forged)).toBe(s);
    // An update for another device is not for this TRE.
    expect(send(s, 'treUpdate', treUpdateTerm(deviceNames('dev2'), 'v2'))).toBe(s);
    // With t6.cm4 off the TRE installs the unsigned (attacker-signed) update.
    const open = booted([], ['t6.cm4']);
    expect(ctx(send(open, 'treUpdate', forged)).firmware).toBe('modified');
  });
});

describe('TRE registry of MCIMs of several stakeholders (5.1.2.3)', () => {
  const two = (off: readonly SwitchId[] = []) => booted([mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')], off);

  it('applies a lifecycle instruction of the owning SHO to its MCIM only', () => {
    const s = send(two(), 'lifecycleCommand', lifecycleCommandTerm('sho1', d.pcid, 'BLOCK'));
    expect(ctx(s).registry.map((e) => e.state)).toEqual(['Blocked', 'Installed']);
    // The log holds the term, the MCIMs active when it came, and what the step changed (the registries compared).
    expect(ctx(s).commands).toEqual([{
      term: lifecycleCommandTerm('sho1', d.pcid, 'BLOCK'), active: ['mcim:sho1'],
      changed: [{ id: 'mcim:sho1', owner: 'sho1', registration: 1, from: 'Activated', to: 'Blocked', codeChanged: false }],
    }]);
    const u = send(s, 'lifecycleCommand', lifecycleCommandTerm('sho1', d.pcid, 'UNBLOCK'));
    expect(ctx(u).registry.map((e) => e.state)).toEqual(['Activated', 'Installed']);
    expect(ctx(u).commands.map((c) => c.term)).toEqual([lifecycleCommandTerm('sho1', d.pcid, 'BLOCK'), lifecycleCommandTerm('sho1', d.pcid, 'UNBLOCK')]);
    // The owner's instruction for another device's MCIM is not for this TRE.
    const s2 = two();
    expect(send(s2, 'lifecycleCommand', lifecycleCommandTerm('sho1', deviceNames('dev2').pcid, 'BLOCK'))).toBe(s2);
  });

  it("rejects another stakeholder's instruction for an MCIM it does not own", () => {
    const s = two();
    const foreign = sign(name('sk:sho2'), lifecycleBody('sho1', d.pcid, 'DELETE'));
    expect(send(s, 'lifecycleCommand', foreign)).toBe(s);
    // With t7.cm1 off the TRE applies it, and the ghost log records the raw command, for a property to judge its signer.
    const deleted = send(two(['t7.cm1']), 'lifecycleCommand', foreign);
    expect(ctx(deleted).registry.map((e) => e.id)).toEqual(['mcim:sho2']);
    expect(ctx(deleted).commands.map((c) => c.term)).toEqual([foreign]);
  });

  it('rejects lifecycle transitions 5.1.1.1 does not allow', () => {
    const selected = local(two(), { type: 'SESSION_START', mcim: 'mcim:sho1' });
    expect(ctx(selected).registry[0]?.state).toBe('Selected');
    // Selected -> Deleted is not allowed.
    expect(send(selected, 'lifecycleCommand', lifecycleCommandTerm('sho1', d.pcid, 'DELETE'))).toBe(selected);
    // Installed cannot be selected: only an activated MCIM can.
    expect(local(two(), { type: 'SESSION_START', mcim: 'mcim:sho2' })).toEqual(two());
    const ended = local(selected, { type: 'SESSION_END', mcim: 'mcim:sho1' });
    expect(ctx(ended).registry[0]?.state).toBe('Activated');
    const deleted = send(ended, 'lifecycleCommand', lifecycleCommandTerm('sho1', d.pcid, 'DELETE'));
    expect(ctx(deleted).registry.map((e) => e.id)).toEqual(['mcim:sho2']);
  });

  it('blocks an Installed MCIM on its owner\'s instruction only under the blockFromInstalled assumption', () => {
    const blocked = send(two(), 'lifecycleCommand', lifecycleCommandTerm('sho2', d.pcid, 'BLOCK'));
    expect(ctx(blocked).registry.map((e) => e.state)).toEqual(['Activated', 'Blocked']);
    const made = send(initialTransition(treMachine, { off: [], blockFromInstalled: false })[0], 'preprovision', preprovisionTerm(d), 'supplier');
    const ready = send(made, 'boot', bootTerm());
    const s = treMachine.resolveState({
      value: ready.value, context: { ...ctx(ready), registry: [mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')] },
    });
    expect(send(s, 'lifecycleCommand', lifecycleCommandTerm('sho2', d.pcid, 'BLOCK'))).toBe(s);
  });
});

describe('TRE provisioning checks (x.2.2, x.2.3, 5.1.2.4)', () => {
  function registered(off: readonly SwitchId[] = []): Snap {
    const fresh = booted([], off);
    const s = treMachine.resolveState({ value: fresh.value, context: { ...ctx(fresh), noncesUsed: 0 } });
    return send(s, 'bootstrap', bootstrapTerm(d.pcid, d.kPin, 'sho1', pk(skRo)));
  }
  const nonce1 = registrationNonce(d.pcid, 1);
  const sealed = (sho: 'sho1' | 'sho2', nonce: Term, token: Term, treKey: Term | null = pk(d.platformKey)) =>
    m2mSimMobj(sho, d.pcid, nonce, mcimBlob(sho, nonce, token, treKey));

  it('registers only after a bootstrap authenticated with the device PIN, naming the DPF as DM server', () => {
    const s = registered();
    expect(s.value).toEqual({ Trusted: 'AwaitingMcim' });
    expect(ctx(s).pendingNonce).toBe(1);
    expect(ctx(s).expectedSho).toBe('sho1');
    expect(nonce1).toEqual(name('nreg:pcid:dev1:1'));
    const fresh = booted();
    const body = bootstrapBody(d.pcid, 'sho1', pk(skRo));
    const forged = tuple(name('bootstrap'), body, mac(name('k:wrong'), body));
    expect(send(fresh, 'bootstrap', forged)).toBe(fresh);
    // x.2.2 option 2: a DM server key other than the DPF's is refused, even under the right PIN.
    expect(send(fresh, 'bootstrap', bootstrapTerm(d.pcid, d.kPin, 'sho1', pk(name('sk:sho1'))))).toBe(fresh);
    // Another device's PIN does not bootstrap this TRE.
    const other = deviceNames('dev2');
    expect(send(fresh, 'bootstrap', bootstrapTerm(d.pcid, other.kPin, 'sho1', pk(skRo)))).toBe(fresh);
  });

  it('installs and activates the MCIM object carrying the registration nonce', () => {
    const s = send(registered(), 'mcimDownload', sealed('sho1', nonce1, d.token));
    expect(s.value).toEqual({ Trusted: 'Ready' });
    expect(ctx(s).registry.map((e) => [e.id, e.state])).toEqual([['mcim:sho1', 'Activated']]);
    // The ghost log holds the raw object applied, for properties to judge.
    expect(ctx(s).installs).toEqual([sealed('sho1', nonce1, d.token)]);
  });

  it('rejects a replayed object (old nonce), one for another TRE, one from another SHO, one without the device token', () => {
    const s = registered();
    const replayed = sealed('sho1', registrationNonce(d.pcid, 7), d.token);
    const otherTre = sealed('sho1', nonce1, d.token, pk(name('sk:other-tre')));
    const otherSho = sealed('sho2', nonce1, d.token);
    const noToken = sealed('sho1', nonce1, name('tok:guess'));
    const forgedSigner = sign(name('sk:attacker'), tuple(name('M2MSIMMobj'), d.pcid, nonce1, mcimBlob('sho1', nonce1, d.token, pk(d.platformKey))));
    const inClear = sealed('sho1', nonce1, d.token, null);
    for (const bad of [replayed, otherTre, otherSho, noToken, forgedSigner, inClear]) expect(send(s, 'mcimDownload', bad)).toBe(s);
  });

  it('accepts each of those objects once the counter-measure that rejects it is switched off', () => {
    const installed = (s: Snap) => ctx(s).registry.map((e) => [e.id, e.state]);
    // t2.cm6 off: the outstanding registration's nonce is not checked (an old object is taken); the token still is.
    const stale = registered(['t2.cm6']);
    const replayed = sealed('sho1', registrationNonce(d.pcid, 7), d.token);
    expect(installed(send(stale, 'mcimDownload', replayed))).toEqual([['mcim:sho1', 'Activated']]);
    expect(send(stale, 'mcimDownload', sealed('sho1', nonce1, name('tok:guess')))).toBe(stale);
    // t12.cm2 off: the device token inside is not checked; the registration nonce still is.
    const unbound = registered(['t12.cm2']);
    expect(installed(send(unbound, 'mcimDownload', sealed('sho1', nonce1, name('tok:guess'))))).toEqual([['mcim:sho1', 'Activated']]);
    expect(send(unbound, 'mcimDownload', replayed)).toBe(unbound);
    // t2.cm4 off: the signature is checked for shape only.
    const anySigner = registered(['t2.cm4']);
    const forgedSigner = sign(name('sk:attacker'), tuple(name('M2MSIMMobj'), d.pcid, nonce1, mcimBlob('sho1', nonce1, d.token, pk(d.platformKey))));
    expect(installed(send(anySigner, 'mcimDownload', forgedSigner))).toEqual([['mcim:sho1', 'Activated']]);
    // ... but the content still has to be the expected SHO's MCIM.
    expect(send(anySigner, 'mcimDownload', sealed('sho2', nonce1, d.token))).toBe(anySigner);
    // t5.cm3 off: an MCIM in clear is accepted; one sealed for another TRE still does not open.
    const clear = registered(['t5.cm3']);
    expect(installed(send(clear, 'mcimDownload', sealed('sho1', nonce1, d.token, null)))).toEqual([['mcim:sho1', 'Activated']]);
    expect(send(clear, 'mcimDownload', sealed('sho1', nonce1, d.token, pk(name('sk:other-tre'))))).toBe(clear);
  });
});
