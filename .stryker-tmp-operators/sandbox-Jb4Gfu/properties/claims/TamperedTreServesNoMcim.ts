// Safety. 004 5.1.2.2 "Any tampering ... should be detected and should result in lockdown of the TRE" [t4 cm5,
// t6 cm5]: once tampering is detected, no MCIM of that TRE is usable (active) any more.
import { isActive } from '../../models/roles/treRegistry.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf, treState } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

function serving(world: World): string[] {
  const tre = treOf(world);
  if (!tre.tampered || treState(world) === 'LockedDown') return [];
  return tre.registry.filter(isActive).map((e) => `${e.id} ${e.state}`);
}

export const tamperedTreServesNoMcim: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('TamperedTreServesNoMcim'),
  description: 'a TRE whose tampering was detected performs no MCIM operation: none of its MCIMs is active',
  holds: onPart('roles', (world) => serving(world).length === 0),
  explain: (world) => `expected a tampered TRE to be locked down, actual: it serves ${serving(world).join(', ')}`,
};
