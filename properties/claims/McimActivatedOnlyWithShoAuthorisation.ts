// Safety. 004 5.1.1.1 "Activated: an instance of the MCIM is authorised for operational use" [t7 cm1, t8 cm6]:
// every active MCIM was activated on its SHO's verified authorisation (an MCIM object or the both-present
// activation), not by a path around it.
import { isActive } from '../../models/roles/treRegistry.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

const unauthorised = (world: World): string[] => treOf(world).registry.filter((e) => isActive(e) && !e.authorised).map((e) => `${e.id} ${e.state}`);

export const mcimActivatedOnlyWithShoAuthorisation: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimActivatedOnlyWithShoAuthorisation'),
  description: 'no MCIM becomes active without its SHO\'s authorisation of its activation',
  holds: onPart('roles', (world) => unauthorised(world).length === 0),
  explain: (world) => `expected every active MCIM activated by its SHO, actual: ${unauthorised(world).join(', ')} never activated by its SHO`,
};
