// The TRE: pre-provisioning, integrity check at boot and reset, lockdown on tamper, authorised reset and
// update, a registry of MCIMs of several stakeholders each with its own lifecycle, replay protection.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { mac, name, pk, sign, tuple } from '../../src/attacker/Term.ts';
import type { Term } from '../../src/attacker/Term.ts';
import {
  bootTerm, bootstrapBody, bootstrapTerm, lifecycleCommandTerm, m2mSimMobj, pcid, platformCredential, preprovisionTerm,
  registrationNonce, reprovisionBody, reprovisionInstructionTerm, skTre, tokDev, treUpdateTerm,
} from '../../models/messages.ts';
import type { RoleId } from '../../models/roleIds.ts';
import { treMachine, type TreContext, type TreEvent } from '../../models/roles/tre.ts';
import { mcimEntryFor } from '../../models/roles/treRegistry.ts';

type Snap = SnapshotFrom<typeof treMachine>;
const send = (s: Snap, type: string, msg: Term, from: RoleId = 'm2me'): Snap =>
  transition(treMachine, s, { type, msg, from } as TreEvent)[0];
const local = (s: Snap, event: TreEvent): Snap => transition(treMachine, s, event)[0];
const ctx = (s: Snap): TreContext => s.context;

function booted(registry: TreContext['registry'] = []): Snap {
  const blank = initialTransition(treMachine)[0];
  const made = send(blank, 'preprovision', preprovisionTerm(), 'supplier');
  const ready = send(made, 'boot', bootTerm());
  return treMachine.resolveState({ value: ready.value, context: { ...ctx(ready), registry, noncesUsed: 1 } });
}

describe('TRE lifecycle (5.1.2.2, 5.1.2.3)', () => {
  it('starts blank and accepts nothing but the out-of-band pre-provisioning', () => {
    const blank = initialTransition(treMachine)[0];
    expect(send(blank, 'boot', bootTerm())).toBe(blank);
    const made = send(blank, 'preprovision', preprovisionTerm(), 'supplier');
    expect(made.value).toEqual({ Trusted: 'Off' });
    expect(ctx(made).creds?.pcid).toEqual(pcid);
    expect(ctx(made).creds?.pfc).toEqual(platformCredential('v1'));
  });

  it('blocks an MCIM whose code was modified, at the next boot or reset, and leaves the others', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')]);
    const corrupted = local(s, { type: 'CORRUPT_MCIM', mcim: 'mcim:sho1' });
    expect(ctx(corrupted).registry.find((e) => e.id === 'mcim:sho1')?.state).toBe('Activated');
    const reset = local(corrupted, { type: 'RESET' });
    expect(ctx(reset).registry.map((e) => [e.id, e.state])).toEqual([['mcim:sho1', 'Blocked'], ['mcim:sho2', 'Installed']]);
  });

  it('locks down on tamper detection and then accepts nothing', () => {
    const s = booted([mcimEntryFor('sho1', 'Activated')]);
    const locked = local(s, { type: 'TAMPER_DETECTED' });
    expect(locked.value).toBe('LockedDown');
    expect(send(locked, 'reprovisionInstruction', reprovisionInstructionTerm('sho2', 'pristine'), 'm2me')).toBe(locked);
    expect(local(locked, { type: 'RESET' })).toBe(locked);
  });

  it('resets to factory settings on the subscriber-authorised instruction only', () => {
    const s = booted([mcimEntryFor('sho1', 'Selected')]);
    const reset = send(s, 'reprovisionInstruction', reprovisionInstructionTerm('sho2', 'pristine'));
    expect(reset.value).toEqual({ Trusted: 'Off' });
    expect(ctx(reset).registry).toEqual([]);
    const body = reprovisionBody('sho2', 'pristine');
    const forged = tuple(name('reprovisionInstruction'), body, mac(name('guessed-token'), body));
    expect(send(s, 'reprovisionInstruction', forged)).toBe(s);
  });

  it('accepts a remote update signed by the supplier, not one signed by anyone else', () => {
    const s = booted();
    const updated = send(s, 'treUpdate', treUpdateTerm('v2'));
    expect(ctx(updated).firmware).toBe('v2');
    expect(ctx(updated).creds?.pfc).toEqual(platformCredential('v2'));
    const forged = sign(name('sk:attacker'), tuple(name('update'), pcid, name('fw:v2'), platformCredential('v2')));
    expect(send(s, 'treUpdate', forged)).toBe(s);
  });
});

