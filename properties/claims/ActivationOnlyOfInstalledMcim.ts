// Safety. 004 5.1.3.7.4.2, variant "credentials for the old SHO and those for the new SHO may already be present": the
// new SHO's activation object activates its MCIM waiting in the TRE, which 5.1.1.1 lets be Activated from Installed;
// a Blocked MCIM (e.g. blocked by the integrity check for modified code, 5.1.2.3 [t8 cm8]) returns to Activated only by
// "Unblocking". So the TRE applies an activation object only while an instance of the MCIM it names is Installed.
// Judged from the raw object (the SHO it names) and the registry the TRE held when it applied it (the TRE's log).
import type { World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { objectView } from './observedTerms.ts';
import { treOf } from './worldReaders.ts';

const notWaiting = (world: World): string[] => {
  const tre = treOf(world);
  return tre.activations.flatMap((term, i) => {
    const { sho } = objectView(term);
    const instances = (tre.activationRegistries[i] ?? []).filter((e) => e.owner === sho);
    return instances.some((e) => e.state === 'Installed') ? [] :
      [`${showTerm(term)} while ${instances.map((e) => `${e.id} ${e.state}`).join(', ') || `no MCIM of ${sho ?? '?'}`}`];
  });
};

export const activationOnlyOfInstalledMcim: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ActivationOnlyOfInstalledMcim'),
  description: 'the TRE applies an activation object only while the MCIM it names waits Installed',
  holds: onPart('roles', (world) => notWaiting(world).length === 0),
  explain: (world) => `expected activation objects applied only to an Installed MCIM, actual: applied ${notWaiting(world).join('; ')}`,
};
