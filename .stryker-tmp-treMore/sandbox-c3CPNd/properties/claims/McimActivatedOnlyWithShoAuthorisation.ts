// Safety. 004 5.1.1.1 "Activated: an instance of the MCIM is authorised for operational use" [t7 cm1, t8 cm6]:
// every active MCIM was authorised by its own SHO: the TRE applied an object of that SHO's signing for it (an MCIM
// object, the both-present activation, or an ACTIVATE command). Judged from the raw terms in the TRE's logs by their
// signer, not from what the TRE's checks concluded.
import { isActive } from '../../models/roles/treRegistry.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { commandView, objectView } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

function unauthorised(world: World): string[] {
  const tre = treOf(world);
  const authorisedBySigner = new Set([
    ...[...tre.installs, ...tre.activations].map(objectView).filter((o) => o.signer !== undefined && o.sho === o.signer).map((o) => `mcim:${o.sho}`),
    ...tre.commands.map((c) => commandView(c.term)).filter((c) => c.event === 'ACTIVATE' && c.signer !== undefined && c.mcim === `mcim:${c.signer}`).map((c) => c.mcim!),
  ]);
  return tre.registry.filter((e) => isActive(e) && !authorisedBySigner.has(e.id)).map((e) => `${e.id} ${e.state}`);
}

export const mcimActivatedOnlyWithShoAuthorisation: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimActivatedOnlyWithShoAuthorisation'),
  description: 'no MCIM becomes active without its SHO\'s signed authorisation of it',
  holds: onPart('roles', (world) => unauthorised(world).length === 0),
  explain: (world) => `expected every active MCIM authorised under its SHO's signature, actual: ${unauthorised(world).join(', ')} never authorised by its SHO`,
};
