// Lifecycle commands where one SHO has two MCIM instances in the TRE (a Retired earlier one and the one in use, after
// repeated provisioning): a command names the MCIM by its issuer and reaches the instance in use
// (models/roles/treRegistry.ts instanceNamed), where it used to reach only the first instance by id.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { sign } from '../../src/attacker/Term.ts';
import { bootTerm, deviceNames, lifecycleBody, lifecycleCommandTerm, preprovisionTerm, skSho, userLifecycleTerm } from '../../models/messages.ts';
import { treMachine, type TreEvent } from '../../models/roles/tre.ts';
import { instanceNamed, mcimEntryFor, newEntry, type McimEntry } from '../../models/roles/treRegistry.ts';
import type { SwitchId } from '../../models/counterMeasures/switches.ts';

type Snap = SnapshotFrom<typeof treMachine>;
const d = deviceNames('dev1');
const command = (s: Snap, msg = lifecycleCommandTerm('sho1', d.pcid, 'BLOCK')): Snap =>
  transition(treMachine, s, { type: 'lifecycleCommand', msg, from: 'm2me' } as TreEvent)[0];

/** sho1's first instance Retired (issued for registration 1) and its second, `mcim:sho1#2` for registration 3, Activated. */
const twoInstances: McimEntry[] = [
  mcimEntryFor('sho1', 'Retired'),
  { ...newEntry('sho1', 'imsi:sho1', 'ki:sho1', 'code:usim:sho1', 3, 'mcim:sho1#2'), state: 'Activated' },
];

function holding(registry: readonly McimEntry[], off: readonly SwitchId[] = []): Snap {
  const blank = initialTransition(treMachine, { off, blockFromInstalled: true })[0];
  const made = transition(treMachine, blank, { type: 'preprovision', msg: preprovisionTerm(d), from: 'supplier' } as TreEvent)[0];
  const booted = transition(treMachine, made, { type: 'boot', msg: bootTerm(), from: 'm2me' } as TreEvent)[0];
  return treMachine.resolveState({ value: booted.value, context: { ...booted.context, registry } });
}

const states = (s: Snap) => s.context.registry.map((e) => `${e.id} ${e.state}`);

describe('lifecycle commands with two instances of one SHO\'s MCIM', () => {
  it('name the instance in use: the owner\'s BLOCK blocks mcim:sho1#2, not the Retired mcim:sho1', () => {
    expect(states(command(holding(twoInstances)))).toEqual(['mcim:sho1 Retired', 'mcim:sho1#2 Blocked']);
  });

  it('the owner\'s UNBLOCK then DELETE reach the same instance, and the Retired one stays', () => {
    const blocked = command(holding(twoInstances));
    const unblocked = command(blocked, lifecycleCommandTerm('sho1', d.pcid, 'UNBLOCK'));
    expect(states(unblocked)).toEqual(['mcim:sho1 Retired', 'mcim:sho1#2 Activated']);
    expect(states(command(unblocked, lifecycleCommandTerm('sho1', d.pcid, 'DELETE')))).toEqual(['mcim:sho1 Retired']);
  });

  it('reach a Retired instance when it is the SHO\'s only one (its owner deletes it)', () => {
    const only = holding([mcimEntryFor('sho1', 'Retired')]);
    expect(states(command(only, lifecycleCommandTerm('sho1', d.pcid, 'DELETE')))).toEqual([]);
  });

  it('another SHO\'s command for them is refused with [t7 cm1] on, and applied to the instance in use with it off', () => {
    const byOther = sign(skSho('sho2'), lifecycleBody('sho1', d.pcid, 'BLOCK'));
    const s = holding(twoInstances);
    expect(command(s, byOther)).toBe(s);
    expect(states(command(holding(twoInstances, ['t7.cm1']), byOther))).toEqual(['mcim:sho1 Retired', 'mcim:sho1#2 Blocked']);
    expect(instanceNamed(twoInstances, 'mcim:sho2')).toBeUndefined();
  });

  it('the subscriber\'s own DELETE ([t7 cm3] off) reaches the instance in use too', () => {
    const s = holding(twoInstances, ['t7.cm3']);
    const after = transition(treMachine, s, { type: 'lifecycleCommand', msg: userLifecycleTerm(d.pcid, d.token, 'mcim:sho1', 'DELETE'), from: 'm2me' } as TreEvent)[0];
    expect(states(after)).toEqual(['mcim:sho1 Retired']);
  });
});
