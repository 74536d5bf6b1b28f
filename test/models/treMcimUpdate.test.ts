// The TRE's MCIM update service (models/roles/treMcimUpdate.ts, 004 5.1.2.3 [t7 cm7]): an update names its MCIM
// instance by issuer and registration nonce; with the switch on only that instance's own SHO's signature is taken,
// off any signature; the code changes, its measurement follows, and the application is logged.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { name, sign } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../../models/counterMeasures/switches.ts';
import { contentId } from '../../models/contentId.ts';
import { bootTerm, deviceNames, mcimUpdateBody, mcimUpdateTerm, preprovisionTerm, registrationNonce, skSho } from '../../models/messages.ts';
import { treMachine, type TreEvent } from '../../models/roles/tre.ts';
import { changedInstances, isModified, mcimEntryFor, integrityChecked } from '../../models/roles/treRegistry.ts';
import type { McimLifecycleState } from '../../models/mcimLifecycle.ts';

type Snap = SnapshotFrom<typeof treMachine>;
const d = deviceNames('dev1');
const nonce1 = registrationNonce(d.pcid, 1);
const update = (s: Snap, msg = mcimUpdateTerm('sho1', d.pcid, nonce1, 1)): Snap =>
  transition(treMachine, s, { type: 'mcimUpdate', msg, from: 'm2me' } as TreEvent)[0];

/** A booted TRE holding sho1's MCIM (issued for registration 1) in `state`. */
function holding(off: readonly SwitchId[] = [], state: McimLifecycleState = 'Activated'): Snap {
  const blank = initialTransition(treMachine, { off, blockFromInstalled: true })[0];
  const made = transition(treMachine, blank, { type: 'preprovision', msg: preprovisionTerm(d), from: 'supplier' } as TreEvent)[0];
  const booted = transition(treMachine, made, { type: 'boot', msg: bootTerm(), from: 'm2me' } as TreEvent)[0];
  return treMachine.resolveState({ value: booted.value, context: { ...booted.context, registry: [mcimEntryFor('sho1', state)] } });
}

describe('MCIM update [t7 cm7]', () => {
  it('applies the owning SHO\'s update: new code, its measurement taken, the term and the instance whose code changed logged', () => {
    const after = update(holding());
    const [entry] = after.context.registry;
    expect(entry?.code).toBe('code:usim:sho1:v2');
    expect(entry?.measurement).toBe(contentId(name('code:usim:sho1:v2')));
    expect(after.context.updates).toEqual([{
      term: mcimUpdateTerm('sho1', d.pcid, nonce1, 1),
      changed: [{ id: 'mcim:sho1', owner: 'sho1', registration: 1, from: 'Activated', to: 'Activated', codeChanged: true }],
      after: [{ id: 'mcim:sho1', owner: 'sho1', registration: 1, code: 'code:usim:sho1:v2' }],
    }]);
    // An authorised update is not a modification: the integrity check at the next boot leaves the MCIM as it is.
    expect(isModified(entry!)).toBe(false);
    expect(integrityChecked(after.context.registry, { check: true, blockFromInstalled: true })[0]?.state).toBe('Activated');
  });

  it('refuses another SHO\'s update of that MCIM with the switch on (authenticated in the PKI, not authorised), applies it off', () => {
    const byOther = sign(skSho('sho2'), mcimUpdateBody('sho1', d.pcid, nonce1, name('code:usim:sho2:v2')));
    const s = holding();
    expect(update(s, byOther)).toBe(s);
    expect(update(holding(['t7.cm7']), byOther).context.registry[0]?.code).toBe('code:usim:sho2:v2');
  });

  it('refuses an update under the attacker\'s key with the switch on, applies it off', () => {
    const forged = sign(name('sk:attacker'), mcimUpdateBody('sho1', d.pcid, nonce1, name('code:attacker')));
    const s = holding();
    expect(update(s, forged)).toBe(s);
    expect(update(holding(['t7.cm7']), forged).context.updates).toHaveLength(1);
  });

  it('reaches only the instance issued for the registration it names, and no Retired one', () => {
    const s = holding();
    expect(update(s, mcimUpdateTerm('sho1', d.pcid, registrationNonce(d.pcid, 2), 1))).toBe(s);
    const retired = holding([], 'Retired');
    expect(update(retired)).toBe(retired);
  });

  it('applies a replayed update again: nothing in 5.1.2.3 makes an update fresh (the finding of t7-forged-update)', () => {
    const v2 = mcimUpdateTerm('sho1', d.pcid, nonce1, 1);
    const rolledBack = update(update(update(holding(), v2), mcimUpdateTerm('sho1', d.pcid, nonce1, 2)), v2);
    expect(rolledBack.context.registry[0]?.code).toBe('code:usim:sho1:v2');
    expect(rolledBack.context.updates).toHaveLength(3);
  });
});

describe('the TRE\'s log of what a step changed (read by properties only)', () => {
  it('names every instance whose state or code differ, with the state before and after; Deleted when removed', () => {
    const before = [mcimEntryFor('sho1', 'Activated'), mcimEntryFor('sho2', 'Installed')];
    const after = [{ ...before[0]!, code: 'code:other' }, { ...before[1]!, state: 'Activated' as const }];
    expect(changedInstances(before, after)).toEqual([
      { id: 'mcim:sho1', owner: 'sho1', registration: 1, from: 'Activated', to: 'Activated', codeChanged: true },
      { id: 'mcim:sho2', owner: 'sho2', registration: 1, from: 'Installed', to: 'Activated', codeChanged: false },
    ]);
    expect(changedInstances(before, [before[1]!])).toEqual([{ id: 'mcim:sho1', owner: 'sho1', registration: 1, from: 'Activated', to: 'Deleted', codeChanged: false }]);
    expect(changedInstances(before, before)).toEqual([]);
  });
});