describe('TRE registry of MCIMs of several stakeholders (5.1.2.3)', () => {
  const two = () => booted([mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')]);

  it('applies a lifecycle instruction of the owning SHO to its MCIM only', () => {
    const s = send(two(), 'lifecycleCommand', lifecycleCommandTerm('sho1', 'BLOCK'));
    expect(ctx(s).registry.map((e) => e.state)).toEqual(['Blocked', 'Installed']);
    const u = send(s, 'lifecycleCommand', lifecycleCommandTerm('sho1', 'UNBLOCK'));
    expect(ctx(u).registry.map((e) => e.state)).toEqual(['Activated', 'Installed']);
  });

  it("rejects another stakeholder's instruction for an MCIM it does not own", () => {
    const s = two();
    const foreign = sign(name('sk:sho2'), tuple(name('lifecycle'), pcid, name('mcim:sho1'), name('DELETE')));
    expect(send(s, 'lifecycleCommand', foreign)).toBe(s);
  });

  it('rejects lifecycle transitions 5.1.1.1 does not allow', () => {
    const selected = local(two(), { type: 'SESSION_START', mcim: 'mcim:sho1' });
    expect(ctx(selected).registry[0]?.state).toBe('Selected');
    // Selected -> Deleted is not allowed.
    expect(send(selected, 'lifecycleCommand', lifecycleCommandTerm('sho1', 'DELETE'))).toBe(selected);
    // Installed cannot be selected: only an activated MCIM can.
    expect(local(two(), { type: 'SESSION_START', mcim: 'mcim:sho2' })).toEqual(two());
    const ended = local(selected, { type: 'SESSION_END', mcim: 'mcim:sho1' });
    expect(ctx(ended).registry[0]?.state).toBe('Activated');
    const deleted = send(ended, 'lifecycleCommand', lifecycleCommandTerm('sho1', 'DELETE'));
    expect(ctx(deleted).registry.map((e) => e.id)).toEqual(['mcim:sho2']);
  });
});

describe('TRE provisioning checks (x.2.2, x.2.3, 5.1.2.4)', () => {
  function registered(): Snap {
    const fresh = booted();
    const s = treMachine.resolveState({ value: fresh.value, context: { ...ctx(fresh), noncesUsed: 0 } });
    return send(s, 'bootstrap', bootstrapTerm('sho1'));
  }

  it('registers only after a bootstrap authenticated with the device PIN', () => {
    const s = registered();
    expect(s.value).toEqual({ Trusted: 'AwaitingMcim' });
    expect(ctx(s).pendingNonce).toBe(1);
    const fresh = booted();
    const forged = tuple(name('bootstrap'), bootstrapBody('sho1'), mac(name('k:wrong'), bootstrapBody('sho1')));
    expect(send(fresh, 'bootstrap', forged)).toBe(fresh);
  });

  it('installs and activates the MCIM object carrying the registration nonce', () => {
    const s = send(registered(), 'mcimDownload', m2mSimMobj('sho1', pcid, registrationNonce(1), tokDev, pk(skTre)));
    expect(s.value).toEqual({ Trusted: 'Ready' });
    expect(ctx(s).registry.map((e) => [e.id, e.state])).toEqual([['mcim:sho1', 'Activated']]);
  });

  it('rejects a replayed object (old nonce), one for another TRE, one from another SHO, one without the device token', () => {
    const s = registered();
    const replayed = m2mSimMobj('sho1', pcid, registrationNonce(7), tokDev, pk(skTre));
    const otherTre = m2mSimMobj('sho1', pcid, registrationNonce(1), tokDev, pk(name('sk:other-tre')));
    const otherSho = m2mSimMobj('sho2', pcid, registrationNonce(1), tokDev, pk(skTre));
    const noToken = m2mSimMobj('sho1', pcid, registrationNonce(1), name('tok:guess'), pk(skTre));
    for (const bad of [replayed, otherTre, otherSho, noToken]) expect(send(s, 'mcimDownload', bad)).toBe(s);
  });
});
