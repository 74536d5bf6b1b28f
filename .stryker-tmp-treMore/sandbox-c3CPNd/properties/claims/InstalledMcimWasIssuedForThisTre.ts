// Safety, injective agreement (Lowe). 004 5.1.2.4 [t2 cm4, t2 cm5, t5 cm4, t12 cm2]; x.2.3 registration nonce:
// every MCIM object the TRE installs was issued by its SHO for one of this TRE's registrations, and no issued
// object is installed more often than it was issued (no replay, no substitution, no second TRE). Judged from the raw
// objects the TRE installed and the SHOs issued (their ghost logs), never from what the TRE's checks concluded.
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOf, victim } from './worldReaders.ts';
import { objectView, occurrences } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

const ownNonce = `nreg:${victim.pcid.kind === 'name' ? victim.pcid.id : ''}:`;

function unmatched(world: World): Term[] {
  const installs = treOf(world).installs;
  return installs.filter((object, i) => {
    if (installs.findIndex((x) => termEquals(x, object)) !== i) return false;
    const { signer, nonce } = objectView(object);
    if (signer === undefined || nonce?.startsWith(ownNonce) !== true) return true;
    return occurrences(installs, object) > occurrences(shoOf(world, signer).issued.map((x) => x.object), object);
  });
}

export const installedMcimWasIssuedForThisTre: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('InstalledMcimWasIssuedForThisTre'),
  description: 'each MCIM object the TRE installs was issued by its SHO for a registration of this TRE, and is installed at most as often as issued',
  holds: onPart('roles', (world) => unmatched(world).length === 0),
  explain: (world) => `expected every install to match one issue by its signer for this TRE's nonce, actual: unmatched ${unmatched(world).map(showTerm).join(', ')}`,
};
