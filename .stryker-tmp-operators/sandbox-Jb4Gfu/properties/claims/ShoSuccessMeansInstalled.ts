// Safety, agreement. 004 steps 13-14 [t2 cm4]; 5.1.3.7.4.2 step 13 and its both-present variant: an SHO that holds a
// success report for its registration has had its object for that registration applied by the TRE: its MCIM object
// installed, or (both-present variant) its activation object applied. Judged from the raw objects in the TRE's log,
// by their signer and nonce (the report's origin is the TRE, not whoever relayed or forged it). With several devices,
// the TRE is that of the device the SHO's contract names.
import { shoIds, type ShoId } from '../../models/roleIds.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOfDevice } from './worldReaders.ts';
import { objectView } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

function misled(world: World): ShoId[] {
  return shoIds.filter((s) => {
    const sho = shoOf(world, s);
    if (sho.report !== 'success') return false;
    const tre = treOfDevice(world, sho.device);
    const applied = [...tre.installs, ...tre.activations].map(objectView);
    const nonce = sho.nonce?.kind === 'name' ? sho.nonce.id : undefined;
    return !applied.some((o) => o.signer === s && o.nonce === nonce);
  });
}

export const shoSuccessMeansInstalled: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ShoSuccessMeansInstalled'),
  description: 'an SHO holds a success report only when the TRE applied its object (MCIM or activation) of that registration',
  holds: onPart('roles', (world) => misled(world).length === 0),
  explain: (world) => `expected a success report only after the TRE applied that SHO's object, actual: ${misled(world).join(', ')} report success for an object the TRE never applied`,
};
