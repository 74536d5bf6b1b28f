// Safety. 003 t10 cm6 "block ... after n consecutive unsuccessful attempts" (004 5.1.2.2 [t10 cm 1 - 11]): the TRE
// never evaluates more than n consecutive wrong user credentials (n = USER_TRIES).
import { USER_TRIES } from '../../models/roles/tre.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

export const userCredentialBlockedAfterNWrongTries: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('UserCredentialBlockedAfterNWrongTries'),
  description: `the TRE evaluates at most ${USER_TRIES} consecutive wrong user credentials`,
  holds: onPart('roles', (world) => treOf(world).userWrong <= USER_TRIES),
  explain: (world) => `expected at most ${USER_TRIES} consecutive wrong entries, actual: ${treOf(world).userWrong} evaluated`,
};
