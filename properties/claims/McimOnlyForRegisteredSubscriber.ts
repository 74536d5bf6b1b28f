// Safety. 004 5.1.2.4 "an MCIM required for a given service can only be provisioned to an M2ME that acts on behalf of
// the M2ME subscriber who registered for that service" [t2 cm5, t5 cm4, t12 cm2]; x.2.3 device token: every MCIM in
// the TRE comes from an SHO whose contract carries this device's token (the subscriber who holds the device).
import type { World } from '../../models/world/World.ts';
import { same } from '../../models/readTerm.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOf, victim } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

function foreign(world: World): string[] {
  const tre = treOf(world);
  const entries = [...tre.registry, ...(tre.staged === null ? [] : [tre.staged.entry])];
  return entries.filter((e) => !same(shoOf(world, e.owner).token ?? undefined, victim.token)).map((e) => e.id);
}

export const mcimOnlyForRegisteredSubscriber: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimOnlyForRegisteredSubscriber'),
  description: 'every MCIM in the TRE belongs to a contract made with this device\'s token',
  holds: onPart('roles', (world) => foreign(world).length === 0),
  explain: (world) => `expected only MCIMs of contracts carrying the device token, actual: ${foreign(world).join(', ')} under a contract with another token`,
};
