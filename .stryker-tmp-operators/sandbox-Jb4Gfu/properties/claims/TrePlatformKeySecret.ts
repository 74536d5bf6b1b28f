// Safety, secrecy. 004 5.1.2.2 [t4 cm2, t6 cm1], [t4 cm3, t8 cm5]; 5.1.1.2 NOTE: the TRE platform key, which the
// MCIM is sealed under, never leaves the TRE.
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { attackerHolds, victim } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

const keyName = victim.platformKey.kind === 'name' ? victim.platformKey.id : '';

export const trePlatformKeySecret: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('TrePlatformKeySecret'),
  description: 'the attacker never derives the platform key of the victim\'s TRE',
  holds: onPart('knowledge', (world) => !attackerHolds(world, keyName)),
  explain: () => `expected ${keyName} to stay in the TRE, actual: the attacker derives it`,
};
