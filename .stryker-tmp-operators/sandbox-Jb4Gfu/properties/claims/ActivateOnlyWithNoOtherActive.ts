// Safety. 004 5.1.1.1 "Activated: an instance of the MCIM is authorised for operational use" with its NOTE
// ("restrictions on the ability of multiple MCIMs to be active simultaneously") and 5.1.3.7.2 "At most one MCIM can be
// active at any time": the TRE applies an ACTIVATE command only while no other MCIM is active. Judged from the raw
// commands in the TRE's log and the MCIMs the log records active when each arrived.
import type { World } from '../../models/world/World.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { commandView } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

const beside = (world: World): string[] =>
  treOf(world).commands.flatMap((c) => {
    const { mcim, event } = commandView(c.term);
    const others = c.active.filter((id) => id !== mcim);
    return event === 'ACTIVATE' && others.length > 0 ? [`${showTerm(c.term)} while ${others.join(', ')} active`] : [];
  });

export const activateOnlyWithNoOtherActive: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ActivateOnlyWithNoOtherActive'),
  description: 'the TRE applies an ACTIVATE command only while no other MCIM is active',
  holds: onPart('roles', (world) => beside(world).length === 0),
  explain: (world) => `expected ACTIVATE applied only with no other MCIM active, actual: ${beside(world).join('; ')}`,
};
