// The subscriber's own lifecycle command for its SHO's MCIM [t7 cm3] (models/roles/treChecks.ts userLifecycle):
// refused with the switch on, applied with it off, and never without the device token.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { name } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../../models/counterMeasures/switches.ts';
import { bootTerm, deviceNames, preprovisionTerm, userLifecycleTerm } from '../../models/messages.ts';
import { treMachine, type TreEvent } from '../../models/roles/tre.ts';
import { mcimEntryFor } from '../../models/roles/treRegistry.ts';

type Snap = SnapshotFrom<typeof treMachine>;
const d = deviceNames('dev1');
const command = (s: Snap, msg = userLifecycleTerm(d.pcid, d.token, 'mcim:sho1', 'DELETE')): Snap =>
  transition(treMachine, s, { type: 'lifecycleCommand', msg, from: 'm2me' } as TreEvent)[0];

function served(off: readonly SwitchId[] = []): Snap {
  const blank = initialTransition(treMachine, { off, blockFromInstalled: true })[0];
  const made = transition(treMachine, blank, { type: 'preprovision', msg: preprovisionTerm(d), from: 'supplier' } as TreEvent)[0];
  const booted = transition(treMachine, made, { type: 'boot', msg: bootTerm(), from: 'm2me' } as TreEvent)[0];
  return treMachine.resolveState({ value: booted.value, context: { ...booted.context, registry: [mcimEntryFor('sho1', 'Activated')] } });
}

describe('the subscriber\'s own lifecycle command [t7 cm3]', () => {
  it('is refused with the switch on: a control of the SHO\'s MCIM the user cannot override', () => {
    const s = served();
    expect(command(s)).toBe(s);
  });

  it('deletes the SHO\'s MCIM with the switch off, and is logged as applied', () => {
    const after = command(served(['t7.cm3']));
    expect(after.context.registry).toEqual([]);
    expect(after.context.commands).toHaveLength(1);
  });

  it('is refused under another token even with the switch off', () => {
    const s = served(['t7.cm3']);
    expect(command(s, userLifecycleTerm(d.pcid, name('tok:attacker'), 'mcim:sho1', 'DELETE'))).toBe(s);
  });
});
