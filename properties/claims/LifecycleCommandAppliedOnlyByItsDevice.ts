// Safety, agreement on the device. 004 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle
// management come from a valid, authorised source" [t7 cm1]: an SHO authorises a lifecycle command for the device it
// names, so a TRE applies only commands that name its own device. Judged from the raw commands in each TRE's log
// against the device's identity as the supplier made it (models/messages.ts deviceNames), not from the TRE's check.
// An SHO with MCIMs in two devices signs commands for both; the other device's command, carried to this TRE, names
// the other device (`t7.ownSubscription`: the attacker's own device is a subscriber of the victim's SHO).
import { deviceNames } from '../../models/messages.ts';
import { deviceOf } from '../../models/roleIds.ts';
import type { World } from '../../models/world/World.ts';
import { showTerm, termEquals } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { commandDevice } from './observedTerms.ts';
import { tresOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

function misapplied(world: World): string[] {
  return tresOf(world).flatMap(({ role, tre }) => {
    const own = deviceNames(deviceOf(role)).pcid;
    return tre.commands.map((c) => c.term).filter((t) => {
      const named = commandDevice(t);
      return named === undefined || !termEquals(named, own);
    }).map((t) => `${showTerm(t)} at ${role}`);
  });
}

export const lifecycleCommandAppliedOnlyByItsDevice: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('LifecycleCommandAppliedOnlyByItsDevice'),
  description: 'every lifecycle command a TRE applies names that TRE\'s own device',
  holds: onPart('roles', (world) => misapplied(world).length === 0),
  explain: (world) => `expected only commands naming the TRE's own device, actual: applied ${misapplied(world).join(', ')}`,
};
