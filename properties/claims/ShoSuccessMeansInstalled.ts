// Safety, agreement. 004 steps 13-14 [t2 cm4]: an SHO that holds a success report for its registration has its
// MCIM installed in that TRE (the report's origin is the TRE, not whoever relayed or forged it).
import { shoIds, type ShoId } from '../../models/roleIds.ts';
import type { World } from '../../models/world/World.ts';
import { nameId } from '../../models/readTerm.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

function misled(world: World): ShoId[] {
  const tre = treOf(world);
  return shoIds.filter((s) => {
    const sho = shoOf(world, s);
    if (sho.report !== 'success') return false;
    return !tre.installs.includes(`${s}|${nameId(sho.nonce ?? undefined) ?? '?'}`);
  });
}

export const shoSuccessMeansInstalled: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ShoSuccessMeansInstalled'),
  description: 'an SHO holds a success report only when the TRE installed the MCIM object of that registration',
  holds: onPart('roles', (world) => misled(world).length === 0),
  explain: (world) => `expected a success report only after the install, actual: ${misled(world).join(', ')} report success for an MCIM the TRE never installed`,
};
