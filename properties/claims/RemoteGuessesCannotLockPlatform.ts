// Safety. 003 t10 cm7 "by default, the TRE should not allow remote user authentication" (004 5.1.2.2 [t10 cm 1 -
// 11]): guesses sent over the network never get the user credential blocked (a remote denial of service).
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

export const remoteGuessesCannotLockPlatform: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('RemoteGuessesCannotLockPlatform'),
  description: 'remote guesses never block the user credential',
  holds: onPart('roles', (world) => treOf(world).userBlocked !== 'remote'),
  explain: () => 'expected remote entries refused, actual: the user credential was blocked by entries from the network',
};
