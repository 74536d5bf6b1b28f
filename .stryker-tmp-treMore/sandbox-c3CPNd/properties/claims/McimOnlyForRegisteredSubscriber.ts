// Safety. 004 5.1.2.4 "an MCIM required for a given service can only be provisioned to an M2ME that acts on behalf of
// the M2ME subscriber who registered for that service" [t2 cm5, t5 cm4, t12 cm2]; x.2.3 device token: every object
// the TRE applies in a run (an MCIM object installed, an activation applied) was issued by its signer under a contract
// carrying this device's token (the subscriber who holds the device). MCIMs present when the run starts were
// provisioned before it (the scenario's premise) and are not judged.
import type { World } from '../../models/world/World.ts';
import { showTerm, termEquals } from '../../src/attacker/Term.ts';
import { same } from '../../models/readTerm.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOf, victim } from './worldReaders.ts';
import { objectView } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

function foreign(world: World): string[] {
  const tre = treOf(world);
  return [...tre.installs, ...tre.activations].filter((object) => {
    const signer = objectView(object).signer;
    const issue = signer === undefined ? undefined : shoOf(world, signer).issued.find((x) => termEquals(x.object, object));
    return issue === undefined || !same(issue.token ?? undefined, victim.token);
  }).map(showTerm);
}

export const mcimOnlyForRegisteredSubscriber: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimOnlyForRegisteredSubscriber'),
  description: 'every MCIM object the TRE applies was issued under a contract made with this device\'s token',
  holds: onPart('roles', (world) => foreign(world).length === 0),
  explain: (world) => `expected only objects issued under contracts carrying the device token, actual: ${foreign(world).join(', ')}`,
};
