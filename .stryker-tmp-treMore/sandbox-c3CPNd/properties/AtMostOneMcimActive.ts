// Safety, 004 5.1.3.7.2 design principle: "At most one MCIM can be active at any time" (active: Activated or
// Selected, 5.1.1.1). The TRE does not enforce it by a check of its own; it must follow from the flows.
import { activeMcims } from '../models/flows/flowOutcome.ts';
import type { TreContext } from '../models/roles/tre.ts';
import { isActive } from '../models/roles/treRegistry.ts';
import { roleSnapshot, type World } from '../models/world/World.ts';
import { propertyId, type Invariant } from '../src/engine/Property.ts';
import { onPart } from '../models/world/onPart.ts';

export const atMostOneMcimActive: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('AtMostOneMcimActive'),
  description: 'at most one MCIM in the TRE registry is Activated or Selected at any time (004 5.1.3.7.2)',
  holds: onPart('roles', (world) => activeMcims((id) => roleSnapshot(world, id)) <= 1),
  explain: (world) => {
    const active = (roleSnapshot(world, 'tre').context as TreContext).registry.filter(isActive);
    return `expected at most 1 active MCIM, actual ${active.length}: ${active.map((e) => `${e.id} ${e.state}`).join(', ')}`;
  },
};
