// Safety. 004 5.1.2.2 "A TRE should be able to be updated remotely by an authorised entity using secure protocols"
// [t6 cm4]: the TRE never runs firmware the equipment supplier did not issue.
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

export const treFirmwareOnlyFromSupplier: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('TreFirmwareOnlyFromSupplier'),
  description: 'the TRE runs only firmware issued by the equipment supplier',
  holds: onPart('roles', (world) => treOf(world).firmware !== 'modified'),
  explain: () => 'expected firmware v1 or v2 from the supplier, actual: modified firmware installed',
};
