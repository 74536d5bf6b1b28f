// Safety, injective agreement (Lowe). 004 5.1.2.4 [t2 cm4, t2 cm5, t5 cm4, t12 cm2]; x.2.3 registration nonce:
// every MCIM object the TRE installs was issued by its SHO for one of this TRE's registrations, and no issued
// object is installed twice (no replay, no substitution, no second TRE).
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOf, victim } from './worldReaders.ts';
import { isShoId } from '../../models/roleIds.ts';
import { onPart } from '../../models/world/onPart.ts';

const ownNonce = `nreg:${victim.pcid.kind === 'name' ? victim.pcid.id : ''}:`;

function unmatched(world: World): string[] {
  const installs = treOf(world).installs;
  return installs.filter((record, i) => {
    const [sho, nonce] = record.split('|') as [string, string];
    if (installs.indexOf(record) !== i) return true;
    return !isShoId(sho) || !nonce.startsWith(ownNonce) || !shoOf(world, sho).issued.includes(nonce);
  });
}

export const installedMcimWasIssuedForThisTre: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('InstalledMcimWasIssuedForThisTre'),
  description: 'each MCIM object the TRE installs was issued by its SHO for a registration of this TRE, and is installed once',
  holds: onPart('roles', (world) => unmatched(world).length === 0),
  explain: (world) => `expected every install to match one issue by its SHO for this TRE's nonce, actual: unmatched ${unmatched(world).join(', ')}`,
};
