// Safety. 003 t10 cm7 "by default, the TRE should not allow remote user authentication" (004 5.1.2.2 [t10 cm 1 -
// 11]): guesses sent over the network never get the user credential blocked (a remote denial of service). Judged from
// the raw entries the TRE evaluated: when the credential is blocked, none of the wrong tries that led to it came
// from the network.
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { originOf, trailingWrongEntries } from './userEntries.ts';
import { onPart } from '../../models/world/onPart.ts';

function remoteTries(world: World): number {
  const tre = treOf(world);
  return tre.userBlocked === 'no' ? 0 : trailingWrongEntries(tre.userEntries).filter((t) => originOf(t) === 'remote').length;
}

export const remoteGuessesCannotLockPlatform: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('RemoteGuessesCannotLockPlatform'),
  description: 'remote guesses never block the user credential',
  holds: onPart('roles', (world) => remoteTries(world) === 0),
  explain: (world) => `expected remote entries refused, actual: the user credential was blocked after ${remoteTries(world)} wrong entries from the network`,
};
