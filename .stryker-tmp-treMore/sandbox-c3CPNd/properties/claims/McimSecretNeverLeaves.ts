// Safety, secrecy. 004 5.1.2.2 [t1 cm1, t2 cm3], 5.1.2.4 [t2 cm3, t3 cm4, t7 cm8]; x.2.3 NOTE 2 [t5 cm3]: no SHO's
// MCIM credential (Ki) is ever known to the attacker, whoever it is (network, malware, another MCIM, an insider);
// a dishonest SHO knows its own MCIM's Ki by right, never the other SHO's (5.1.3.7.3: neither obtains the other's).
import { shoIds } from '../../models/roleIds.ts';
import { worldConfig, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { attackerHolds } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

function leaked(world: World): string[] {
  const insider = worldConfig(world).attacker.dishonest;
  return shoIds.filter((s) => s !== insider).map((s) => `ki:${s}`).filter((ki) => attackerHolds(world, ki));
}

export const mcimSecretNeverLeaves: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimSecretNeverLeaves'),
  description: 'the attacker never derives the Ki of any SHO\'s MCIM',
  holds: onPart('knowledge', (world) => leaked(world).length === 0),
  explain: (world) => `expected no MCIM credential in the attacker's knowledge, actual: it derives ${leaked(world).join(', ')}`,
};
