// Safety. 004 5.1.2.3 "check the integrity of MCIMs as part of a secure boot process whenever the TRE is reset ...
// anomalies should result in that MCIM being placed into the blocked lifecycle state" [t6 cm5, t8 cm8]: an MCIM found
// modified at a boot or reset is never active afterwards.
import { isActive } from '../../models/roles/treRegistry.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

const usable = (world: World): string[] => treOf(world).registry.filter((e) => e.modifiedAtCheck && isActive(e)).map((e) => `${e.id} ${e.state}`);

export const modifiedMcimNeverSelectedAfterBoot: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ModifiedMcimNeverSelectedAfterBoot'),
  description: 'an MCIM whose code was modified is never active after the next boot or reset',
  holds: onPart('roles', (world) => usable(world).length === 0),
  explain: (world) => `expected a modified MCIM to be blocked after the integrity check, actual: ${usable(world).join(', ')}`,
};
